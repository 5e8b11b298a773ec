-- Collective actions (issue 8): calls to action decided by a council's or a federated body's vote,
-- members' pledges (conditional ones resolved when their threshold is crossed), the status councils in
-- scope report, suspending, resuming and lifting by vote, and the notices everyone in scope is told.
-- Runs on PostgreSQL 15+ and on PGlite: only core functions.

create table collective_actions (
  id uuid primary key default gen_random_uuid(),
  -- The calling body: a base council (its own members) or a federated council (binding councils below).
  council_id uuid not null references councils (id),
  kind text not null check (kind in ('strike', 'blockade', 'march', 'assembly')),
  title text not null check (length(title) between 1 and 200),
  description text check (description is null or length(description) between 1 and 5000),
  starts_at timestamptz not null,
  ends_at timestamptz,
  lifting_conditions text check (lifting_conditions is null or length(lifting_conditions) between 1 and 2000),
  status text not null default 'proposed' check (status in ('proposed', 'called', 'suspended', 'lifted', 'rejected')),
  -- Base councils in scope, fixed at the proposal (the rows of action_councils).
  scope_councils int not null check (scope_councils >= 1),
  proposed_by uuid not null references persons (id),
  proposed_at timestamptz not null default now(),
  called_at timestamptz,
  lifted_at timestamptz,
  check (ends_at is null or ends_at > starts_at),
  check ((status = 'proposed' or status = 'rejected') = (called_at is null)),
  check ((status = 'lifted') = (lifted_at is not null))
);
create index collective_actions_council on collective_actions (council_id, proposed_at desc);

-- Every change of an action's status is a decision of the calling body's vote (poll subject
-- 'collective-action'): the call itself, and later suspending, resuming and lifting.
create table action_decisions (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references collective_actions (id),
  kind text not null check (kind in ('call', 'suspend', 'resume', 'lift')),
  reason text check (reason is null or length(reason) between 1 and 2000),
  status text not null default 'proposed' check (status in ('proposed', 'in-vote', 'adopted', 'rejected')),
  proposed_by uuid not null references persons (id),
  proposed_at timestamptz not null default now(),
  poll_id uuid references polls (id),
  decided_at timestamptz,
  decision_summary text,
  check ((status in ('adopted', 'rejected')) = (decided_at is not null))
);
-- One undecided proposal per action at a time: the state it was checked against is the state it applies to.
create unique index action_decisions_one_open on action_decisions (action_id) where status in ('proposed', 'in-vote');
create index action_decisions_action on action_decisions (action_id, proposed_at);

create table action_coordinators (
  action_id uuid not null references collective_actions (id),
  person_id uuid not null references persons (id),
  primary key (action_id, person_id)
);

-- One row per base council in scope: the scope itself, the council's pledge counters and its latest
-- status report. Pledging in a council locks this row (FOR UPDATE), so the pledges of one council to one
-- action are serialised and their conditional ones resolve in the same transaction; councils never
-- contend with each other. `path` is the council's path when the action was proposed (collate "C"), so
-- the roll-up groups by subtree from this table alone.
create table action_councils (
  action_id uuid not null references collective_actions (id),
  council_id uuid not null references councils (id),
  path text not null collate "C",
  active_pledges int not null default 0 check (active_pledges >= 0),
  pending_pledges int not null default 0 check (pending_pledges >= 0),
  status text check (status is null or status in ('participating', 'not-participating', 'partial')),
  participants int check (participants is null or participants >= 0),
  incidents text,
  reported_at timestamptz,
  primary key (action_id, council_id)
);
-- The roll-up and the map read a subtree of one action: a range of (action_id, path).
create index action_councils_path on action_councils (action_id, path)
  include (status, active_pledges, pending_pledges, participants);
-- "Actions involving my council" and "notices for my councils" start from the council.
create index action_councils_council on action_councils (council_id, action_id);

-- A person's pledge, in one council of the scope. threshold null: unconditional; otherwise "I join if at
-- least N of my council do, me included" — active once N pledges of the council can be active together.
create table pledges (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references collective_actions (id),
  person_id uuid not null references persons (id),
  council_id uuid not null references councils (id),
  threshold int check (threshold is null or threshold between 2 and 1000000),
  status text not null check (status in ('pending', 'active', 'withdrawn')),
  pledged_at timestamptz not null default now(),
  -- When it last became active, and how many pledges of the council were active with it then.
  resolved_at timestamptz,
  resolved_count int,
  withdrawn_at timestamptz,
  unique (action_id, person_id),
  foreign key (action_id, council_id) references action_councils (action_id, council_id),
  check ((status = 'active') = (resolved_at is not null)),
  check (threshold is not null or status <> 'pending')
);
create index pledges_resolution on pledges (action_id, council_id, status, threshold);
create index pledges_person on pledges (person_id);

-- Every status report, kept; the latest is also on the council's action_councils row.
create table action_status_reports (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references collective_actions (id),
  council_id uuid not null references councils (id),
  status text not null check (status in ('participating', 'not-participating', 'partial')),
  participants int check (participants is null or participants between 0 and 10000000),
  incidents text check (incidents is null or length(incidents) between 1 and 5000),
  reported_by uuid not null references persons (id),
  reported_at timestamptz not null default now(),
  foreign key (action_id, council_id) references action_councils (action_id, council_id)
);
create index action_status_reports_council on action_status_reports (action_id, council_id, reported_at desc);

-- What everyone in scope is told: one row per notice, read through the scope (never fanned out per person).
create table action_notices (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references collective_actions (id),
  kind text not null check (kind in ('called', 'suspended', 'resumed', 'lifted')),
  text text not null,
  at timestamptz not null default now()
);
create index action_notices_action on action_notices (action_id, at desc);
