-- Mandates (issue 4): the right of a person to hold a seat in a federated council, issued by an election
-- of the child council that sends them, with ranked substitutes; the roll of a council at any instant is
-- one range read of `mandates_roll`. Runs on PostgreSQL 15+ and on PGlite.

-- The recorded result of one election by a sending council for its seats in its parent (the seat
-- council). Today from a paper count signed by two tellers; polls arrive with issue 5.
create table election_results (
  id uuid primary key default gen_random_uuid(),
  sending_council_id uuid not null references councils (id),
  seat_council_id uuid not null references councils (id),
  -- The parent's apportionment record that gave the sending council `seats`.
  apportionment_id uuid not null references apportionments (id),
  seats int not null check (seats >= 1),
  source text not null check (source in ('paper-count')),
  sheet_reference text not null check (length(sheet_reference) between 1 and 200),
  tellers text[] not null check (cardinality(tellers) = 2),
  -- [{personId, votes, elected}] as on the tally sheet: winners first, then substitutes in rank order.
  tally jsonb not null,
  recorded_at timestamptz not null,
  recorded_by uuid references persons (id)
);
create index election_results_sender on election_results (sending_council_id, recorded_at);

create table mandates (
  id uuid primary key default gen_random_uuid(),
  seat_council_id uuid not null references councils (id),
  -- The direct child of the seat council that issued the mandate.
  sending_council_id uuid not null references councils (id),
  holder_person_id uuid not null references persons (id),
  -- One vote = 1000 (one seat, one vote); a weighted rule gives the share of represented members.
  weight_millis int not null check (weight_millis > 0),
  term_starts_at timestamptz not null,
  term_ends_at timestamptz not null,
  -- 'active' until an act ends the mandate; a term that runs out leaves it 'active' but out of every
  -- roll from term_ends_at (core/federation/mandates.ts, mandateStatusAt).
  status text not null check (status in ('active', 'recalled', 'resigned', 'expired')),
  -- The instant the mandate stopped conferring rights (microseconds, the database clock): set once, under
  -- the mandate's row lock (server/federation/cascade-mandate-end.ts).
  ended_at timestamptz,
  -- 'superseded', 'cascade', the recall's decision reference, or the holder's reason.
  end_reason text,
  -- The mandate by which the holder sits in the sending council, when that council is a federation:
  -- ending it ends this one at the same instant.
  depends_on_mandate_id uuid references mandates (id),
  election_result_id uuid not null references election_results (id),
  -- The mandate this one replaced when its holder was seated as a substitute.
  replaces_mandate_id uuid references mandates (id),
  created_at timestamptz not null default now(),
  -- Rights stop at the earlier of the end and the term: the roll reads this one column.
  active_until timestamptz generated always as (least(coalesce(ended_at, 'infinity'::timestamptz), term_ends_at)) stored,
  check (term_ends_at > term_starts_at),
  check ((status = 'active') = (ended_at is null)),
  check (ended_at is null or ended_at >= term_starts_at)
);
-- The roll of a council at t: seat_council_id = c and active_until > t and term_starts_at <= t.
create index mandates_roll on mandates (seat_council_id, active_until)
  include (term_starts_at, holder_person_id, sending_council_id, weight_millis, depends_on_mandate_id);
create index mandates_sender on mandates (sending_council_id, seat_council_id) where ended_at is null;
create index mandates_holder on mandates (holder_person_id);
create index mandates_depends_on on mandates (depends_on_mandate_id) where depends_on_mandate_id is not null;

-- Ranked substitutes of one election result: when one of its mandates ends, the first unused eligible
-- substitute takes the seat for the rest of the term.
create table mandate_substitutes (
  id uuid primary key default gen_random_uuid(),
  election_result_id uuid not null references election_results (id),
  seat_council_id uuid not null references councils (id),
  sending_council_id uuid not null references councils (id),
  person_id uuid not null references persons (id),
  rank int not null check (rank >= 1),
  used_at timestamptz,
  used_for_mandate_id uuid references mandates (id),
  unique (election_result_id, rank),
  unique (election_result_id, person_id),
  check ((used_at is null) = (used_for_mandate_id is null))
);

-- Recall petitions: any member of the sending council (a base council's active members; a federated
-- council's seated delegates) opens one against its delegate and others sign; when the signatures reach
-- the threshold the petition becomes 'vote-due' (the recall vote itself arrives with polls, issue 5).
-- The threshold is a council setting (percent of members, default 20), snapshotted into the petition
-- when it opens so members joining later do not move the goal.
create table recall_settings (
  council_id uuid primary key references councils (id),
  threshold_percent int not null check (threshold_percent between 1 and 100),
  set_at timestamptz not null,
  set_by uuid references persons (id)
);

create table recall_petitions (
  id uuid primary key default gen_random_uuid(),
  mandate_id uuid not null references mandates (id),
  sending_council_id uuid not null references councils (id),
  reason text not null check (length(reason) between 1 and 2000),
  opened_by uuid not null references persons (id),
  opened_at timestamptz not null,
  members_at_opening int not null check (members_at_opening >= 1),
  threshold_percent int not null check (threshold_percent between 1 and 100),
  signatures_needed int not null check (signatures_needed >= 1),
  -- Kept exact under the petition's row lock (server/federation/sign-recall-petition.ts).
  signature_count int not null default 0 check (signature_count >= 0),
  status text not null check (status in ('open', 'vote-due')),
  threshold_reached_at timestamptz,
  check ((status = 'vote-due') = (threshold_reached_at is not null))
);
-- One petition per mandate gathering signatures or awaiting its vote (issue 5 adds the vote's outcomes).
create unique index recall_petitions_one_open on recall_petitions (mandate_id) where status in ('open', 'vote-due');

create table recall_signatures (
  petition_id uuid not null references recall_petitions (id),
  person_id uuid not null references persons (id),
  signed_at timestamptz not null,
  primary key (petition_id, person_id)
);
