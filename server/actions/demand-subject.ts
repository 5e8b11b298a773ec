// A batch of demands is adopted by a vote of its council: a yes-no poll whose subject is the batch
// (server/decisions/poll-subjects.ts). A single demand is a batch of one, so there is one path.
// Opening locks the batch's rows and refuses a batch that is not this council's or was decided;
// closing, in the poll's closing transaction, raises and numbers every demand of the batch or rejects
// them all, appends each demand's first history row and one ledger entry for the batch.
// Locks: the batch's rows FOR UPDATE at opening and at closing; the numbering's advisory lock on the
// council (demands.store.ts adoptBatch) keeps numbers gap-free when votes close at once.
import { registerPollSubject } from '../decisions/index.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { actionsError } from './actions-errors.ts';
import { adoptBatch, batchDemands, type DemandRow, rejectBatch, setBatchPoll } from './demands.store.ts';

export const DEMAND_BATCH_SUBJECT = 'demand-batch';

let registered = false;

export function registerDemandSubject(): void {
  if (registered) return;
  registered = true;
  registerPollSubject(DEMAND_BATCH_SUBJECT, {
    async opening(tx, { councilId, subjectId }) {
      const batch = await batchDemands(tx, subjectId, true);
      if (batch.length === 0 || batch[0]!.council_id !== councilId)
        throw actionsError('demand-batch-not-found', 'subject.id');
      if (batch.some((d) => d.status !== 'proposed'))
        throw actionsError('demand-batch-decided', 'subject.id');
      return { title: batchTitle(batch) };
    },
    async opened(tx, { subjectId, pollId }) {
      await setBatchPoll(tx, subjectId, pollId);
    },
    async decided(tx, d) {
      const batch = await batchDemands(tx, d.subjectId, true);
      if (batch.length === 0 || batch.some((x) => x.status !== 'proposed')) return;
      const councilId = batch[0]!.council_id;
      const decision = { pollId: d.pollId, at: d.at, summary: d.summary };
      if (d.outcome === 'adopted') {
        const raised = await adoptBatch(tx, councilId, d.subjectId, decision);
        await appendLedgerEntry(tx, {
          chainId: councilId,
          kind: 'demands.adopted',
          actorPersonId: null,
          payload: {
            batchId: d.subjectId,
            pollId: d.pollId,
            numbers: raised.map((r) => ({ demandId: r.id, number: r.number })),
          },
        });
      } else {
        await rejectBatch(tx, d.subjectId, decision);
        await appendLedgerEntry(tx, {
          chainId: councilId,
          kind: 'demands.rejected',
          actorPersonId: null,
          payload: { batchId: d.subjectId, pollId: d.pollId, summary: d.summary },
        });
      }
    },
  });
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "Demand to the Ministry of Labour: …" or "12 demands to the Ministry, the Prefecture", the poll's title. */
export function batchTitle(batch: readonly Pick<DemandRow, 'text' | 'addressee'>[]): string {
  if (batch.length === 1) return clip(`Demand to ${batch[0]!.addressee}: ${batch[0]!.text}`, 300);
  const addressees = [...new Set(batch.map((d) => d.addressee))];
  return clip(`${batch.length} demands to ${addressees.join(', ')}`, 300);
}
