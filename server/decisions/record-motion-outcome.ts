// What a closed poll on a motion or an amendment decides, in the closing transaction (poll-outcome.ts):
// - an amendment: adopted → the motion's next version is its current text with the amendment applied
//   (it applied at opening, and no other poll on the motion could open meanwhile); rejected → so marked;
// - a motion: adopted or rejected (anything but a majority for it rejects it). If the motion came from
//   below — forwarded by a child council, or a composite of forwarded motions — the decision flows back:
//   each origin motion (and, for a composite, the child councils' own motions behind them) records the
//   body's outcome, and each origin council's chain gets an entry.
// Locks: the motion FOR UPDATE, then the amendment; the ledger heads: this body's first (the poll's
// closing entry took it), then the origin councils' in id order — parent before child, as forwarding does.
import type { PollResult } from '../../core/decisions/index.ts';
import { applyAmendment, nextMotionStatus } from '../../core/decisions/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { lockAmendment, setAmendmentStatus } from './amendments.store.ts';
import {
  compositeOriginsOf,
  insertNextVersion,
  lockMotion,
  recordParentOutcome,
  setMotionStatus,
  versionOf,
} from './motions.store.ts';
import type { PollRow } from './polls.store.ts';

export async function recordMotionOutcome(
  tx: Db,
  poll: PollRow,
  result: PollResult,
  at: string,
): Promise<void> {
  if (!poll.motion_id) return;
  const motion = await lockMotion(tx, poll.motion_id, 'update');
  if (!motion) return;
  const isAdopted = result.outcome === 'adopted';
  if (poll.amendment_id) {
    const amendment = await lockAmendment(tx, poll.amendment_id);
    if (amendment?.status !== 'submitted') return;
    let version: number | null = null;
    let status: 'adopted' | 'rejected' = 'rejected';
    let note: string | null = null;
    if (isAdopted) {
      const base = await versionOf(tx, motion.id, amendment.base_version);
      const applied = base
        ? applyAmendment(
            base,
            { version: motion.current_version, text: motion.text },
            {
              baseVersion: amendment.base_version,
              lineFrom: amendment.line_from,
              lineTo: amendment.line_to,
              replacementLines: amendment.replacement_lines,
            },
          )
        : null;
      if (applied?.ok) {
        version = await insertNextVersion(tx, motion, applied.value, amendment.id, at);
        status = 'adopted';
      } else note = applied && !applied.ok ? applied.error : 'amendment-base-invalid';
    }
    await setAmendmentStatus(tx, amendment.id, status, at);
    await appendLedgerEntry(
      tx,
      {
        chainId: motion.council_id,
        kind: 'amendment.decided',
        actorPersonId: null,
        payload: { amendmentId: amendment.id, motionId: motion.id, pollId: poll.id, status, version, note },
      },
      new Date(at),
    );
    return;
  }
  const next = nextMotionStatus(motion.status, isAdopted ? 'adopt' : 'reject');
  if (!next.ok) return;
  const outcome = isAdopted ? 'adopted' : 'rejected';
  await setMotionStatus(tx, motion.id, next.value, at, { outcomePollId: poll.id });
  const origins: string[] = [];
  if (motion.origin_motion_id) origins.push(motion.origin_motion_id);
  if (motion.is_composite) {
    for (const o of await compositeOriginsOf(tx, motion.id)) {
      origins.push(o.motion_id);
      if (o.source_motion_id) origins.push(o.source_motion_id);
    }
  }
  const informed = await recordParentOutcome(tx, origins, outcome, at);
  await appendLedgerEntry(
    tx,
    {
      chainId: motion.council_id,
      kind: `motion.${outcome}`,
      actorPersonId: null,
      payload: {
        motionId: motion.id,
        pollId: poll.id,
        version: motion.current_version,
        originsInformed: origins,
      },
    },
    new Date(at),
  );
  const byCouncil = new Map<string, string[]>();
  for (const row of informed) {
    if (row.council_id === motion.council_id) continue;
    byCouncil.set(row.council_id, [...(byCouncil.get(row.council_id) ?? []), row.id].sort());
  }
  for (const councilId of [...byCouncil.keys()].sort()) {
    await appendLedgerEntry(
      tx,
      {
        chainId: councilId,
        kind: 'motion.parent-decided',
        actorPersonId: null,
        payload: {
          motionIds: byCouncil.get(councilId) ?? [],
          parentMotionId: motion.id,
          parentCouncilId: motion.council_id,
          outcome,
          pollId: poll.id,
        },
      },
      new Date(at),
    );
  }
}
