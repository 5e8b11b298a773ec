-- Sittings called by the members (issue 5 §1): a petition proposes a sitting (title, when, where, agenda);
-- when its signatures reach the share of members the council sets (default 10 %), the sitting is convened
-- in the crossing signature's transaction. Mirrors recall petitions (0004).

create table assembly_petition_settings (
  council_id uuid primary key references councils (id),
  share_percent int not null check (share_percent between 1 and 100),
  set_at timestamptz not null,
  set_by uuid references persons (id)
);

create table assembly_petitions (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  title text not null check (length(title) between 1 and 200),
  reason text not null check (length(reason) between 1 and 2000),
  starts_at timestamptz not null,
  place text check (length(place) between 1 and 300),
  online_url text check (length(online_url) between 1 and 500),
  -- [{title, notes}] as the convening form takes them.
  agenda jsonb not null,
  opened_by uuid not null references persons (id),
  opened_at timestamptz not null,
  members_at_opening int not null check (members_at_opening >= 1),
  share_percent int not null check (share_percent between 1 and 100),
  signatures_needed int not null check (signatures_needed >= 1),
  -- Exact under the petition's row lock (server/decisions/sign-assembly-petition.ts).
  signature_count int not null default 0 check (signature_count >= 0),
  status text not null check (status in ('open', 'convened')),
  assembly_id uuid references assemblies (id),
  check ((status = 'convened') = (assembly_id is not null)),
  check (place is not null or online_url is not null)
);
create index assembly_petitions_council on assembly_petitions (council_id, opened_at);

create table assembly_petition_signatures (
  petition_id uuid not null references assembly_petitions (id),
  person_id uuid not null references persons (id),
  signed_at timestamptz not null,
  primary key (petition_id, person_id)
);
