-- The speakers list of a sitting (issue 5 §2): requests to speak and points of order, who has the floor,
-- and the speaking-time limit. Queue changes take the assembly row lock (server/decisions/*speak*.ts);
-- these indexes hold the list's two invariants even without it. Runs on PostgreSQL 15+ and on PGlite.

-- Per sitting, what the chair set: the speaking-time limit and whether plain requests alternate pro and
-- contra. A sitting without a row has the defaults (180 s, no alternation).
create table speaker_settings (
  assembly_id uuid primary key references assemblies (id),
  time_limit_seconds int not null default 180 check (time_limit_seconds between 10 and 3600),
  alternates_sides boolean not null default false,
  updated_at timestamptz not null,
  updated_by uuid references persons (id)
);

create table speaker_requests (
  id uuid primary key default gen_random_uuid(),
  assembly_id uuid not null references assemblies (id),
  agenda_item_id uuid references agenda_items (id),
  person_id uuid not null references persons (id),
  -- Federated councils: the mandate the delegate sits on; its right is checked again at the floor.
  mandate_id uuid references mandates (id),
  kind text not null check (kind in ('speak', 'point-of-order')),
  side text check (side in ('pro', 'contra')),
  -- Database clock, taken under the assembly lock: request order is the order of this column (then id).
  requested_at timestamptz not null,
  status text not null check (status in ('waiting', 'speaking', 'done', 'withdrawn', 'refused')),
  started_at timestamptz,
  ended_at timestamptz,
  -- The limit in force when the speaker was given the floor, in seconds.
  time_limit_seconds int check (time_limit_seconds between 10 and 3600),
  check (kind = 'speak' or side is null),
  check ((status in ('speaking', 'done')) = (started_at is not null)),
  check ((status = 'speaking') = (started_at is not null and ended_at is null)),
  check ((status = 'waiting') = (ended_at is null and started_at is null)),
  check (started_at is null or time_limit_seconds is not null),
  check (ended_at is null or started_at is null or ended_at >= started_at)
);
-- One waiting request per person per sitting (a mandate has one holder, so also one per mandate).
create unique index speaker_requests_one_waiting on speaker_requests (assembly_id, person_id)
  where status = 'waiting';
-- One person has the floor at a time.
create unique index speaker_requests_one_speaking on speaker_requests (assembly_id)
  where status = 'speaking';
create index speaker_requests_assembly on speaker_requests (assembly_id, requested_at);
