-- The stock ledger (issue 6 §1–3): a catalogue of items with their units, depots owned by councils,
-- append-only stock events per depot and item, the exact cache of current balances, and transfers
-- between depots (of one council or of two).
--
-- Quantities are integers in milli-units of the item's base unit (quantity_milli): 1 kg of rice is
-- 1000, one LPG cylinder is 1000; an item's step_milli is the smallest quantity it moves in (1 for rice
-- by the gram, 1000 for an indivisible cylinder or sack).

create table items (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  category text not null check (category in ('food', 'fuel', 'medicine', 'hygiene', 'water', 'other')),
  -- The unit quantities are kept in: 'kg', 'L', 'cylinder 10 kg', 'sack 50 kg', 'pack'.
  base_unit text not null check (length(base_unit) between 1 and 40),
  step_milli bigint not null check (step_milli between 1 and 1000000000),
  created_at timestamptz not null default now(),
  created_by uuid references persons (id)
);
create unique index items_name on items (lower(name));

-- Other units an item is counted in, each as a whole number of milli base units: a 50 kg sack of
-- flour (base unit kg) is 50,000. The base unit itself is not listed (it is 1000).
create table item_units (
  item_id uuid not null references items (id),
  unit text not null check (length(unit) between 1 and 40),
  milli_per_unit bigint not null check (milli_per_unit between 1 and 1000000000000),
  primary key (item_id, unit)
);

create table depots (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('depot', 'distribution-point')),
  place text check (place is null or length(place) between 1 and 300),
  created_at timestamptz not null default now(),
  created_by uuid references persons (id)
);
create unique index depots_council_name on depots (council_id, lower(name));

-- One logical act with two legs (DESIGN invariant 5): sending writes the transfer-out event and this row
-- in one transaction; receiving writes the transfer-in of the accepted quantity (and the transfer-return
-- of the rejected one to the sender's shelf) and marks the row received. While in transit the quantity
-- is on neither shelf: it is this row's quantity_milli.
create table transfers (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references items (id),
  from_depot_id uuid not null references depots (id),
  from_council_id uuid not null references councils (id),
  to_depot_id uuid not null references depots (id),
  to_council_id uuid not null references councils (id),
  quantity_milli bigint not null check (quantity_milli > 0),
  status text not null check (status in ('in-transit', 'received')),
  accepted_milli bigint check (accepted_milli >= 0),
  rejected_milli bigint check (rejected_milli >= 0),
  rejection_note text check (rejection_note is null or length(rejection_note) between 1 and 1000),
  note text check (note is null or length(note) between 1 and 1000),
  sent_at timestamptz not null,
  sent_by uuid not null references persons (id),
  received_at timestamptz,
  received_by uuid references persons (id),
  check (from_depot_id <> to_depot_id),
  check (
    (status = 'in-transit' and accepted_milli is null and rejected_milli is null and received_at is null
       and received_by is null)
    or (status = 'received' and accepted_milli + rejected_milli = quantity_milli and received_at is not null
       and received_by is not null)
  )
);
create index transfers_from_council on transfers (from_council_id, sent_at);
create index transfers_to_council on transfers (to_council_id, sent_at);

-- The stock ledger. Append-only (trigger below); a mistake is corrected by a reversal, a new event
-- with the opposite delta that references the original (at most one per original: unique index).
-- occurred_at is business time (may be back-dated, never in the future); events of a depot and item are
-- ordered by (occurred_at, id), and no prefix of that order may sum below zero (invariant 4, checked
-- under the stock_balances row lock by server/supply/append-stock-event.ts).
create table stock_events (
  id bigint generated always as identity primary key,
  depot_id uuid not null references depots (id),
  item_id uuid not null references items (id),
  kind text not null check (kind in ('receipt', 'issue', 'distribution', 'loss', 'count', 'transfer-out',
                                     'transfer-in', 'transfer-return', 'reversal')),
  delta_milli bigint not null,
  occurred_at timestamptz not null,
  -- The database clock after the writer's lock: business time is never after it.
  recorded_at timestamptz not null,
  -- Receipts: where the stock came from.
  source text check (source in ('donation', 'purchase', 'delivery')),
  -- Losses and count adjustments: why, from a fixed list.
  reason text check (reason in ('damage', 'theft', 'expiry', 'spoilage', 'miscount', 'recording-error',
                                'other')),
  -- Counts: the quantity found on the shelf; delta_milli is what the count adjusted (may be 0).
  counted_milli bigint check (counted_milli >= 0),
  reverses_event_id bigint references stock_events (id),
  transfer_id uuid references transfers (id),
  recorded_by uuid not null references persons (id),
  note text check (note is null or length(note) between 1 and 1000),
  check (occurred_at <= recorded_at),
  check ((kind = 'receipt') = (source is not null)),
  check ((kind = 'count') = (counted_milli is not null)),
  check ((kind = 'reversal') = (reverses_event_id is not null)),
  check ((kind in ('transfer-out', 'transfer-in', 'transfer-return')) = (transfer_id is not null)),
  check (kind in ('loss', 'count') or reason is null),
  check (kind <> 'loss' or reason is not null),
  check (kind <> 'count' or delta_milli = 0 or reason is not null),
  check (case
           when kind in ('receipt', 'transfer-in', 'transfer-return') then delta_milli > 0
           when kind in ('issue', 'distribution', 'loss', 'transfer-out') then delta_milli < 0
           when kind = 'reversal' then delta_milli <> 0
           else true
         end)
);
-- The stock card and the non-negativity scan: events of one depot and item after an instant, in
-- order, read from the index alone (delta_milli included).
create index stock_events_card on stock_events (depot_id, item_id, occurred_at, id) include (delta_milli);
create unique index stock_events_reversed_once on stock_events (reverses_event_id)
  where reverses_event_id is not null;
create index stock_events_transfer on stock_events (transfer_id) where transfer_id is not null;

create function stock_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'stock_events is append-only: correct an event with a reversal'
    using errcode = 'P0001';
end
$$;
create trigger stock_events_append_only before update or delete on stock_events
  for each row execute function stock_events_append_only();
create trigger stock_events_no_truncate before truncate on stock_events
  for each statement execute function stock_events_append_only();

-- The exact cache of the current balance: quantity_milli = sum(delta_milli) and event_count = count(*)
-- over the depot's and item's events. Every writer of a depot and item takes this row FOR UPDATE
-- first (created on the first event with insert … on conflict do nothing): that lock serialises them.
create table stock_balances (
  depot_id uuid not null references depots (id),
  item_id uuid not null references items (id),
  quantity_milli bigint not null default 0 check (quantity_milli >= 0),
  event_count bigint not null default 0 check (event_count >= 0),
  primary key (depot_id, item_id)
);
