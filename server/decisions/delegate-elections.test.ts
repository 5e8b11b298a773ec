// Elections of delegates held as polls: the winners receive mandates in the body above when the poll
// closes and the rest become ranked substitutes; a by-election fills only the seats left empty.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recallMandate, rollAt } from '../federation/index.ts';
import {
  buildApportionment,
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';
import { castBallot } from './cast-ballot.ts';
import { closePoll } from './close-poll.ts';
import { openPoll, type PollInput } from './open-poll.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const termEnd = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

const election = (
  options: Array<{ label: string; personId: string }>,
  seats: number,
  extra: Partial<PollInput> = {},
): PollInput => ({
  kind: 'election',
  assemblyId: null,
  title: 'Elección de delegados a la federación',
  body: null,
  method: 'stv-scottish',
  options,
  seats,
  maxMarks: options.length,
  allowSplit: false,
  majority: 'simple',
  majorityBase: 'voting',
  secrecy: 'secret',
  closesAt: null,
  delegatesTermEndsAt: termEnd(),
  ...extra,
});

it('gives the winners mandates above and makes the others substitutes; a by-election fills the empty seat', async () => {
  const federation = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const mine = await buildCouncil(s.db, { kind: 'mine', parentId: federation });
  await buildApportionment(s.db, federation, 2);
  const secretary = await buildOfficer(s.db, mine);
  const candidates = await Promise.all([1, 2, 3].map(() => buildMember(s.db, mine)));
  const voters = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => buildMember(s.db, mine)));
  const options = candidates.map((c, i) => ({ label: `Candidata ${i + 1}`, personId: c.personId }));

  const pollId = await openPoll(s.db, viewerOf(secretary.personId), mine, election(options, 2));
  // 0 first on four papers, 1 on two, 2 on one: 0 and 1 are elected, 2 is the substitute.
  const rankings = [
    [0, 1],
    [0, 1],
    [0, 2],
    [0, 1],
    [1, 0],
    [1, 2],
    [2, 1],
  ];
  for (const [i, v] of voters.entries())
    await castBallot(s.db, viewerOf(v.personId), pollId, { ballot: { ranking: rankings[i]! } });
  const closed = await closePoll(s.db, viewerOf(secretary.personId), pollId);
  expect(closed.outcome).toBe('elected');

  const roll = await rollAt(s.db, federation, new Date().toISOString());
  expect(roll.map((r) => r.holder_person_id).sort()).toEqual(
    [candidates[0]!.personId, candidates[1]!.personId].sort(),
  );

  // Recall both: the first seat goes to the substitute, the second is left empty.
  for (const r of roll)
    await recallMandate(s.db, viewerOf(secretary.personId), r.mandate_id, {
      decisionReference: 'Asamblea 9/2026',
      minuteText: 'Revocados.',
    });
  const afterRecall = await rollAt(s.db, federation, new Date().toISOString());
  expect(afterRecall.map((r) => r.holder_person_id)).toEqual([candidates[2]!.personId]);

  // A by-election among two new candidates fills the one empty seat and unseats nobody.
  const newcomers = await Promise.all([1, 2].map(() => buildMember(s.db, mine)));
  const byElection = await openPoll(
    s.db,
    viewerOf(secretary.personId),
    mine,
    election(
      newcomers.map((c, i) => ({ label: `Nueva ${i + 1}`, personId: c.personId })),
      1,
      {
        fillsVacancies: true,
        method: 'plurality',
        maxMarks: 1,
      },
    ),
  );
  for (const v of voters.slice(0, 3))
    await castBallot(s.db, viewerOf(v.personId), byElection, { ballot: { ranking: [1] } });
  await closePoll(s.db, viewerOf(secretary.personId), byElection);
  const filled = await rollAt(s.db, federation, new Date().toISOString());
  expect(filled.map((r) => r.holder_person_id).sort()).toEqual(
    [candidates[2]!.personId, newcomers[1]!.personId].sort(),
  );
});

it('refuses a by-election that is not an election of delegates', async () => {
  const federation = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const mine = await buildCouncil(s.db, { kind: 'mine', parentId: federation });
  const secretary = await buildOfficer(s.db, mine);
  const candidates = await Promise.all([1, 2].map(() => buildMember(s.db, mine)));
  await expect(
    openPoll(
      s.db,
      viewerOf(secretary.personId),
      mine,
      election(
        candidates.map((c, i) => ({ label: `C${i}`, personId: c.personId })),
        1,
        { fillsVacancies: true, delegatesTermEndsAt: null },
      ),
    ),
  ).rejects.toMatchObject({ code: 'poll-shape-invalid', field: 'fillsVacancies' });
});
