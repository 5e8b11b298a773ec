-- Price control (issue 7): market price series imported from files (the WFP layout), caps adopted by
-- vote, members' price reports, and the violations they reveal with the council's follow-up.
-- Money is in hundredths of the currency (centavos for BOB), exact integers, three-letter ISO codes.

-- Markets and commodities named by imported series. A commodity may be tied to an item of the supply
-- catalogue, so caps and reports on that item are drawn on its series.
create table markets (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  admin1 text not null default '' check (length(admin1) <= 200),
  admin2 text not null default '' check (length(admin2) <= 200),
  source_code text check (length(source_code) between 1 and 40),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  unique (name, admin1, admin2)
);

create table commodities (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 200),
  category text not null default '' check (length(category) <= 200),
  source_code text check (length(source_code) between 1 and 40),
  item_id uuid references items (id)
);

-- One import of a file: its progress while it runs, its account of every row when done.
create table price_imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null check (length(file_name) between 1 and 300),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  rows_total int not null default 0 check (rows_total >= 0),
  rows_done int not null default 0 check (rows_done >= 0),
  imported int not null default 0 check (imported >= 0),
  already_present int not null default 0 check (already_present >= 0),
  conflicts int not null default 0 check (conflicts >= 0),
  rejected int not null default 0 check (rejected >= 0),
  outliers int not null default 0 check (outliers >= 0),
  -- Every rejected row with its line, field and reason (and conflicting rows), for the import's report.
  rejections jsonb not null default '[]',
  failure text,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  imported_by uuid references persons (id),
  check ((status = 'running') = (finished_at is null))
);

-- One price of one series on one date. The unique key makes a re-import add nothing twice.
create table price_observations (
  id bigint generated always as identity primary key,
  market_id uuid not null references markets (id),
  commodity_id uuid not null references commodities (id),
  price_type text not null check (price_type in ('retail', 'wholesale', 'farm-gate')),
  unit_label text not null check (length(unit_label) between 1 and 40),
  base_unit text not null check (base_unit in ('kg', 'L', 'unit')),
  base_quantity double precision not null check (base_quantity > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  observed_on date not null,
  price_cents bigint not null check (price_cents > 0),
  -- price_cents ÷ base_quantity: per kg, L or unit (not rounded).
  base_price_cents double precision not null check (base_price_cents > 0),
  -- Screening (core/prices/outliers.ts): a ×3 jump from the previous accepted price of the series is
  -- kept, flagged with its reason and ratio, and left out of the anomaly baselines.
  is_outlier boolean not null default false,
  outlier_reason text,
  outlier_ratio double precision,
  import_id uuid references price_imports (id),
  unique (market_id, commodity_id, price_type, unit_label, currency, observed_on)
);
create index price_observations_series on price_observations (commodity_id, market_id, price_type, unit_label, observed_on);

-- Caps: the most a seller may charge for an item in the council's territory and every council under it,
-- per base unit of the item, from valid_from to valid_to (open-ended if null). Adopted by a vote of the
-- council (a poll whose subject is the cap); a council under another may set a lower cap, never higher.
create table price_caps (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  item_id uuid not null references items (id),
  currency char(3) not null default 'BOB' check (currency ~ '^[A-Z]{3}$'),
  cap_cents bigint not null check (cap_cents > 0 and cap_cents <= 100000000000),
  valid_from date not null,
  valid_to date,
  note text check (note is null or length(note) between 1 and 1000),
  status text not null default 'proposed'
    check (status in ('proposed', 'in-vote', 'adopted', 'rejected', 'superseded', 'withdrawn')),
  proposed_at timestamptz not null default now(),
  proposed_by uuid not null references persons (id),
  poll_id uuid references polls (id),
  decided_at timestamptz,
  decision_summary text,
  check (valid_to is null or valid_to >= valid_from),
  check ((status in ('adopted', 'rejected', 'superseded')) = (decided_at is not null and poll_id is not null))
);
-- One cap in force per council, item and currency: adopting a new one supersedes it.
create unique index price_caps_one_in_force on price_caps (council_id, item_id, currency) where status = 'adopted';
create index price_caps_item on price_caps (item_id, status);

-- What members see at a seller: quantity in a unit of the item, normalised to its base unit.
create table price_reports (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  reported_by uuid not null references persons (id),
  seller text not null check (length(seller) between 1 and 200),
  -- lower(trim(seller)) with spaces collapsed: the seller's history groups by it.
  seller_key text not null check (length(seller_key) between 1 and 200),
  market text check (market is null or length(market) between 1 and 200),
  item_id uuid not null references items (id),
  quantity_milli bigint not null check (quantity_milli > 0),
  unit text not null check (length(unit) between 1 and 40),
  price_cents bigint not null check (price_cents > 0 and price_cents <= 100000000000),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  -- price_cents × 1000 ÷ quantity_milli: per base unit of the item, exact.
  base_price_cents numeric not null check (base_price_cents > 0),
  observed_on date not null,
  note text check (note is null or length(note) between 1 and 1000),
  reported_at timestamptz not null default now()
);
create index price_reports_council on price_reports (council_id, reported_at desc);
create index price_reports_seller on price_reports (council_id, seller_key, observed_on desc);

-- A report above the cap in force where it was made, visible to the reporting member's council, with
-- the council's follow-up (warning, inspection, resolved), each step recorded.
create table price_violations (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null unique references price_reports (id),
  cap_id uuid not null references price_caps (id),
  council_id uuid not null references councils (id),
  status text not null default 'open' check (status in ('open', 'warning', 'inspection', 'resolved')),
  created_at timestamptz not null default now()
);
create index price_violations_council on price_violations (council_id, status, created_at desc);

create table violation_followups (
  id uuid primary key default gen_random_uuid(),
  violation_id uuid not null references price_violations (id),
  action text not null check (action in ('warning', 'inspection', 'resolved', 'note')),
  note text check (note is null or length(note) between 1 and 1000),
  acted_by uuid not null references persons (id),
  acted_at timestamptz not null default now()
);
create index violation_followups_violation on violation_followups (violation_id, acted_at);
