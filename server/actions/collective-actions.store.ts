// The only file of the actions context that runs SQL on collective_actions, action_decisions,
// action_coordinators, action_notices and the scope rows of action_councils (their counters and status
// belong to pledges.store.ts and council-action-status.store.ts). Instants travel as ISO text with
// microseconds (isoUs).
import { type RawBuilder, sql } from 'kysely';
import type {
  ActionDecisionKind,
  ActionNoticeKind,
  CollectiveActionKind,
  CollectiveActionStatus,
} from '../../core/actions/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface CollectiveActionRow {
  id: string;
  council_id: string;
  kind: CollectiveActionKind;
  title: string;
  description: string | null;
  starts_at: string;
  ends_at: string | null;
  lifting_conditions: string | null;
  status: CollectiveActionStatus;
  scope_councils: number;
  proposed_by: string;
  proposed_at: string;
  called_at: string | null;
  lifted_at: string | null;
}

const actionColumns = sql`a.id, a.council_id, a.kind, a.title, a.description, ${isoUs(sql`a.starts_at`)} as starts_at,
  ${isoUs(sql`a.ends_at`)} as ends_at, a.lifting_conditions, a.status, a.scope_councils, a.proposed_by,
  ${isoUs(sql`a.proposed_at`)} as proposed_at, ${isoUs(sql`a.called_at`)} as called_at,
  ${isoUs(sql`a.lifted_at`)} as lifted_at`;

const LOCKS = { none: sql``, 'no-key-update': sql`for no key update`, share: sql`for share` } as const;

/**
 * `lock`: 'no-key-update' for the act that changes the action's status (the closing of its votes);
 * 'share' for the acts that must not pass a status change under way (pledges, status reports, proposing
 * a decision), taken as their last lock — see pledge-to-action.ts for why last. Neither conflicts with
 * the key-share lock the foreign keys of pledges and reports take on the action.
 */
export async function findCollectiveAction(
  db: Db,
  id: string,
  lock: keyof typeof LOCKS = 'none',
): Promise<CollectiveActionRow | undefined> {
  const { rows } = await sql<CollectiveActionRow>`
    select ${actionColumns} from collective_actions a where a.id = ${id} ${LOCKS[lock]}`.execute(db);
  return rows[0];
}

export interface NewCollectiveAction {
  councilId: string;
  kind: CollectiveActionKind;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string | null;
  liftingConditions: string | null;
  proposedBy: string;
  /** Paths of the councils chosen as the scope (each the calling body or under it). */
  scopePaths: readonly string[];
}

/**
 * The action and its scope in one statement: every base council (not federated, not dissolved) in the
 * subtrees of the chosen paths, once each. Nothing is inserted when the scope holds no such council.
 */
export async function insertCollectiveAction(
  tx: Db,
  a: NewCollectiveAction,
): Promise<CollectiveActionRow | undefined> {
  const { rows } = await sql<CollectiveActionRow>`
    with scope as (
      select c.id, c.path from councils c
       where c.kind <> 'federation' and c.dissolved_at is null
         and exists (select 1 from unnest(${a.scopePaths}::text[]) r(p)
                      where c.path >= r.p and c.path < left(r.p, -1) || '0')),
    a as (
      insert into collective_actions (council_id, kind, title, description, starts_at, ends_at,
                                      lifting_conditions, scope_councils, proposed_by)
      select ${a.councilId}, ${a.kind}, ${a.title}, ${a.description}, ${a.startsAt}::timestamptz,
             ${a.endsAt}::timestamptz, ${a.liftingConditions}, (select count(*) from scope), ${a.proposedBy}
       where exists (select 1 from scope)
      returning *),
    s as (insert into action_councils (action_id, council_id, path) select a.id, scope.id, scope.path from a, scope)
    select ${actionColumns} from a`.execute(tx);
  return rows[0];
}

/** The membership `m` is active, in the council `c` of the subtree at `path` (who may coordinate). */
const activeWithin = (path: string) =>
  sql`m.status = 'active' and c.path >= ${path} and c.path < left(${path}, -1) || '0'`;

/** Which of `personIds` are active members of a council of the subtree at `path`. */
export async function membersWithin(
  db: Db,
  path: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const { rows } = await sql<{ person_id: string }>`
    select distinct m.person_id from memberships m join councils c on c.id = m.council_id
     where m.person_id = any(${personIds}::uuid[]) and ${activeWithin(path)}`.execute(db);
  return new Set(rows.map((r) => r.person_id));
}

// Accents folded away on both sides of a name search (`unaccent` is not installed): the same letters in
// SQL's translate() and in the pattern built here, so a name is found with or without its accents.
const ACCENTED = 'ÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇáàâäãéèêëíìîïóòôöõúùûüñç';
const PLAIN = 'AAAAAEEEEIIIIOOOOOUUUUNCaaaaaeeeeiiiiooooouuuunc';
const foldName = (name: RawBuilder<unknown>) => sql`lower(translate(${name}, ${ACCENTED}, ${PLAIN}))`;

/** `text` as an ILIKE pattern matching it anywhere, accents folded, its own % _ and \ taken literally. */
function namePattern(text: string): string {
  const folded = [...text.normalize('NFC')].map((ch) => PLAIN[ACCENTED.indexOf(ch)] ?? ch).join('');
  return `%${folded.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
}

export interface CoordinatorCandidateRow {
  person_id: string;
  full_name: string;
  council_id: string;
  council_name: string;
}

/**
 * Active members of a council of the subtree at `path` whose name holds `text` (case and accents aside),
 * at most `limit`, by name — accents aside, in byte order: the same under every server's collation.
 * Names and councils only, never contacts. A person in several councils there comes once, with the
 * first of them by name. Scans the subtree's active memberships: fine for a region; a national body
 * with millions of members would want a trigram index on the folded name.
 */
export async function membersWithinByName(
  db: Db,
  path: string,
  text: string,
  limit: number,
): Promise<CoordinatorCandidateRow[]> {
  const { rows } = await sql<CoordinatorCandidateRow>`
    select person_id, full_name, council_id, council_name from (
      select distinct on (m.person_id) m.person_id, p.full_name, c.id as council_id, c.name as council_name,
             ${foldName(sql`p.full_name`)} as folded
        from memberships m join councils c on c.id = m.council_id join persons p on p.id = m.person_id
       where ${activeWithin(path)} and ${foldName(sql`p.full_name`)} ilike ${namePattern(text)}
       order by m.person_id, c.name, c.id) hits
     order by folded collate "C", full_name collate "C", person_id
     limit ${limit}`.execute(db);
  return rows;
}

export async function insertCoordinators(
  tx: Db,
  actionId: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await sql`insert into action_coordinators (action_id, person_id)
            select ${actionId}, unnest(${personIds}::uuid[])`.execute(tx);
}

export async function coordinatorsOf(db: Db, actionId: string) {
  const { rows } = await sql<{ person_id: string; full_name: string }>`
    select p.id as person_id, p.full_name from action_coordinators k join persons p on p.id = k.person_id
     where k.action_id = ${actionId} order by p.full_name`.execute(db);
  return rows;
}

export async function setActionStatus(
  tx: Db,
  id: string,
  status: CollectiveActionStatus,
  at: string,
): Promise<void> {
  await sql`
    update collective_actions
       set status = ${status},
           called_at = case when ${status} = 'called' then coalesce(called_at, ${at}::timestamptz) else called_at end,
           lifted_at = case when ${status} = 'lifted' then ${at}::timestamptz else lifted_at end
     where id = ${id}`.execute(tx);
}

export interface ActionDecisionRow {
  id: string;
  action_id: string;
  kind: ActionDecisionKind;
  reason: string | null;
  status: 'proposed' | 'in-vote' | 'adopted' | 'rejected';
  proposed_by: string;
  proposed_at: string;
  poll_id: string | null;
  decided_at: string | null;
  decision_summary: string | null;
}

const decisionColumns = sql`d.id, d.action_id, d.kind, d.reason, d.status, d.proposed_by,
  ${isoUs(sql`d.proposed_at`)} as proposed_at, d.poll_id, ${isoUs(sql`d.decided_at`)} as decided_at,
  d.decision_summary`;

export async function insertActionDecision(
  tx: Db,
  d: { actionId: string; kind: ActionDecisionKind; reason: string | null; proposedBy: string },
): Promise<ActionDecisionRow> {
  const { rows } = await sql<ActionDecisionRow>`
    insert into action_decisions as d (action_id, kind, reason, proposed_by)
    values (${d.actionId}, ${d.kind}, ${d.reason}, ${d.proposedBy})
    returning ${decisionColumns}`.execute(tx);
  return rows[0]!;
}

export async function findActionDecision(
  db: Db,
  id: string,
  lock = false,
): Promise<ActionDecisionRow | undefined> {
  const { rows } = await sql<ActionDecisionRow>`
    select ${decisionColumns} from action_decisions d where d.id = ${id} ${lock ? sql`for update` : sql``}`.execute(
    db,
  );
  return rows[0];
}

export async function decisionsOf(db: Db, actionId: string): Promise<ActionDecisionRow[]> {
  const { rows } = await sql<ActionDecisionRow>`
    select ${decisionColumns} from action_decisions d where d.action_id = ${actionId}
     order by d.proposed_at, d.id`.execute(db);
  return rows;
}

export async function setDecisionInVote(tx: Db, id: string, pollId: string): Promise<void> {
  await sql`update action_decisions set status = 'in-vote', poll_id = ${pollId} where id = ${id}`.execute(tx);
}

export async function decideActionDecision(
  tx: Db,
  id: string,
  d: { adopted: boolean; pollId: string; at: string; summary: string },
): Promise<void> {
  await sql`
    update action_decisions set status = ${d.adopted ? 'adopted' : 'rejected'}, poll_id = ${d.pollId},
           decided_at = ${d.at}::timestamptz, decision_summary = ${d.summary}
     where id = ${id}`.execute(tx);
}

export interface ActionNoticeRow {
  id: string;
  action_id: string;
  kind: ActionNoticeKind;
  text: string;
  at: string;
}

export async function insertNotice(
  tx: Db,
  n: { actionId: string; kind: ActionNoticeKind; text: string; at: string },
): Promise<ActionNoticeRow> {
  const { rows } = await sql<ActionNoticeRow>`
    insert into action_notices as n (action_id, kind, text, at)
    values (${n.actionId}, ${n.kind}, ${n.text}, ${n.at}::timestamptz)
    returning n.id, n.action_id, n.kind, n.text, ${isoUs(sql`n.at`)} as at`.execute(tx);
  return rows[0]!;
}

/**
 * The notices of every action whose scope holds a council the person is an active member of, newest
 * first: a join through the scope, never a row per person (a national call tells millions at once).
 */
export async function noticesForPerson(db: Db, personId: string, before: string | null, limit: number) {
  const { rows } = await sql<ActionNoticeRow & { title: string; action_kind: CollectiveActionKind }>`
    select n.id, n.action_id, n.kind, n.text, ${isoUs(sql`n.at`)} as at, a.title, a.kind as action_kind
      from action_notices n join collective_actions a on a.id = n.action_id
     where n.action_id in (select ac.action_id from memberships m
                             join action_councils ac on ac.council_id = m.council_id
                            where m.person_id = ${personId} and m.status = 'active')
       ${before ? sql`and n.at < ${before}::timestamptz` : sql``}
     order by n.at desc, n.id
     limit ${limit}`.execute(db);
  return rows;
}

/**
 * Actions that involve the council: called by it, or called by a body above it with a council of its
 * subtree in scope. `withProposals`: also its own proposals and rejected calls (for its own people).
 */
export async function actionsOfCouncil(
  db: Db,
  council: { id: string; path: string },
  ancestorSeqs: readonly number[],
  withProposals: boolean,
): Promise<CollectiveActionRow[]> {
  const visible: RawBuilder<unknown> = withProposals
    ? sql`true`
    : sql`a.status not in ('proposed', 'rejected')`;
  const { rows } = await sql<CollectiveActionRow>`
    select ${actionColumns} from collective_actions a
     where (a.council_id = ${council.id} and ${visible})
        or (a.status not in ('proposed', 'rejected')
            and a.council_id in (select id from councils where seq = any(${ancestorSeqs}::bigint[]))
            and exists (select 1 from action_councils ac
                         where ac.action_id = a.id and ac.path >= ${council.path}
                           and ac.path < left(${council.path}, -1) || '0'))
     order by a.proposed_at desc
     limit 200`.execute(db);
  return rows;
}
