-- Assemblies, attendance and quorum, and polls with their ballots (issue 5; ADR 0005). Secret ballots
-- live apart from who voted: `poll_voters` says who took part, `secret_ballots` what was chosen, and no
-- column, key, timestamp or sequence joins them. Runs on PostgreSQL 15+ and on PGlite.

-- A sitting of a council (a congress, when the council is a federation).
create table assemblies (
  id uuid primary key default gen_random_uuid(),
  council_id uuid not null references councils (id),
  title text not null check (length(title) between 1 and 200),
  place text check (length(place) between 1 and 300),
  online_url text check (length(online_url) between 1 and 500),
  starts_at timestamptz not null,
  -- Ordinary sittings are convened with the statutory notice (two days); extraordinary ones at any notice.
  is_extraordinary boolean not null default false,
  convened_at timestamptz not null,
  convened_by uuid references persons (id),
  -- The quorum the council's statute sets for this sitting (core/decisions/polls/quorum.ts).
  quorum_rule text not null check (quorum_rule in ('more-than-half', 'percent')),
  quorum_percent int check (quorum_percent between 1 and 100),
  status text not null check (status in ('convened', 'in-session', 'closed', 'cancelled')),
  opened_at timestamptz,
  closed_at timestamptz,
  check ((quorum_rule = 'percent') = (quorum_percent is not null)),
  check (place is not null or online_url is not null)
);
create index assemblies_council on assemblies (council_id, starts_at);

create table agenda_items (
  id uuid primary key default gen_random_uuid(),
  assembly_id uuid not null references assemblies (id),
  position int not null check (position >= 1),
  title text not null check (length(title) between 1 and 300),
  notes text check (length(notes) <= 5000),
  unique (assembly_id, position)
);

-- Who is in the room (or online) and with what weight: a member of a base council, or a delegate with
-- the mandate they sit on. A mandate's weight counts only while the mandate is active (the quorum query
-- joins mandates.active_until), so a recalled delegate's weight leaves the room at the instant of recall.
create table attendance (
  id uuid primary key default gen_random_uuid(),
  assembly_id uuid not null references assemblies (id),
  person_id uuid not null references persons (id),
  mandate_id uuid references mandates (id),
  checked_in_at timestamptz not null,
  checked_out_at timestamptz,
  recorded_by uuid references persons (id),
  check (checked_out_at is null or checked_out_at >= checked_in_at)
);
create unique index attendance_present_person on attendance (assembly_id, person_id)
  where checked_out_at is null and mandate_id is null;
create unique index attendance_present_mandate on attendance (assembly_id, mandate_id)
  where checked_out_at is null and mandate_id is not null;

create table polls (
  id uuid primary key default gen_random_uuid(),
  -- The body that votes.
  council_id uuid not null references councils (id),
  -- Null for polls held outside a sitting (recall votes, referendums, online elections).
  assembly_id uuid references assemblies (id),
  kind text not null check (kind in ('motion', 'election', 'recall', 'referendum')),
  title text not null check (length(title) between 1 and 300),
  body text check (length(body) <= 20000),
  method text not null check (method in ('yes-no', 'plurality', 'approval', 'irv', 'stv-scottish', 'stv-meek', 'stv-wigm', 'schulze')),
  -- Election choices: [{"label": text, "personId": uuid|null}]; [] for yes-no.
  options jsonb not null,
  seats int not null check (seats >= 1),
  max_marks int not null check (max_marks >= 1),
  allow_split boolean not null,
  majority text not null check (majority in ('simple', 'absolute', 'two-thirds')),
  majority_base text not null check (majority_base in ('voting', 'present', 'entitled')),
  secrecy text not null check (secrecy in ('open', 'roll-call', 'secret')),
  electorate text not null check (electorate in ('members', 'mandates', 'members-below')),
  -- Recall votes: the petition that called it and the mandate in question.
  recall_petition_id uuid references recall_petitions (id),
  subject_mandate_id uuid references mandates (id),
  -- Elections of delegates: the winners receive mandates in this council (the body's parent).
  seat_council_id uuid references councils (id),
  term_ends_at timestamptz,
  status text not null check (status in ('open', 'closed', 'cancelled')),
  opened_at timestamptz not null,
  opened_by uuid references persons (id),
  closes_at timestamptz,
  closed_at timestamptz,
  closed_by uuid references persons (id),
  -- Fixed at opening: the electorate's weight, and (assembly polls) the weight present.
  entitled_millis bigint not null check (entitled_millis >= 0),
  present_at_open_millis bigint,
  present_at_close_millis bigint,
  -- Ties settled by lot use this seed; published with the poll so the count can be recomputed.
  seed text not null,
  -- The tally (core/decisions/polls/poll-tally.ts PollResult) and its outcome, set at closing.
  result jsonb,
  outcome text check (outcome in ('adopted', 'rejected', 'elected', 'no-valid-ballots')),
  check ((status = 'closed') = (closed_at is not null)),
  check ((kind = 'recall') = (recall_petition_id is not null)),
  check (closes_at is null or closes_at > opened_at)
);
create index polls_council on polls (council_id, opened_at);
create index polls_assembly on polls (assembly_id) where assembly_id is not null;
create unique index polls_one_recall_vote on polls (recall_petition_id) where recall_petition_id is not null;

-- Who took part in a poll — never what they chose. One row per voter (members) or per mandate
-- (delegates): these two unique indexes are invariant 1.
create table poll_voters (
  poll_id uuid not null references polls (id),
  person_id uuid not null references persons (id),
  mandate_id uuid references mandates (id),
  voted_at timestamptz not null
);
create unique index poll_voters_one_per_person on poll_voters (poll_id, person_id) where mandate_id is null;
create unique index poll_voters_one_per_mandate on poll_voters (poll_id, mandate_id) where mandate_id is not null;

-- Ballots of secret polls: what was chosen, with the receipt code the voter keeps. Nothing here names,
-- dates or orders a ballot (the key is a random v4 uuid), so no query can join it to poll_voters.
-- base_council_id (referendums only) is the voter's base council, for the per-council results.
create table secret_ballots (
  id uuid primary key default gen_random_uuid(),
  poll_id uuid not null references polls (id),
  receipt_code text not null,
  contents jsonb not null,
  weight_millis int not null check (weight_millis > 0),
  base_council_id uuid references councils (id),
  unique (poll_id, receipt_code)
);

-- Ballots of open and roll-call polls: the same, with the voter, for the record.
create table named_ballots (
  id uuid primary key default gen_random_uuid(),
  poll_id uuid not null references polls (id),
  person_id uuid not null references persons (id),
  mandate_id uuid references mandates (id),
  receipt_code text not null,
  contents jsonb not null,
  weight_millis int not null check (weight_millis > 0),
  base_council_id uuid references councils (id),
  cast_at timestamptz not null,
  unique (poll_id, receipt_code)
);
create index named_ballots_poll on named_ballots (poll_id);

-- Elections of delegates can now be held as polls: the result records the poll instead of tellers.
alter table election_results drop constraint election_results_source_check;
alter table election_results add constraint election_results_source_check check (source in ('paper-count', 'poll'));
alter table election_results drop constraint election_results_tellers_check;
alter table election_results alter column tellers drop not null;
alter table election_results add column poll_id uuid references polls (id);
alter table election_results add constraint election_results_source_fields check (
  (source = 'paper-count' and cardinality(tellers) = 2 and poll_id is null)
  or (source = 'poll' and tellers is null and poll_id is not null)
);

-- A recall petition ends in its vote's outcome.
alter table recall_petitions drop constraint recall_petitions_status_check;
alter table recall_petitions add constraint recall_petitions_status_check
  check (status in ('open', 'vote-due', 'recalled', 'retained'));
alter table recall_petitions drop constraint recall_petitions_check;
alter table recall_petitions add column decided_at timestamptz;
alter table recall_petitions add constraint recall_petitions_threshold_reached
  check ((status = 'open') = (threshold_reached_at is null));
alter table recall_petitions add constraint recall_petitions_decided
  check ((status in ('recalled', 'retained')) = (decided_at is not null));

-- A federated council chooses what each seat weighs in its votes: one seat, one vote, or the members the
-- seat stands for (core mandateWeightMillis). Fixed in each mandate when it is issued.
alter table apportionment_rules add column weight_rule text not null default 'one-seat-one-vote'
  check (weight_rule in ('one-seat-one-vote', 'represented-members'));

-- A by-election: an election of delegates that fills only the seats left empty (no substitute left).
alter table polls add column fills_vacancies boolean not null default false;
