// Motions travel up the federation: two base councils each adopt a motion and forward it to their local
// federation; its secretary merges the two into a composite; the delegates amend it by a weighted
// roll-call vote and adopt it; the decision flows back to every origin, on each origin council's chain.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/http-errors.ts';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildLocalFederation,
  startTestServer,
  TestClient,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';
import { admitMotion } from './admit-motion.ts';
import { castBallot } from './cast-ballot.ts';
import { closePoll } from './close-poll.ts';
import { composeMotions } from './compose-motions.ts';
import { forwardMotion } from './forward-motion.ts';
import { findMotion } from './motions.store.ts';
import { openPoll, type PollInput } from './open-poll.ts';
import { proposeAmendment } from './propose-amendment.ts';
import { submitMotion } from './submit-motion.ts';
import { supportMotion } from './support-motion.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const codeOf = (pending: Promise<unknown>) =>
  pending.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );

const motionPoll = (over: Partial<PollInput>): PollInput => ({
  kind: 'motion',
  assemblyId: null,
  title: 'Votación',
  body: null,
  method: 'yes-no',
  options: [],
  seats: 1,
  maxMarks: 1,
  allowSplit: false,
  majority: 'simple',
  majorityBase: 'voting',
  secrecy: 'open',
  closesAt: null,
  ...over,
});

const ledgerKinds = async (chainId: string) =>
  (
    await sql<{ kind: string; payload: Record<string, unknown> }>`
      select kind, payload from ledger_entries where chain_id = ${chainId} order by seq`.execute(s.db)
  ).rows;

describe('forwarding and composites', () => {
  it('carries two adopted motions up as one composite, amends it by weighted vote, and reports back', async () => {
    const fed = await buildLocalFederation(s.db, 2, [3000, 1000]);
    const texts = [
      'The depots open at six.\nRice is shared by household size.\nPrices are posted daily.',
      'The depots open at seven.\nRice is shared by household size.',
    ];
    // 1. Each base council adopts its motion and forwards it.
    const origins: string[] = [];
    const forwarded: string[] = [];
    for (const [i, base] of fed.bases.entries()) {
      const secretary = viewerOf(fed.baseSecretaries[i]!.personId);
      const delegate = viewerOf(fed.delegates[i]!.personId);
      const motionId = await submitMotion(s.db, secretary, base, {
        title: `Depots ${i}`,
        text: texts[i]!,
        assemblyId: null,
        agendaPosition: null,
      });
      await supportMotion(s.db, delegate, motionId);
      expect(await codeOf(forwardMotion(s.db, secretary, motionId))).toBe('motion-not-adopted');
      await admitMotion(s.db, secretary, motionId);
      const pollId = await openPoll(s.db, secretary, base, motionPoll({ motionId }));
      expect((await findMotion(s.db, motionId))?.status).toBe('voted');
      await castBallot(s.db, secretary, pollId, { ballot: { choice: 'yes' } });
      await castBallot(s.db, delegate, pollId, { ballot: { choice: 'yes' } });
      await closePoll(s.db, secretary, pollId);
      expect((await findMotion(s.db, motionId))?.status).toBe('adopted');
      // Only the council's officer forwards, and only once.
      expect(await codeOf(forwardMotion(s.db, delegate, motionId))).toBe('not-permitted');
      const [first, second] = await Promise.all([
        codeOf(forwardMotion(s.db, secretary, motionId)),
        codeOf(forwardMotion(s.db, secretary, motionId)),
      ]);
      expect([first, second].sort()).toEqual(['motion-already-forwarded', 'ok']);
      const up = await sql<{
        id: string;
      }>`select id from motions where origin_motion_id = ${motionId}`.execute(s.db);
      expect(up.rows).toHaveLength(1);
      origins.push(motionId);
      forwarded.push(up.rows[0]!.id);
    }
    for (const [i, id] of forwarded.entries()) {
      const f = await findMotion(s.db, id);
      expect(f).toMatchObject({
        council_id: fed.local,
        submitted_by_council: fed.bases[i],
        origin_motion_id: origins[i],
        text: texts[i],
        status: 'submitted',
      });
      // The delegates support their own council's motion in the federation.
      await supportMotion(s.db, viewerOf(fed.delegates[i]!.personId), id);
    }

    // 2. The federation's secretary merges them into a composite.
    const officer = viewerOf(fed.secretary.personId);
    expect(
      await codeOf(
        composeMotions(s.db, viewerOf(fed.delegates[0]!.personId), fed.local, {
          motionIds: forwarded,
          title: 'x',
          text: 'y',
        }),
      ),
    ).toBe('not-permitted');
    const compositeText =
      'The depots open at six.\nRice is shared by household size.\nPrices are posted daily.';
    const composite = await composeMotions(s.db, officer, fed.local, {
      motionIds: forwarded,
      title: 'Depots of the federation',
      text: compositeText,
    });
    for (const id of forwarded) expect((await findMotion(s.db, id))?.status).toBe('referred');
    // A merged motion cannot be merged again.
    expect(
      await codeOf(
        composeMotions(s.db, officer, fed.local, { motionIds: forwarded, title: 'again', text: 'z' }),
      ),
    ).toBe('motion-transition-not-allowed');
    await admitMotion(s.db, officer, composite);

    // 3. An amendment, adopted by the delegates' weighted roll-call vote (3000 for, 1000 against).
    const amendmentId = await proposeAmendment(s.db, viewerOf(fed.delegates[1]!.personId), composite, {
      baseVersion: 1,
      lineFrom: 1,
      lineTo: 1,
      replacementLines: ['The depots open at six, and at seven on Sundays.'],
    });
    const amendmentPoll = await openPoll(
      s.db,
      officer,
      fed.local,
      motionPoll({ amendmentId, secrecy: 'roll-call' }),
    );
    expect((await findMotion(s.db, composite))?.status).toBe('debated');
    const delegateCast = (i: number, pollId: string, choice: 'yes' | 'no') =>
      castBallot(s.db, viewerOf(fed.delegates[i]!.personId), pollId, {
        ballot: { choice },
        mandateId: fed.mandates[i],
      });
    await delegateCast(0, amendmentPoll, 'yes');
    await delegateCast(1, amendmentPoll, 'no');
    const closedAmendmentPoll = await closePoll(s.db, officer, amendmentPoll);
    expect(closedAmendmentPoll.outcome).toBe('adopted');
    const amended = await findMotion(s.db, composite);
    expect(amended?.current_version).toBe(2);
    expect(amended?.text.split('\n')[0]).toBe('The depots open at six, and at seven on Sundays.');

    // 4. The composite itself is adopted.
    const finalPoll = await openPoll(s.db, officer, fed.local, motionPoll({ motionId: composite }));
    await delegateCast(0, finalPoll, 'yes');
    await delegateCast(1, finalPoll, 'yes');
    await closePoll(s.db, officer, finalPoll);
    const decided = await findMotion(s.db, composite);
    expect(decided).toMatchObject({ status: 'adopted', outcome_poll_id: finalPoll });

    // 5. Every origin shows the body's decision: the forwarded motions, and the base councils' own.
    for (const id of [...forwarded, ...origins]) {
      const m = await findMotion(s.db, id);
      expect(m?.parent_outcome).toBe('adopted');
      expect(m?.parent_decided_at).toBe(decided?.decided_at);
    }
    for (const [i, base] of fed.bases.entries()) {
      const entries = (await ledgerKinds(base)).filter((e) => e.kind === 'motion.parent-decided');
      expect(entries).toHaveLength(1);
      expect(entries[0]!.payload).toMatchObject({
        motionIds: [origins[i]],
        parentMotionId: composite,
        outcome: 'adopted',
      });
      expect((await verifyLedger(s.db, base))[0]!.firstBroken).toBeNull();
    }
    expect((await verifyLedger(s.db, fed.local))[0]!.firstBroken).toBeNull();

    // 6. The views: lineage up from a base council's motion, down from the composite.
    const reader = await TestClient.signedIn(s.app, fed.baseSecretaries[0]!.login);
    const origin = (await reader.request('GET', `/api/v1/motions/${origins[0]}`)).json();
    expect(origin.lineage.forwardedAs.motionId).toBe(forwarded[0]);
    expect(origin.parentOutcome).toBe('adopted');
    const middle = (await reader.request('GET', `/api/v1/motions/${forwarded[0]}`)).json();
    expect(middle.lineage.origin.motionId).toBe(origins[0]);
    expect(middle.lineage.mergedInto.motionId).toBe(composite);
    const res = await reader.request('GET', `/api/v1/motions/${composite}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.isComposite).toBe(true);
    expect(view.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(view.versions[1].madeByAmendmentId).toBe(amendmentId);
    expect(
      view.compositeOrigins
        .map((o: { originCouncilId: string; supportersCount: number }) => [
          o.originCouncilId,
          o.supportersCount,
        ])
        .sort(),
    ).toEqual(fed.bases.map((b) => [b, 1]).sort());
    expect(view.amendments[0].status).toBe('adopted');
    expect(view.amendments[0].diff.map((h: { kind: string }) => h.kind)).toEqual([
      'removed',
      'added',
      'kept',
    ]);
  });
});
