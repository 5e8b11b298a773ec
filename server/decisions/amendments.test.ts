// Amendments: line changes shown as diffs, adopted by vote into a new version of the motion; a stale
// amendment (its lines changed since its base version) refused; withdrawal by the proposer; one poll per
// motion at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/http-errors.ts';
import {
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';
import { admitMotion } from './admit-motion.ts';
import { castBallot } from './cast-ballot.ts';
import { closePoll } from './close-poll.ts';
import { findMotion } from './motions.store.ts';
import { openPoll, type PollInput } from './open-poll.ts';
import { type AmendmentInput, proposeAmendment } from './propose-amendment.ts';
import { submitMotion } from './submit-motion.ts';
import { withdrawAmendment } from './withdraw-amendment.ts';

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

const TEXT = 'one\ntwo\nthree\nfour';

async function admittedMotion() {
  const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(s.db, council);
  const member = await buildMember(s.db, council);
  const officer = viewerOf(secretary.personId);
  const motionId = await submitMotion(s.db, viewerOf(member.personId), council, {
    title: 'Reparto',
    text: TEXT,
    assemblyId: null,
    agendaPosition: null,
  });
  await admitMotion(s.db, officer, motionId);
  const amend = (input: Partial<AmendmentInput>) =>
    proposeAmendment(s.db, viewerOf(member.personId), motionId, {
      baseVersion: 1,
      lineFrom: 1,
      lineTo: 1,
      replacementLines: ['x'],
      ...input,
    });
  /** Puts the amendment to a vote and has the two of them vote `choice`. */
  const decide = async (amendmentId: string, choice: 'yes' | 'no') => {
    const pollId = await openPoll(s.db, officer, council, motionPoll({ amendmentId }));
    for (const voter of [secretary, member])
      await castBallot(s.db, viewerOf(voter.personId), pollId, { ballot: { choice } });
    return closePoll(s.db, officer, pollId);
  };
  return { council, secretary, member, officer, motionId, amend, decide };
}

describe('amendments', () => {
  it('shows an amendment as a diff and makes a new version when adopted', async () => {
    const m = await admittedMotion();
    const id = await m.amend({ lineFrom: 2, lineTo: 3, replacementLines: ['TWO', 'THREE', 'and more'] });
    const client = await TestClient.signedIn(s.app, m.member.login);
    const view = (await client.request('GET', `/api/v1/motions/${m.motionId}`)).json();
    expect(view.amendments[0].diff).toEqual([
      { kind: 'kept', oldLine: 1, newLine: 1, lines: ['one'] },
      { kind: 'removed', oldLine: 2, newLine: 2, lines: ['two', 'three'] },
      { kind: 'added', oldLine: 4, newLine: 2, lines: ['TWO', 'THREE', 'and more'] },
      { kind: 'kept', oldLine: 4, newLine: 5, lines: ['four'] },
    ]);
    await m.decide(id, 'yes');
    const motion = await findMotion(s.db, m.motionId);
    expect(motion).toMatchObject({
      current_version: 2,
      text: 'one\nTWO\nTHREE\nand more\nfour',
      status: 'debated',
    });
    const after = (await client.request('GET', `/api/v1/motions/${m.motionId}`)).json();
    expect(after.amendments[0]).toMatchObject({ status: 'adopted' });
    expect(after.versions.map((v: { text: string }) => v.text)).toEqual([
      TEXT,
      'one\nTWO\nTHREE\nand more\nfour',
    ]);
  });

  it('leaves the text as it was when an amendment is rejected', async () => {
    const m = await admittedMotion();
    const id = await m.amend({ lineFrom: 5, lineTo: 4, replacementLines: ['five'] });
    await m.decide(id, 'no');
    expect(await findMotion(s.db, m.motionId)).toMatchObject({ current_version: 1, text: TEXT });
  });

  it('refuses a stale amendment whose lines changed, and applies one whose lines did not', async () => {
    const m = await admittedMotion();
    const first = await m.amend({ lineFrom: 2, lineTo: 2, replacementLines: ['deux'] });
    const clashing = await m.amend({ lineFrom: 2, lineTo: 3, replacementLines: ['dos', 'tres'] });
    const elsewhere = await m.amend({ lineFrom: 4, lineTo: 4, replacementLines: ['cuatro'] });
    await m.decide(first, 'yes');
    expect(await codeOf(openPoll(s.db, m.officer, m.council, motionPoll({ amendmentId: clashing })))).toBe(
      'amendment-stale',
    );
    // Drafted on version 1 after version 2 exists: refused at once when its lines changed.
    expect(
      await codeOf(m.amend({ baseVersion: 1, lineFrom: 2, lineTo: 2, replacementLines: ['zwei'] })),
    ).toBe('amendment-stale');
    await m.decide(elsewhere, 'yes');
    expect(await findMotion(s.db, m.motionId)).toMatchObject({
      current_version: 3,
      text: 'one\ndeux\nthree\ncuatro',
    });
  });

  it('refuses amendments that change nothing or fall outside their base version', async () => {
    const m = await admittedMotion();
    expect(await codeOf(m.amend({ lineFrom: 1, lineTo: 1, replacementLines: ['one'] }))).toBe(
      'amendment-changes-nothing',
    );
    expect(await codeOf(m.amend({ lineFrom: 6, lineTo: 6 }))).toBe('amendment-base-invalid');
    expect(await codeOf(m.amend({ baseVersion: 2 }))).toBe('amendment-base-invalid');
    expect(await codeOf(m.amend({ lineFrom: 1, lineTo: 4, replacementLines: [] }))).toBe(
      'amendment-base-invalid',
    );
  });

  it('lets the proposer withdraw before the vote, and nobody once it is open', async () => {
    const m = await admittedMotion();
    const a = await m.amend({});
    expect(
      await codeOf(withdrawAmendment(s.db, viewerOf((await buildMember(s.db, m.council)).personId), a)),
    ).toBe('not-permitted');
    await withdrawAmendment(s.db, viewerOf(m.member.personId), a);
    expect(await codeOf(withdrawAmendment(s.db, viewerOf(m.member.personId), a))).toBe(
      'amendment-not-pending',
    );
    expect(await codeOf(openPoll(s.db, m.officer, m.council, motionPoll({ amendmentId: a })))).toBe(
      'amendment-not-pending',
    );
    const b = await m.amend({ lineFrom: 2, lineTo: 2 });
    await openPoll(s.db, m.officer, m.council, motionPoll({ amendmentId: b }));
    expect(await codeOf(withdrawAmendment(s.db, viewerOf(m.member.personId), b))).toBe(
      'amendment-not-pending',
    );
  });

  it('holds one poll per motion at a time, even when two open at once', async () => {
    const m = await admittedMotion();
    const a = await m.amend({});
    const b = await m.amend({ lineFrom: 3, lineTo: 3 });
    const opened = await Promise.all([
      codeOf(openPoll(s.db, m.officer, m.council, motionPoll({ amendmentId: a }))),
      codeOf(openPoll(s.db, m.officer, m.council, motionPoll({ amendmentId: b }))),
      codeOf(openPoll(s.db, m.officer, m.council, motionPoll({ motionId: m.motionId }))),
    ]);
    expect(opened.filter((o) => o === 'ok')).toHaveLength(1);
    expect(
      opened
        .filter((o) => o !== 'ok')
        .every((o) => o === 'motion-in-vote' || o === 'motion-transition-not-allowed'),
    ).toBe(true);
    // A motion's poll is yes-no on a motion.
    expect(
      await codeOf(
        openPoll(s.db, m.officer, m.council, motionPoll({ motionId: m.motionId, kind: 'election' })),
      ),
    ).toBe('poll-shape-invalid');
  });
});
