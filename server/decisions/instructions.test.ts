// Instructions (imperative mandate): a sending council's officer records its position on a motion before
// the body above; its delegate's ballot on the motion is checked against it — a split refused under a
// binding position, a departure recorded on open and roll-call ballots and never on secret ones.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/http-errors.ts';
import {
  buildCouncil,
  buildLocalFederation,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';
import { admitMotion } from './admit-motion.ts';
import { castBallot } from './cast-ballot.ts';
import { openPoll, type PollInput } from './open-poll.ts';
import { proposeAmendment } from './propose-amendment.ts';
import { setInstruction } from './set-instruction.ts';
import { submitMotion } from './submit-motion.ts';

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
  allowSplit: true,
  majority: 'simple',
  majorityBase: 'voting',
  secrecy: 'roll-call',
  closesAt: null,
  ...over,
});

/** A federation of four base councils (delegates of weight 2000) and an admitted motion before it. */
async function world() {
  const fed = await buildLocalFederation(s.db, 4, [2000, 2000, 2000, 2000]);
  const officer = viewerOf(fed.secretary.personId);
  const motionId = await submitMotion(s.db, viewerOf(fed.delegates[0]!.personId), fed.local, {
    title: 'Comedores populares',
    text: 'Abrir un comedor por barrio.',
    assemblyId: null,
    agendaPosition: null,
  });
  await admitMotion(s.db, officer, motionId);
  const instruct = (i: number, position: 'for' | 'against' | 'abstain' | 'free' | 'split') =>
    setInstruction(s.db, viewerOf(fed.baseSecretaries[i]!.personId), motionId, fed.bases[i]!, position);
  const cast = (
    i: number,
    pollId: string,
    ballot: { choice: 'yes' | 'no' | 'abstain' } | { split: Record<string, number> },
  ) => castBallot(s.db, viewerOf(fed.delegates[i]!.personId), pollId, { ballot, mandateId: fed.mandates[i] });
  return { fed, officer, motionId, instruct, cast };
}

const namedBallots = async (pollId: string) =>
  (
    await sql<{ mandate_id: string; instruction: string | null; departs_from_instruction: boolean | null }>`
      select mandate_id, instruction, departs_from_instruction from named_ballots where poll_id = ${pollId}`.execute(
      s.db,
    )
  ).rows;

describe('instructions', () => {
  it('records on roll-call ballots the instruction and whether each departs from it', async () => {
    const w = await world();
    await w.instruct(0, 'for');
    await w.instruct(1, 'against');
    await w.instruct(1, 'for'); // a later decision replaces the earlier one
    await w.instruct(2, 'split');
    const pollId = await openPoll(s.db, w.officer, w.fed.local, motionPoll({ motionId: w.motionId }));
    await w.cast(0, pollId, { choice: 'yes' });
    await w.cast(1, pollId, { choice: 'no' });
    await w.cast(2, pollId, { split: { yes: 1500, no: 500 } });
    await w.cast(3, pollId, { split: { yes: 1000, abstain: 1000 } }); // no instruction: free to split
    const byMandate = new Map((await namedBallots(pollId)).map((b) => [b.mandate_id, b]));
    expect(w.fed.mandates.map((m) => byMandate.get(m))).toEqual([
      { mandate_id: w.fed.mandates[0], instruction: 'for', departs_from_instruction: false },
      { mandate_id: w.fed.mandates[1], instruction: 'for', departs_from_instruction: true },
      { mandate_id: w.fed.mandates[2], instruction: 'split', departs_from_instruction: false },
      { mandate_id: w.fed.mandates[3], instruction: null, departs_from_instruction: null },
    ]);
    const client = await TestClient.signedIn(s.app, w.fed.secretary.login);
    const view = (await client.request('GET', `/api/v1/motions/${w.motionId}`)).json();
    expect(view.instructions.map((i: { position: string }) => i.position).sort()).toEqual([
      'for',
      'for',
      'split',
    ]);
  });

  it('refuses a split under a binding instruction, and a split where the poll allows none', async () => {
    const w = await world();
    await w.instruct(0, 'against');
    await w.instruct(1, 'free');
    const pollId = await openPoll(s.db, w.officer, w.fed.local, motionPoll({ motionId: w.motionId }));
    expect(await codeOf(w.cast(0, pollId, { split: { no: 1000, abstain: 1000 } }))).toBe(
      'split-not-instructed',
    );
    expect(await codeOf(w.cast(0, pollId, { split: { no: 2000 } }))).toBe('ok');
    expect(await codeOf(w.cast(1, pollId, { split: { yes: 1000, no: 1000 } }))).toBe('ok');
    const w2 = await world();
    await w2.instruct(0, 'split');
    const noSplits = await openPoll(
      s.db,
      w2.officer,
      w2.fed.local,
      motionPoll({ motionId: w2.motionId, allowSplit: false }),
    );
    expect(await codeOf(w2.cast(0, noSplits, { split: { yes: 1000, no: 1000 } }))).toBe('split-not-allowed');
  });

  it('never records an instruction or a departure with a secret ballot', async () => {
    const w = await world();
    await w.instruct(0, 'for');
    const pollId = await openPoll(
      s.db,
      w.officer,
      w.fed.local,
      motionPoll({ motionId: w.motionId, secrecy: 'secret' }),
    );
    await w.cast(0, pollId, { choice: 'no' });
    expect(await namedBallots(pollId)).toEqual([]);
    const secret = await sql<{
      n: number;
    }>`select count(*)::int as n from secret_ballots where poll_id = ${pollId}`.execute(s.db);
    expect(secret.rows[0]!.n).toBe(1);
  });

  it('applies to the motion’s own vote, not to votes on its amendments', async () => {
    const w = await world();
    await w.instruct(0, 'for');
    const amendmentId = await proposeAmendment(s.db, viewerOf(w.fed.delegates[1]!.personId), w.motionId, {
      baseVersion: 1,
      lineFrom: 1,
      lineTo: 0,
      replacementLines: ['Considerando la carestía:'],
    });
    const pollId = await openPoll(s.db, w.officer, w.fed.local, motionPoll({ amendmentId }));
    await w.cast(0, pollId, { split: { yes: 1000, no: 1000 } });
    expect((await namedBallots(pollId))[0]).toMatchObject({
      instruction: null,
      departs_from_instruction: null,
    });
  });

  it('is set only by an officer of a council that sends delegates to the body, before the vote opens', async () => {
    const w = await world();
    // A delegate is not an officer of the sending council.
    expect(
      await codeOf(
        setInstruction(s.db, viewerOf(w.fed.delegates[0]!.personId), w.motionId, w.fed.bases[0]!, 'for'),
      ),
    ).toBe('not-permitted');
    // A council elsewhere in the tree does not instruct delegates here.
    const stranger = await buildCouncil(s.db, { kind: 'mine' });
    const strangerOfficer = await buildOfficer(s.db, stranger);
    expect(
      await codeOf(setInstruction(s.db, viewerOf(strangerOfficer.personId), w.motionId, stranger, 'for')),
    ).toBe('instruction-council-invalid');
    await openPoll(s.db, w.officer, w.fed.local, motionPoll({ motionId: w.motionId }));
    expect(await codeOf(w.instruct(0, 'against'))).toBe('motion-transition-not-allowed');
    // Over HTTP, the same refusal and the error shape.
    const client = await TestClient.signedIn(s.app, w.fed.baseSecretaries[0]!.login);
    const res = await client.request('PUT', `/api/v1/motions/${w.motionId}/instructions/${w.fed.bases[0]}`, {
      position: 'against',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('motion-transition-not-allowed');
  });
});
