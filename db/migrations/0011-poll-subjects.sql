-- A poll may decide on a subject owned by another context (a ration rule, a price cap, a collective
-- action, a list of demands): the kind names the context's registered subject, the id its row. The
-- context applies the outcome in the closing transaction (server/decisions/poll-subjects.ts).
alter table polls
  add column subject_kind text check (subject_kind ~ '^[a-z][a-z0-9-]{0,39}$'),
  add column subject_id uuid,
  add constraint polls_subject_whole check ((subject_kind is null) = (subject_id is null));

-- One open vote per subject at a time.
create unique index polls_one_open_per_subject on polls (subject_kind, subject_id)
  where status = 'open' and subject_kind is not null;
create index polls_subject on polls (subject_kind, subject_id) where subject_kind is not null;
