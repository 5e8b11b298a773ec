// The only file of the decisions context that runs SQL on instructions.
import { sql } from 'kysely';
import type { InstructionPosition } from '../../core/decisions/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface InstructionRow {
  sending_council_id: string;
  council_name: string;
  motion_id: string;
  position: InstructionPosition;
  decided_at: string;
  decided_by: string;
}

/** One instruction per sending council and motion: a later decision replaces the earlier one. */
export async function upsertInstruction(
  tx: Db,
  i: { sendingCouncilId: string; motionId: string; position: InstructionPosition; at: string; by: string },
): Promise<void> {
  await sql`insert into instructions (sending_council_id, motion_id, position, decided_at, decided_by)
            values (${i.sendingCouncilId}, ${i.motionId}, ${i.position}, ${i.at}::timestamptz, ${i.by})
            on conflict (sending_council_id, motion_id)
            do update set position = excluded.position, decided_at = excluded.decided_at,
                          decided_by = excluded.decided_by`.execute(tx);
}

const columns = sql`i.sending_council_id, c.name as council_name, i.motion_id, i.position,
  ${isoUs(sql`i.decided_at`)} as decided_at, i.decided_by`;

export async function instructionFor(
  db: Db,
  sendingCouncilId: string,
  motionId: string,
): Promise<InstructionRow | undefined> {
  return (
    await sql<InstructionRow>`select ${columns} from instructions i join councils c on c.id = i.sending_council_id
                               where i.sending_council_id = ${sendingCouncilId} and i.motion_id = ${motionId}`.execute(
      db,
    )
  ).rows[0];
}

export async function instructionsOf(db: Db, motionId: string): Promise<InstructionRow[]> {
  return (
    await sql<InstructionRow>`select ${columns} from instructions i join councils c on c.id = i.sending_council_id
                               where i.motion_id = ${motionId} order by c.name, i.sending_council_id`.execute(
      db,
    )
  ).rows;
}
