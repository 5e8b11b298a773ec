// The secretary (or chair) edits the draft minutes: the text is theirs to correct until it is put to a
// vote. While an approval vote is open the text is frozen (the vote is on the text it was opened on, whose
// digest minutes_approvals keeps); approved minutes are final.
// Lock: the minutes row (generate-minutes.ts, propose-minutes-approval.ts and the approval take it too).
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { lockMinutes, openApprovalPoll, setEditedMinutes } from './minutes.store.ts';
import { minutesDigest, sittingFor } from './minutes-access.ts';

export async function editMinutes(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: { markdown: string },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { assembly, council } = await sittingFor(tx, viewer, assemblyId, 'write-minutes');
    const minutes = await lockMinutes(tx, assembly.id);
    if (!minutes) throw decisionError('minutes-not-found');
    if (minutes.status === 'approved') throw decisionError('minutes-approved');
    if (await openApprovalPoll(tx, minutes.id)) throw decisionError('minutes-approval-pending');
    const at = await databaseInstant(tx);
    await setEditedMinutes(tx, minutes.id, { markdown: input.markdown, by: viewer.personId, at });
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'minutes.edited',
        actorPersonId: viewer.personId,
        payload: { assemblyId: assembly.id, minutesId: minutes.id, digest: minutesDigest(input.markdown) },
      },
      new Date(at),
    );
  });
}
