// The port through which other contexts have their subjects decided by vote: the opening hook can
// refuse (nothing written), one open vote per subject, the decision arrives in the closing transaction
// with the outcome, and an unknown kind is a 400 naming the field.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/http-errors.ts';
import {
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { castBallot } from './cast-ballot.ts';
import { closePoll } from './close-poll.ts';
import { openPoll, type PollInput } from './open-poll.ts';
import { type PollSubjectDecision, registerPollSubject } from './poll-subjects.ts';
import { findPoll } from './polls.store.ts';

let s: TestServer;
const decided: PollSubjectDecision[] = [];
const refused = new Set<string>();
let decideThrows = false;

beforeAll(async () => {
  s = await startTestServer();
  registerPollSubject('test-proposal', {
    async opening(_tx, { subjectId }) {
      if (refused.has(subjectId)) throw new AppError('conflict', 'proposal-not-open', 'not open', 'subject');
      return { title: 'Propuesta de prueba' };
    },
    async decided(_tx, d) {
      if (decideThrows) throw new Error('the subject could not apply the decision');
      decided.push(d);
    },
  });
});
afterAll(async () => s.close());

const motion = (subject: { kind: string; id: string }): PollInput => ({
  kind: 'motion',
  assemblyId: null,
  title: 'Adoptar la propuesta',
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
  subject,
});

describe('polls that decide another context’s subject', () => {
  it('hands the outcome to the subject in the closing transaction, one open vote per subject', async () => {
    const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
    const officer = await buildOfficer(s.db, council);
    const voters = await Promise.all([1, 2, 3].map(() => buildMember(s.db, council)));
    const subject = { kind: 'test-proposal', id: randomUUID() };
    const pollId = await openPoll(s.db, viewerOf(officer.personId), council, motion(subject));
    expect((await findPoll(s.db, pollId))?.subject_id).toBe(subject.id);
    await expect(openPoll(s.db, viewerOf(officer.personId), council, motion(subject))).rejects.toMatchObject({
      code: 'subject-in-vote',
    });
    for (const [i, v] of voters.entries())
      await castBallot(s.db, viewerOf(v.personId), pollId, { ballot: { choice: i < 2 ? 'yes' : 'no' } });
    await closePoll(s.db, viewerOf(officer.personId), pollId);
    expect(decided).toEqual([
      expect.objectContaining({ pollId, councilId: council, subjectId: subject.id, outcome: 'adopted' }),
    ]);
    expect(decided[0]?.summary).toMatch(/yes 2, no 1/);
    // Closed: the subject may be put to a new vote.
    const again = await openPoll(s.db, viewerOf(officer.personId), council, motion(subject));
    expect(again).not.toBe(pollId);
  });

  it('keeps the poll open when the subject cannot apply the decision (one transaction)', async () => {
    const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
    const officer = await buildOfficer(s.db, council);
    await buildMember(s.db, council);
    const pollId = await openPoll(
      s.db,
      viewerOf(officer.personId),
      council,
      motion({ kind: 'test-proposal', id: randomUUID() }),
    );
    decideThrows = true;
    try {
      await expect(closePoll(s.db, viewerOf(officer.personId), pollId)).rejects.toThrow(/could not apply/);
    } finally {
      decideThrows = false;
    }
    expect((await findPoll(s.db, pollId))?.status).toBe('open');
  });

  it('refuses an unknown kind, a subject its context refuses, or a subject on a poll that is not a yes-no motion — nothing written', async () => {
    const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
    const officer = await buildOfficer(s.db, council);
    await buildMember(s.db, council);
    const client = await TestClient.signedIn(s.app, officer.login);
    const closedId = randomUUID();
    refused.add(closedId);
    const before = await tableCounts(s.db);
    const body = (subject: unknown, extra: object = {}) => ({
      kind: 'motion',
      title: 'Adoptar',
      method: 'yes-no',
      subject,
      ...extra,
    });
    const cases: Array<[string, unknown, number, string, string]> = [
      [
        'unknown kind',
        body({ kind: 'no-such-thing', id: randomUUID() }),
        400,
        'poll-subject-unknown',
        'subject.kind',
      ],
      [
        'refused by its context',
        body({ kind: 'test-proposal', id: closedId }),
        409,
        'proposal-not-open',
        'subject',
      ],
      [
        'an election',
        body(
          { kind: 'test-proposal', id: randomUUID() },
          { kind: 'election', method: 'plurality', options: [{ label: 'A' }, { label: 'B' }] },
        ),
        400,
        'poll-shape-invalid',
        'kind',
      ],
      [
        'a malformed kind',
        body({ kind: 'Bad Kind', id: randomUUID() }),
        400,
        'invalid-request',
        'subject.kind',
      ],
    ];
    for (const [what, payload, status, code, field] of cases) {
      const res = await client.request('POST', `/api/v1/councils/${council}/polls`, payload);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json().error.code, what).toBe(code);
      expect(res.json().error.field, what).toBe(field);
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
