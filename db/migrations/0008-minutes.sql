-- Minutes of a sitting (issue 5 §7): generated from the sitting's records, edited by its secretary while
-- a draft, approved by a vote of a later sitting of the same council. Once approved the text is final and
-- its sha256 is recorded here and in the council's ledger. Runs on PostgreSQL 15+ and on PGlite.
create table minutes (
  id uuid primary key default gen_random_uuid(),
  assembly_id uuid not null unique references assemblies (id),
  language text not null check (language in ('es', 'en')),
  -- The text as it stands (the secretary's edits included), and the text last generated from the records.
  markdown text not null check (length(markdown) <= 200000),
  generated_markdown text not null,
  generated_at timestamptz not null,
  status text not null check (status in ('draft', 'approved')),
  edited_at timestamptz,
  edited_by uuid references persons (id),
  approved_at timestamptz,
  approved_by_poll_id uuid references polls (id),
  -- sha256 (hex) of the approved text, exactly as stored in `markdown`.
  document_digest text check (document_digest ~ '^[0-9a-f]{64}$'),
  check ((status = 'approved') = (approved_at is not null)),
  check ((status = 'approved') = (approved_by_poll_id is not null and document_digest is not null)),
  check ((edited_at is null) = (edited_by is null))
);

-- Each vote on approving minutes, with the digest of the text put to the vote (the text cannot change
-- while the vote is open: server/decisions/edit-minutes.ts). A rejected vote leaves the minutes a draft
-- and a later sitting may vote again.
create table minutes_approvals (
  minutes_id uuid not null references minutes (id),
  poll_id uuid not null unique references polls (id),
  proposed_digest text not null check (proposed_digest ~ '^[0-9a-f]{64}$')
);
create index minutes_approvals_minutes on minutes_approvals (minutes_id);
