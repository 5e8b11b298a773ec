-- Apportionment of a federated council's seats among its child councils (issue 4): the rule the council
-- chose, and the history of the tables computed from it — one linear chain per council, so anyone can
-- see what changed and recompute any table from what it records.
-- Runs on PostgreSQL 15+ and on PGlite.

-- The rule a federated council applies now (one row per council; every change is also a ledger entry
-- 'apportionment-rule.set', and each computed table below repeats the rule it used).
create table apportionment_rules (
  council_id uuid primary key references councils (id),
  method text not null check (method in ('fixed', 'dhondt', 'sainte-lague', 'hamilton')),
  -- 'fixed' gives seats_per_child to every child; the other methods share total_seats among them.
  total_seats int check (total_seats between 1 and 100000),
  seats_per_child int check (seats_per_child between 1 and 100000),
  minimum_per_child int not null default 0 check (minimum_per_child between 0 and 100000),
  set_at timestamptz not null,
  set_by uuid references persons (id),
  check ((method = 'fixed') = (seats_per_child is not null)),
  check ((method = 'fixed') = (total_seats is null))
);

-- One computed table. Records are never updated: a recompute adds a record whose previous_id is the
-- council's latest one, under the council's row lock (server/federation/apportion-seats.ts). The
-- constraints make a fork impossible even without the lock: one first record per council (seq 1), one
-- successor per record, and the predecessor belongs to the same council.
create table apportionments (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  -- Position in the council's history: 1 for the first, previous.seq + 1 after.
  seq int not null check (seq >= 1),
  method text not null check (method in ('fixed', 'dhondt', 'sainte-lague', 'hamilton')),
  -- Seats shared out; for 'fixed' it is seats_per_child × children.
  total_seats int not null check (total_seats between 1 and 100000),
  seats_per_child int,
  minimum_per_child int not null check (minimum_per_child >= 0),
  -- sha256 of the inputs (council, rule, children and their members): the lot that settles a tie is
  -- fixed by the inputs, so nobody can pick a date or a moment to win it.
  seed text not null,
  -- From this instant the table holds; it supersedes every earlier record, including one dated later.
  effective_at timestamptz not null,
  computed_at timestamptz not null,
  -- [{councilId, name, members, seats, quotient, remainder, minimumApplied}], children by name: members
  -- are the active memberships of the child's whole subtree at computed_at; quotient and remainder are
  -- exact decimals (6 places, truncated) or null.
  rows jsonb not null,
  -- [{councilIds, chosen, by: 'lot', seed}]: ties for the last seats and how the lot settled them.
  ties jsonb not null,
  previous_id uuid unique,
  -- Null when recomputed by the system after a membership change.
  actor_person_id uuid references persons (id),
  unique (council_id, seq),
  unique (id, council_id),
  foreign key (previous_id, council_id) references apportionments (id, council_id),
  check ((seq = 1) = (previous_id is null))
);
