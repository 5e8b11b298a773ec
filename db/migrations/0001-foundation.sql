-- Foundation: persons and accounts, councils and the federation tree, offices, join applications,
-- memberships, sessions and one-time tokens, and the hash-chained ledger.
-- Runs on PostgreSQL 15+ and on PGlite: only core functions (gen_random_uuid is core since 13).

create table persons (
  id uuid primary key default gen_random_uuid(),
  full_name text not null check (length(full_name) between 1 and 200),
  created_at timestamptz not null default now()
);

-- Personal data: visible only to officers of councils the person belongs to or applied to.
create table person_contacts (
  person_id uuid primary key references persons (id),
  email text,
  phone text,
  home_place text,
  work_place text
);

create table accounts (
  person_id uuid primary key references persons (id),
  -- Lower-cased email or a phone number reduced to + and digits: one login, one account.
  login text not null unique,
  login_kind text not null check (login_kind in ('email', 'phone')),
  -- scrypt$N$r$p$salt$hash; null until the person sets a password through an invitation.
  password_hash text,
  is_admin boolean not null default false,
  created_at timestamptz not null default now()
);

create table sessions (
  -- sha256 of the cookie token: a leaked table does not yield usable sessions.
  token_hash text primary key,
  person_id uuid not null references persons (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_person on sessions (person_id);

create table password_tokens (
  token_hash text primary key,
  person_id uuid not null references persons (id),
  purpose text not null check (purpose in ('invitation', 'reset')),
  created_by uuid references persons (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table councils (
  id uuid primary key default gen_random_uuid(),
  -- Short numeric key used to build `path`, so a subtree is one index range scan.
  seq bigint generated always as identity unique,
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('factory', 'mine', 'office', 'village', 'neighbourhood', 'union', 'federation')),
  level text check (level is null or length(level) between 1 and 40),
  territory text not null check (length(territory) between 1 and 200),
  sector text check (sector is null or length(sector) between 1 and 200),
  parent_id uuid references councils (id),
  -- Materialised path of seqs: '/1/7/42/'. Descendants of X are path LIKE X.path || '%'.
  path text not null collate "C",
  depth int not null check (depth >= 0),
  answer_days int not null default 7 check (answer_days between 1 and 90),
  -- Active memberships of this council only (base councils); kept exact by the membership use cases,
  -- which lock the council row. Rolled-up counts sum it over a subtree.
  direct_members int not null default 0 check (direct_members >= 0),
  created_at timestamptz not null default now(),
  dissolved_at timestamptz,
  dissolution_reason text,
  check ((kind = 'federation') = (level is not null))
);
create index councils_parent on councils (parent_id);
create index councils_path on councils (path) include (direct_members, dissolved_at);
create index councils_name_lower on councils (lower(name));

create table offices (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  office text not null check (office in ('secretary', 'chair', 'treasurer')),
  person_id uuid not null references persons (id),
  started_at timestamptz not null default now(),
  ended_at timestamptz
);
create unique index offices_one_holding on offices (council_id, office, person_id) where ended_at is null;
create index offices_person on offices (person_id) where ended_at is null;

create table memberships (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  person_id uuid not null references persons (id),
  status text not null check (status in ('active', 'suspended', 'left')),
  joined_at timestamptz not null default now(),
  left_at timestamptz,
  unique (council_id, person_id)
);
create index memberships_person on memberships (person_id);

create table join_applications (
  id uuid primary key default gen_random_uuid(),
  -- What the applicant keeps and quotes: 'J-' and 8 characters from an unambiguous alphabet.
  reference text not null unique,
  council_id uuid not null references councils (id),
  full_name text not null,
  email text,
  phone text,
  home_place text,
  work_place text,
  message text,
  locale text not null,
  status text not null check (status in ('pending', 'contacted', 'accepted', 'declined')),
  decline_reason text,
  due_at timestamptz not null,
  created_at timestamptz not null default now(),
  contacted_at timestamptz,
  decided_at timestamptz,
  decided_by uuid references persons (id),
  person_id uuid references persons (id),
  check (email is not null or phone is not null)
);
create index join_applications_queue on join_applications (council_id, due_at) where status in ('pending', 'contacted');

-- The ledger: one hash chain per council (chain_id = council id) plus one for the instance itself
-- (the nil uuid) for acts that belong to no council (creating the first administrator).
create table ledger_heads (
  chain_id uuid primary key,
  seq int not null,
  hash text not null
);

create table ledger_entries (
  chain_id uuid not null,
  seq int not null check (seq >= 1),
  kind text not null,
  actor_person_id uuid references persons (id),
  recorded_at timestamptz not null,
  payload jsonb not null,
  payload_digest text not null,
  prev_hash text not null,
  hash text not null,
  primary key (chain_id, seq)
);
