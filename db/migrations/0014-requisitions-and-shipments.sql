-- Requisitions up the tree and shipment plans down it (issue 6 §7). A child council asks its parent body
-- for an item, with its stock and recent consumption as evidence; the parent approves all, part or none;
-- a shipment plan divides the parent's stock among the approved requisitions (core/supply/shipment-plan.ts:
-- max-min fair fill ratio, then most shipped, then least distance) and, once executed, becomes transfers.

-- Where a depot is, for distances (WGS 84 degrees). Optional; a plan needs it for every depot it uses.
alter table depots
  add column latitude double precision check (latitude between -90 and 90),
  add column longitude double precision check (longitude between -180 and 180),
  add constraint depots_location_whole check ((latitude is null) = (longitude is null));

create table requisitions (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  parent_id uuid not null references councils (id),
  item_id uuid not null references items (id),
  to_depot_id uuid not null references depots (id),
  requested_milli bigint not null check (requested_milli > 0),
  -- Evidence computed when submitted: stock on the council's shelves, and what left them in 30 days.
  stock_milli bigint not null check (stock_milli >= 0),
  consumption_30d_milli bigint not null check (consumption_30d_milli >= 0),
  note text check (note is null or length(note) between 1 and 1000),
  status text not null default 'submitted'
    check (status in ('submitted', 'approved', 'rejected', 'planned', 'withdrawn')),
  approved_milli bigint check (approved_milli > 0 and approved_milli <= requested_milli),
  decision_note text check (decision_note is null or length(decision_note) between 1 and 1000),
  submitted_at timestamptz not null default now(),
  submitted_by uuid not null references persons (id),
  decided_at timestamptz,
  decided_by uuid references persons (id),
  plan_id uuid,
  check ((status in ('approved', 'planned')) = (approved_milli is not null)),
  check ((status in ('submitted', 'withdrawn')) = (decided_at is null))
);
create index requisitions_parent on requisitions (parent_id, item_id, status);
create index requisitions_council on requisitions (council_id, submitted_at desc);

create table shipment_plans (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  item_id uuid not null references items (id),
  -- Planned in whole base units (kg, L, cylinders): the solver's exact arithmetic has room for
  -- ~90,000 tonnes of demand that way.
  fair_ratio_numerator bigint not null,
  fair_ratio_denominator bigint not null check (fair_ratio_denominator > 0),
  total_shipped_milli bigint not null check (total_shipped_milli >= 0),
  total_cost_km bigint not null check (total_cost_km >= 0),
  fills jsonb not null,
  status text not null default 'draft' check (status in ('draft', 'executed', 'discarded')),
  created_at timestamptz not null default now(),
  created_by uuid not null references persons (id),
  executed_at timestamptz,
  executed_by uuid references persons (id),
  check ((status = 'executed') = (executed_at is not null))
);
alter table requisitions add constraint requisitions_plan foreign key (plan_id) references shipment_plans (id);
-- One draft per body and item at a time.
create unique index shipment_plans_one_draft on shipment_plans (council_id, item_id) where status = 'draft';

create table shipment_lines (
  plan_id uuid not null references shipment_plans (id),
  requisition_id uuid not null references requisitions (id),
  from_depot_id uuid not null references depots (id),
  to_depot_id uuid not null references depots (id),
  quantity_milli bigint not null check (quantity_milli > 0),
  distance_km int not null check (distance_km >= 0),
  transfer_id uuid references transfers (id),
  primary key (plan_id, requisition_id, from_depot_id)
);
