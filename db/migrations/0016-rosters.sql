-- Rosters (issue 8): volunteer shifts of a council, weekly templates that make them, members' sign-ups
-- with attendance, trainings that shifts may require, the incident log of shift leads, the fairness
-- settings each council decides, and members' calendar feed tokens.

-- Councils store no time zone: the roster's wall clock (nights, ISO weeks, templates) is set here.
create table roster_settings (
  council_id uuid primary key references councils (id),
  time_zone text not null default 'UTC' check (length(time_zone) between 1 and 64),
  max_hours_per_week int check (max_hours_per_week is null or max_hours_per_week between 1 and 168),
  night_weight_percent int not null default 100 check (night_weight_percent between 100 and 400),
  horizon_days int not null default 60 check (horizon_days between 1 and 366),
  cancellation_window_hours int not null default 24 check (cancellation_window_hours between 0 and 720),
  updated_at timestamptz not null default now(),
  updated_by uuid not null references persons (id)
);

create table shift_templates (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  created_by uuid not null references persons (id)
);
create unique index shift_templates_council_name on shift_templates (council_id, lower(name));

-- One recurring shift of a template: a weekday and local times on the council's clock (an end at or
-- before the start ends the next day).
create table shift_template_slots (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references shift_templates (id),
  position int not null check (position >= 1),
  weekday int not null check (weekday between 1 and 7),
  start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place text not null check (length(place) between 1 and 300),
  role text not null check (length(role) between 1 and 100),
  needed int not null check (needed between 1 and 1000),
  required_training text check (required_training is null or length(required_training) between 1 and 100),
  depot_id uuid references depots (id),
  check (start_time <> end_time),
  unique (template_id, position)
);

create table shifts (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  place text not null check (length(place) between 1 and 300),
  role text not null check (length(role) between 1 and 100),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  needed int not null check (needed between 1 and 1000),
  required_training text check (required_training is null or length(required_training) between 1 and 100),
  depot_id uuid references depots (id),
  distribution_round_id uuid references distribution_rounds (id),
  lead_person_id uuid references persons (id),
  -- Made by expanding this slot of a template; expanding the same range twice makes nothing new.
  template_slot_id uuid references shift_template_slots (id),
  created_at timestamptz not null default now(),
  created_by uuid not null references persons (id),
  cancelled_at timestamptz,
  cancelled_by uuid references persons (id),
  cancellation_reason text check (cancellation_reason is null or length(cancellation_reason) between 1 and 500),
  check (ends_at > starts_at),
  check (ends_at - starts_at <= interval '24 hours'),
  check ((cancelled_at is null) = (cancelled_by is null))
);
create index shifts_council_time on shifts (council_id, starts_at);
create unique index shifts_from_slot_once on shifts (template_slot_id, starts_at) where template_slot_id is not null;

-- A person's sign-up for a shift; cancelling keeps the row. At most one live sign-up per person and
-- shift (partial unique index); places and collisions are enforced under locks (sign-up-for-shift.ts).
create table shift_sign_ups (
  id uuid primary key default gen_random_uuid(),
  shift_id uuid not null references shifts (id),
  council_id uuid not null references councils (id),
  person_id uuid not null references persons (id),
  signed_up_at timestamptz not null default now(),
  cancelled_at timestamptz,
  attendance text check (attendance in ('attended', 'no-show')),
  attendance_marked_at timestamptz,
  attendance_marked_by uuid references persons (id),
  check ((attendance is null) = (attendance_marked_at is null))
);
create unique index shift_sign_ups_one_live on shift_sign_ups (shift_id, person_id) where cancelled_at is null;
create index shift_sign_ups_person on shift_sign_ups (person_id, council_id) where cancelled_at is null;

-- Who has which training in a council, as recorded by an officer.
create table member_trainings (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  person_id uuid not null references persons (id),
  training text not null check (length(training) between 1 and 100),
  recorded_at timestamptz not null default now(),
  recorded_by uuid not null references persons (id)
);
create unique index member_trainings_once on member_trainings (council_id, person_id, lower(training));

create table shift_incidents (
  id uuid primary key default gen_random_uuid(),
  shift_id uuid not null references shifts (id),
  council_id uuid not null references councils (id),
  author_person_id uuid not null references persons (id),
  body text not null check (length(body) between 1 and 5000),
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now()
);
create index shift_incidents_shift on shift_incidents (shift_id, occurred_at);
create index shift_incidents_council on shift_incidents (council_id, occurred_at);

-- A calendar app subscribes without a cookie: the feed URL carries a random token; only its sha256 is
-- kept, so a leaked table yields no feed. Revoking ends it.
create table roster_feed_tokens (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  token_hash text not null unique,
  label text not null check (length(label) between 1 and 100),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index roster_feed_tokens_person on roster_feed_tokens (person_id);
