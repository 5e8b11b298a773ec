-- Households registered by their base council for distribution rounds, and the office that keeps them.
-- Personal data (head of household, address, phone) is read only by the council's distribution
-- officers (core/supply/permissions.ts). The identity document is never stored: only a keyed hash
-- (HMAC-SHA-256 under this instance's secret salt), enough to find the same household registered in two
-- councils without revealing the document to anyone.

alter table offices drop constraint offices_office_check;
alter table offices add constraint offices_office_check
  check (office in ('secretary', 'chair', 'treasurer', 'distribution'));

-- Secrets of this instance, made on first use by the server (never exported, never in the ledger).
create table instance_secrets (
  name text primary key check (name ~ '^[a-z][a-z0-9-]{0,39}$'),
  value bytea not null check (octet_length(value) >= 32),
  created_at timestamptz not null default now()
);

create table households (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  head_name text not null check (length(head_name) between 1 and 200),
  address text not null check (length(address) between 1 and 300),
  phone text check (length(phone) between 3 and 40),
  -- People by age band (core/supply/ration-rule.ts AGE_BANDS): 0–4, 5–17, 18–59, 60+.
  infants int not null default 0 check (infants between 0 and 500),
  children int not null default 0 check (children between 0 and 500),
  adults int not null default 0 check (adults between 0 and 500),
  elders int not null default 0 check (elders between 0 and 500),
  flags text[] not null default '{}'
    check (flags <@ array['infants', 'elderly', 'illness', 'disability']::text[]),
  identity_hash bytea check (octet_length(identity_hash) = 32),
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  registered_at timestamptz not null default now(),
  registered_by uuid references persons (id),
  updated_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawal_reason text check (length(withdrawal_reason) between 1 and 300),
  check (infants + children + adults + elders between 1 and 500),
  check ((status = 'withdrawn') = (withdrawn_at is not null))
);
create index households_council on households (council_id, status, head_name);
-- One active registration of a document per council; across councils a match is reported, not refused.
create unique index households_one_identity_per_council on households (council_id, identity_hash)
  where status = 'active' and identity_hash is not null;
create index households_identity on households (identity_hash) where status = 'active' and identity_hash is not null;
