// A member of a base council, or a delegate on a federated council's roll, submits a motion to the
// council: a title, a text (version 1), and optionally the sitting and agenda position it is meant for.
// No lock beyond the rights check's (a delegate's mandate FOR SHARE); the ledger head last.
import { joinLines, splitLines } from '../../core/decisions/index.ts';
import { databaseInstant, federationError, findCouncil } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findAssembly } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';
import { assertMotionVoice } from './motion-rights.ts';
import { insertMotion } from './motions.store.ts';

export interface MotionInput {
  title: string;
  text: string;
  assemblyId: string | null;
  agendaPosition: number | null;
}

export async function submitMotion(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: MotionInput,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const council = await findCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (council.dissolved_at) throw federationError('council-dissolved');
    const mandateId = await assertMotionVoice(tx, viewer, council);
    if (input.assemblyId) {
      const assembly = await findAssembly(tx, input.assemblyId);
      if (!assembly || assembly.council_id !== council.id)
        throw decisionError('assembly-not-found', 'assemblyId');
      if (assembly.status === 'closed' || assembly.status === 'cancelled')
        throw decisionError('assembly-closed', 'assemblyId');
    } else if (input.agendaPosition !== null) throw decisionError('poll-shape-invalid', 'agendaPosition');
    const at = await databaseInstant(tx);
    const id = await insertMotion(tx, {
      councilId: council.id,
      assemblyId: input.assemblyId,
      agendaPosition: input.agendaPosition,
      title: input.title,
      // One line ending (\n) for every text, so amendments count lines the same way everywhere.
      text: joinLines(splitLines(input.text)),
      submittedBy: viewer.personId,
      submittedByCouncil: null,
      originMotionId: null,
      isComposite: false,
      at,
    });
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'motion.submitted',
        actorPersonId: viewer.personId,
        payload: { motionId: id, ...input, mandateId },
      },
      new Date(at),
    );
    return id;
  });
}
