-- Motions and amendments, their lineage up the federation (forwarded motions and composites), and the
-- instructions sending councils give their delegates (issue 5 §3–4, issue 4). Runs on PostgreSQL 15+
-- and on PGlite.

-- A proposal to decide, before the body that decides it (council_id). Its text lives in motion_versions:
-- version 1 as submitted, one more per adopted amendment; current_version names the one in force.
create table motions (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  assembly_id uuid references assemblies (id),
  agenda_position int check (agenda_position between 1 and 1000),
  title text not null check (length(title) between 1 and 300),
  status text not null check (status in ('submitted', 'admitted', 'debated', 'voted', 'adopted', 'rejected',
                                         'withdrawn', 'referred')),
  -- The member or delegate who submitted it; for a forwarded motion, the officer who forwarded it.
  submitted_by uuid references persons (id),
  -- A forwarded motion: the child council that adopted it, and its motion there (the lineage).
  submitted_by_council uuid references councils (id),
  origin_motion_id uuid references motions (id),
  is_composite boolean not null default false,
  current_version int not null check (current_version >= 1),
  submitted_at timestamptz not null,
  status_changed_at timestamptz not null,
  decided_at timestamptz,
  outcome_poll_id uuid references polls (id),
  -- What the body above decided on the motion this one was forwarded as (directly, or through a composite).
  parent_outcome text check (parent_outcome in ('adopted', 'rejected')),
  parent_decided_at timestamptz,
  check (submitted_by is not null or submitted_by_council is not null),
  check ((origin_motion_id is null) = (submitted_by_council is null)),
  check (not (is_composite and origin_motion_id is not null)),
  check ((status in ('adopted', 'rejected')) = (decided_at is not null)),
  check ((parent_outcome is null) = (parent_decided_at is null))
);
create index motions_council on motions (council_id, submitted_at);
-- A motion is forwarded once (forward-motion.ts also locks the origin row).
create unique index motions_forwarded_once on motions (origin_motion_id) where origin_motion_id is not null;

create table motion_versions (
  motion_id uuid not null references motions (id),
  version int not null check (version >= 1),
  text text not null check (length(text) between 1 and 20000),
  -- Null for the first version (the motion as submitted, or a composite's agreed text).
  made_by_amendment_id uuid,
  made_at timestamptz not null,
  primary key (motion_id, version)
);

-- One row per supporter: the primary key makes concurrent duplicates count once.
create table motion_supporters (
  motion_id uuid not null references motions (id),
  person_id uuid not null references persons (id),
  supported_at timestamptz not null,
  primary key (motion_id, person_id)
);

-- A line-based change to one version of a motion's text: lines line_from..line_to (1-based, inclusive)
-- of base_version are replaced by replacement_lines; line_to = line_from - 1 inserts before line_from.
create table amendments (
  id uuid primary key default gen_random_uuid(),
  motion_id uuid not null references motions (id),
  base_version int not null check (base_version >= 1),
  line_from int not null check (line_from >= 1),
  line_to int not null,
  replacement_lines text[] not null check (cardinality(replacement_lines) <= 2000),
  proposed_by uuid not null references persons (id),
  proposed_at timestamptz not null,
  status text not null check (status in ('submitted', 'adopted', 'rejected', 'withdrawn')),
  poll_id uuid references polls (id),
  decided_at timestamptz,
  check (line_to >= line_from - 1),
  -- Inserting nothing changes nothing.
  check (line_to >= line_from or cardinality(replacement_lines) > 0),
  check ((status = 'submitted') = (decided_at is null))
);
create index amendments_motion on amendments (motion_id, proposed_at);
alter table motion_versions add constraint motion_versions_amendment
  foreign key (made_by_amendment_id) references amendments (id);

-- A composite's origins: each merged motion, its council, and the support it had when merged.
create table composite_origins (
  composite_motion_id uuid not null references motions (id),
  origin_motion_id uuid not null references motions (id) unique,
  origin_council_id uuid not null references councils (id),
  supporters_count int not null check (supporters_count >= 0),
  primary key (composite_motion_id, origin_motion_id)
);

-- A sending council's binding position on a motion before its parent body, for its delegates there.
-- Fixed once the motion's vote opens (set-instruction.ts and open-poll.ts share the motion's row lock).
create table instructions (
  id uuid primary key default gen_random_uuid(),
  sending_council_id uuid not null references councils (id),
  motion_id uuid not null references motions (id),
  position text not null check (position in ('for', 'against', 'abstain', 'free', 'split')),
  decided_at timestamptz not null,
  decided_by uuid not null references persons (id),
  unique (sending_council_id, motion_id)
);

-- A poll on a motion (motion_id) or on one of its amendments (both set). One open poll per motion at a
-- time, so an amendment adopted at closing applies to the version it was checked against at opening.
alter table polls add column motion_id uuid references motions (id);
alter table polls add column amendment_id uuid references amendments (id);
alter table polls add constraint polls_amendment_of_motion check (amendment_id is null or motion_id is not null);
create unique index polls_one_open_per_motion on polls (motion_id) where motion_id is not null and status = 'open';

-- A delegate's named ballot on a motion records the instruction it was cast under and whether it departs
-- from it. Never for secret polls: nothing in secret_ballots names or describes a voter (ADR 0005).
alter table named_ballots add column instruction text
  check (instruction in ('for', 'against', 'abstain', 'free', 'split'));
alter table named_ballots add column departs_from_instruction boolean;
alter table named_ballots add constraint named_ballots_instruction_departure
  check ((instruction is null) = (departs_from_instruction is null));
