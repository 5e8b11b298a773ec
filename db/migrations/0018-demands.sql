-- Councils' lists of demands (issue 8): demands proposed by a council's leading officers, adopted by the
-- council's vote (a poll whose subject is the batch of demands proposed together), numbered on
-- adoption; the history of each demand's answers and status changes; other councils' endorsements.

-- One demand. Proposed in a batch (batch_id, position: one poll adopts or rejects the whole batch);
-- adoption gives it the council's next number (gap-free per council: the numbering takes an advisory
-- lock on the council, server/actions/demands.store.ts) and the status 'raised'; 'rejected' means the
-- vote did not adopt it. The listed statuses after that are changed by officers (core/actions/demand-status.ts).
create table demands (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  batch_id uuid not null,
  position int not null check (position between 1 and 500),
  number int check (number > 0),
  text text not null check (length(text) between 1 and 4000),
  addressee text not null check (length(addressee) between 1 and 300),
  -- The day the demand was (or is to be taken as) raised with the addressee: given at proposal for a
  -- list raised before it was kept here, else the day of adoption.
  raised_on date,
  status text not null default 'proposed'
    check (status in ('proposed', 'raised', 'in-negotiation', 'partly-met', 'met', 'refused', 'rejected')),
  proposed_by uuid not null references persons (id),
  proposed_at timestamptz not null default now(),
  poll_id uuid references polls (id),
  decided_at timestamptz,
  status_changed_at timestamptz,
  unique (council_id, number),
  unique (batch_id, position),
  -- Numbered exactly when on the list (adopted): proposals and rejected demands carry no number.
  check ((number is null) = (status in ('proposed', 'rejected'))),
  check ((decided_at is null) = (status = 'proposed'))
);
create index demands_council_status on demands (council_id, status);

-- The history of a demand: the addressee's answers, officers' notes, and every status change (the
-- vote's adoption included, with no person). Append-only by use: nothing updates or deletes it.
create table demand_answers (
  id bigint generated always as identity primary key,
  demand_id uuid not null references demands (id),
  at timestamptz not null default now(),
  by_person_id uuid references persons (id),
  kind text not null check (kind in ('answer-received', 'status-change', 'note')),
  from_status text,
  to_status text,
  -- The day the addressee answered (answer-received), when it is not the day it is recorded.
  answered_on date,
  text text check (length(text) between 1 and 4000),
  check ((kind = 'status-change') = (to_status is not null)),
  check ((kind = 'status-change') = (from_status is not null)),
  check (kind = 'status-change' or text is not null),
  check (answered_on is null or kind = 'answer-received')
);
create index demand_answers_demand on demand_answers (demand_id, id);

-- Another council endorsing a demand, given and withdrawn by its leading officers. A withdrawn
-- endorsement stays as history; one endorsement in force per demand and council.
create table demand_endorsements (
  id uuid primary key default gen_random_uuid(),
  demand_id uuid not null references demands (id),
  council_id uuid not null references councils (id),
  endorsed_by uuid not null references persons (id),
  endorsed_at timestamptz not null default now(),
  withdrawn_by uuid references persons (id),
  withdrawn_at timestamptz,
  check ((withdrawn_at is null) = (withdrawn_by is null)),
  check (withdrawn_at is null or withdrawn_at >= endorsed_at)
);
create unique index demand_endorsements_in_force on demand_endorsements (demand_id, council_id)
  where withdrawn_at is null;
create index demand_endorsements_council on demand_endorsements (council_id) where withdrawn_at is null;
