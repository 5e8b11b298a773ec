// An officer of the demand's council records what the addressee answered ("The Ministry answered on
// 12 March: …") or a note, in the demand's history. Only demands on the list (adopted by the vote) have
// a history of answers. The status is not touched: a change of status is its own act
// (change-demand-status.ts), so an answer never moves a demand behind another officer's back.
// Lock: none. Once on the list a demand never leaves it (the status table has no way back to proposed
// or rejected), so the check cannot go stale before the insert; the history's order is its id order.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';
import { authorizeDemands } from './demand-access.ts';
import { type AnswerRow, findDemand, insertAnswer, today } from './demands.store.ts';

export interface RecordDemandAnswerInput {
  kind: 'answer-received' | 'note';
  text: string;
  /** The day the addressee answered, for an answer; today when not given. */
  answeredOn: string | null;
}

export async function recordDemandAnswer(
  db: Db,
  viewer: Viewer,
  demandId: string,
  input: RecordDemandAnswerInput,
): Promise<AnswerRow> {
  return db.transaction().execute(async (tx) => {
    const demand = await findDemand(tx, demandId);
    if (!demand) throw actionsError('demand-not-found');
    await authorizeDemands(tx, viewer, demand.council_id, 'record-demand-answer');
    if (demand.status === 'proposed' || demand.status === 'rejected') throw actionsError('demand-not-listed');
    if (input.answeredOn !== null && input.answeredOn > (await today(tx)))
      throw actionsError('demand-day-in-future', 'answeredOn');
    const answer = await insertAnswer(tx, {
      demandId: demand.id,
      byPersonId: viewer.personId,
      kind: input.kind,
      fromStatus: null,
      toStatus: null,
      answeredOn: input.kind === 'answer-received' ? input.answeredOn : null,
      text: input.text,
    });
    await appendLedgerEntry(tx, {
      chainId: demand.council_id,
      kind: input.kind === 'answer-received' ? 'demand.answer-recorded' : 'demand.note-recorded',
      actorPersonId: viewer.personId,
      payload: { demandId: demand.id, number: demand.number, answerId: answer.id },
    });
    return answer;
  });
}
