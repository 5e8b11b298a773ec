-- Ration rules adopted by vote, the limits a parent body sets on them, and distribution rounds with their
-- entitlements and pick-ups (issue 6 §5–6). Quantities in milli-units of the item's base unit.

-- A parent body's limits on the rules of every council under it, per item (core/supply/ration-rule.ts
-- ParentLimits). Set by the body's leading officers; each change is a new row, the latest is in force.
create table ration_limits (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  item_id uuid not null references items (id),
  limits jsonb not null,
  set_at timestamptz not null default now(),
  set_by uuid not null references persons (id)
);
create index ration_limits_in_force on ration_limits (council_id, item_id, set_at desc);

-- Versions of a council's rule for an item. A version is proposed, put to a vote of the council (a poll
-- whose subject is the version: server/decisions/poll-subjects.ts), and adopted or rejected when the
-- poll closes. Adopting a version supersedes the one in force. The rule itself never changes after it
-- is proposed: a change is a new version.
create table ration_rules (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  item_id uuid not null references items (id),
  version int not null check (version >= 1),
  rule jsonb not null,
  note text check (note is null or length(note) between 1 and 2000),
  status text not null default 'proposed'
    check (status in ('proposed', 'in-vote', 'adopted', 'rejected', 'superseded', 'withdrawn')),
  proposed_at timestamptz not null default now(),
  proposed_by uuid not null references persons (id),
  poll_id uuid references polls (id),
  decided_at timestamptz,
  decision_summary text,
  unique (council_id, item_id, version),
  check ((status in ('adopted', 'rejected', 'superseded')) = (decided_at is not null and poll_id is not null))
);
-- At most one rule in force per council and item.
create unique index ration_rules_one_in_force on ration_rules (council_id, item_id) where status = 'adopted';

-- One application of the rule in force to the stock of one depot. Everything the allocation used is
-- kept (rule version and content, stock, step, tie-break seed, each household's entitlement, weight and
-- class), so anyone can recompute it and get the same result (DESIGN invariant 6).
create table distribution_rounds (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  depot_id uuid not null references depots (id),
  item_id uuid not null references items (id),
  rule_id uuid not null references ration_rules (id),
  rule jsonb not null,
  stock_milli bigint not null check (stock_milli >= 0),
  step_milli bigint not null check (step_milli >= 1),
  tie_break_seed text not null,
  entitlement_milli bigint not null check (entitlement_milli >= 0),
  allocated_milli bigint not null check (allocated_milli >= 0 and allocated_milli <= stock_milli),
  classes jsonb not null,
  title text not null check (length(title) between 1 and 200),
  status text not null default 'open' check (status in ('open', 'closed')),
  opened_at timestamptz not null default now(),
  opened_by uuid not null references persons (id),
  closed_at timestamptz,
  closed_by uuid references persons (id),
  check ((status = 'closed') = (closed_at is not null))
);
create index distribution_rounds_council on distribution_rounds (council_id, opened_at desc);

create table round_entitlements (
  round_id uuid not null references distribution_rounds (id),
  household_id uuid not null references households (id),
  -- The household as the round saw it (a later correction does not change a past round).
  people jsonb not null,
  flags text[] not null,
  priority_class int not null check (priority_class >= 0),
  weight_millis int not null check (weight_millis >= 0),
  entitlement_milli bigint not null check (entitlement_milli >= 0),
  allocated_milli bigint not null check (allocated_milli >= 0 and allocated_milli <= entitlement_milli),
  -- The pick-up: who handed it out, when, and the distribution event it wrote at the depot.
  picked_up_at timestamptz,
  handed_out_by uuid references persons (id),
  stock_event_id bigint references stock_events (id),
  primary key (round_id, household_id),
  check ((picked_up_at is null) = (handed_out_by is null)),
  check ((picked_up_at is null) = (stock_event_id is null))
);
