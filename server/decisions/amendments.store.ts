// The only file of the decisions context that runs SQL on amendments.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export type AmendmentStatus = 'submitted' | 'adopted' | 'rejected' | 'withdrawn';

export interface AmendmentRow {
  id: string;
  motion_id: string;
  base_version: number;
  line_from: number;
  line_to: number;
  replacement_lines: string[];
  proposed_by: string;
  proposed_at: string;
  status: AmendmentStatus;
  poll_id: string | null;
  decided_at: string | null;
}

const amendmentColumns = sql`a.id, a.motion_id, a.base_version, a.line_from, a.line_to, a.replacement_lines,
  a.proposed_by, ${isoUs(sql`a.proposed_at`)} as proposed_at, a.status, a.poll_id,
  ${isoUs(sql`a.decided_at`)} as decided_at`;

export async function insertAmendment(
  tx: Db,
  a: {
    motionId: string;
    baseVersion: number;
    lineFrom: number;
    lineTo: number;
    replacementLines: readonly string[];
    proposedBy: string;
    at: string;
  },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into amendments (motion_id, base_version, line_from, line_to, replacement_lines, proposed_by,
                            proposed_at, status)
    values (${a.motionId}, ${a.baseVersion}, ${a.lineFrom}, ${a.lineTo}, ${[...a.replacementLines]}::text[],
            ${a.proposedBy}, ${a.at}::timestamptz, 'submitted')
    returning id`.execute(tx);
  return rows[0]!.id;
}

export async function findAmendment(db: Db, id: string): Promise<AmendmentRow | undefined> {
  return (
    await sql<AmendmentRow>`select ${amendmentColumns} from amendments a where a.id = ${id}`.execute(db)
  ).rows[0];
}

/** FOR UPDATE: withdrawing, putting to the vote and deciding an amendment are serialised on its row. */
export async function lockAmendment(tx: Db, id: string): Promise<AmendmentRow | undefined> {
  return (
    await sql<AmendmentRow>`select ${amendmentColumns} from amendments a where a.id = ${id} for update`.execute(
      tx,
    )
  ).rows[0];
}

export async function amendmentsOf(db: Db, motionId: string): Promise<AmendmentRow[]> {
  return (
    await sql<AmendmentRow>`select ${amendmentColumns} from amendments a where a.motion_id = ${motionId}
                             order by a.proposed_at, a.id`.execute(db)
  ).rows;
}

export async function setAmendmentStatus(
  tx: Db,
  id: string,
  status: AmendmentStatus,
  at: string,
): Promise<void> {
  await sql`update amendments set status = ${status},
              decided_at = case when ${status} = 'submitted' then null else ${at}::timestamptz end
            where id = ${id}`.execute(tx);
}

export async function attachAmendmentPoll(tx: Db, id: string, pollId: string): Promise<void> {
  await sql`update amendments set poll_id = ${pollId} where id = ${id}`.execute(tx);
}
