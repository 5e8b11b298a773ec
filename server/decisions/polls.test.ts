// Polls: motions by each majority and secrecy, published ballots and seals, recounts by anyone,
// delegates' weighted and split ballots, elections by Scottish STV, bad ballots — and the invariants
// under concurrency: one ballot per voter or mandate, no binding vote without quorum, no ballot from a
// recalled mandate after its instant, and a close that counts exactly the ballots committed before it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BallotInput,
  type BallotProfile,
  countBallots,
  type PollResult,
  type PollRules,
  tallyPoll,
} from '../../core/decisions/index.ts';
import { insertOffice, recallMandate } from '../federation/index.ts';
import { AppError } from '../platform/http-errors.ts';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildApportionment,
  buildCouncil,
  buildElectionResult,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { castBallot } from './cast-ballot.ts';
import { checkIn, checkOut } from './check-in.ts';
import { closePoll } from './close-poll.ts';
import { conveneAssembly } from './convene-assembly.ts';
import { memberBallotGroupStats } from './member-ballot-queue.ts';
import { openPoll, type PollInput } from './open-poll.ts';
import { computePollSeal, recordedPollSeal } from './poll-seal.ts';
import { findPoll } from './polls.store.ts';
import { startAssembly } from './start-assembly.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

type Settled<T> = { ok: true; value: T } | { ok: false; code: string };
const settle = <T>(pending: Promise<T>): Promise<Settled<T>> =>
  pending.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) =>
      error instanceof AppError ? { ok: false as const, code: error.code } : Promise.reject(error),
  );
const codeOf = <T>(r: Settled<T>) => (r.ok ? 'ok' : r.code);

let bulk = 0;
/** `n` active members of a base council, straight into the tables (voters need no login). */
async function bulkMembers(councilId: string, n: number): Promise<string[]> {
  const prefix = `Voter ${bulk++}`;
  const { rows } = await sql<{ person_id: string }>`
    with p as (insert into persons (full_name)
               select ${prefix} || '-' || lpad(g::text, 4, '0') from generate_series(1, ${n}::int) g returning id)
    insert into memberships (council_id, person_id, status) select ${councilId}, id, 'active' from p
    returning person_id`.execute(s.db);
  return rows.map((r) => r.person_id);
}

/** A base council with its secretary (who has a login) and `n` more members. */
async function baseCouncil(n: number) {
  const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(s.db, council);
  const voters = await bulkMembers(council, n);
  return { council, secretary, voters };
}

const motion = (overrides: Partial<PollInput> = {}): PollInput => ({
  kind: 'motion',
  assemblyId: null,
  title: 'Moción',
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
  ...overrides,
});

const election = (labels: string[], overrides: Partial<PollInput> = {}): PollInput =>
  motion({
    kind: 'election',
    title: 'Elección de la comisión',
    options: labels.map((label) => ({ label, personId: null })),
    ...overrides,
  });

const open = (councilId: string, officerId: string, input: PollInput) =>
  openPoll(s.db, viewerOf(officerId), councilId, input);
const cast = (personId: string, pollId: string, ballot: BallotInput, mandateId?: string) =>
  castBallot(s.db, viewerOf(personId), pollId, { ballot, mandateId });

const count = async (table: string, pollId: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)} where poll_id = ${pollId}`.execute(s.db)
  ).rows[0]!.n;

/** A local federation of `n` base councils, one seat each, their delegates (with logins) and its secretary. */
async function federation(n: number, weights?: number[]) {
  const local = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const bases: string[] = [];
  for (let i = 0; i < n; i++) bases.push(await buildCouncil(s.db, { kind: 'mine', parentId: local }));
  const delegates = [];
  const substitutes = [];
  for (const base of bases) {
    delegates.push(await buildMember(s.db, base));
    substitutes.push((await bulkMembers(base, 1))[0]!);
  }
  await buildApportionment(s.db, local, 1);
  const mandates: string[] = [];
  for (const [i, base] of bases.entries()) {
    const r = await buildElectionResult(s.db, base, [delegates[i]!.personId], [substitutes[i]!]);
    mandates.push(r.mandates[0]!.mandateId);
  }
  if (weights) {
    for (const [i, w] of weights.entries())
      await sql`update mandates set weight_millis = ${w} where id = ${mandates[i]}`.execute(s.db);
  }
  const secretary = await buildMember(s.db, bases[0]!);
  await insertOffice(s.db, local, 'secretary', secretary.personId);
  return { local, bases, delegates, mandates, secretary };
}

describe('motion polls', () => {
  it('adopts or rejects by simple, absolute and two-thirds majority of the chosen base', async () => {
    const { council, secretary, voters } = await baseCouncil(9);
    const everyone = [secretary.personId, ...voters];
    const cases: Array<
      [PollRules['majority'], PollRules['majorityBase'], number, number, number, string, number]
    > = [
      ['simple', 'voting', 4, 4, 2, 'rejected', 8000],
      ['simple', 'voting', 5, 4, 1, 'adopted', 9000],
      // Ten members: an absolute majority of the entitled is six.
      ['absolute', 'entitled', 5, 2, 3, 'rejected', 10000],
      ['absolute', 'entitled', 6, 0, 0, 'adopted', 10000],
      ['two-thirds', 'voting', 6, 3, 1, 'adopted', 9000],
      ['two-thirds', 'voting', 5, 3, 2, 'rejected', 8000],
    ];
    for (const [majority, majorityBase, yes, no, abstain, outcome, baseMillis] of cases) {
      const pollId = await open(council, secretary.personId, motion({ majority, majorityBase }));
      const choices = [
        ...Array<'yes'>(yes).fill('yes'),
        ...Array<'no'>(no).fill('no'),
        ...Array<'abstain'>(abstain).fill('abstain'),
      ];
      for (const [i, choice] of choices.entries()) {
        const receipt = await cast(everyone[i]!, pollId, { choice });
        expect(receipt.weightMillis).toBe(1000);
      }
      const closed = await closePoll(s.db, viewerOf(secretary.personId), pollId);
      expect(closed.outcome, `${majority} of ${majorityBase}: ${yes}/${no}/${abstain}`).toBe(outcome);
      expect(closed.result).toEqual({
        method: 'yes-no',
        ballots: yes + no + abstain,
        totals: { yes: yes * 1000, no: no * 1000, abstain: abstain * 1000 },
        baseMillis,
        base: majorityBase,
        outcome,
      });
    }
    expect((await verifyLedger(s.db, council))[0]!.firstBroken).toBeNull();
  });

  it('publishes ballots only after closing, names voters only in a roll-call, and the seal detects a tampered ballot', async () => {
    const { council, secretary, voters } = await baseCouncil(4);
    const client = await TestClient.signedIn(s.app, secretary.login);
    const polls: Record<string, { id: string; receipts: string[] }> = {};
    for (const secrecy of ['open', 'roll-call', 'secret'] as const) {
      const id = await open(council, secretary.personId, motion({ secrecy, title: `Moción ${secrecy}` }));
      const receipts = [];
      for (const [i, v] of voters.entries())
        receipts.push((await cast(v, id, { choice: i === 0 ? 'no' : 'yes' })).receiptCode);
      polls[secrecy] = { id, receipts };
      const early = await client.request('GET', `/api/v1/polls/${id}/ballots`);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('not-published');
      expect((await client.request('GET', `/api/v1/polls/${id}/seal`)).json().error.code).toBe(
        'not-published',
      );
      const closed = await client.request('POST', `/api/v1/polls/${id}/close`);
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'adopted', ballotsCast: 4 });
    }

    const { rows: names } = await sql<{ full_name: string }>`
      select full_name from persons where id = any(${voters}::uuid[]) order by full_name`.execute(s.db);
    for (const [secrecy, { id, receipts }] of Object.entries(polls)) {
      const res = await client.request('GET', `/api/v1/polls/${id}/ballots`);
      expect(res.statusCode, res.body).toBe(200);
      const published = res.json() as {
        ballots: Array<{ receiptCode: string; voterName: string | null; weightMillis: number }>;
      };
      const codes = published.ballots.map((b) => b.receiptCode);
      expect(codes).toEqual([...receipts].sort());
      const voterNames = published.ballots.map((b) => b.voterName);
      if (secrecy === 'roll-call') expect([...voterNames].sort()).toEqual(names.map((n) => n.full_name));
      else expect(voterNames.every((n) => n === null)).toBe(true);
      const seal = (await client.request('GET', `/api/v1/polls/${id}/seal`)).json();
      expect(seal).toMatchObject({ matches: true, current: { voters: 4, ballots: 4 } });
      expect(seal.recorded).toEqual(seal.current);
    }
    // The secrecy picks the table: only the secret poll's contents are in secret_ballots.
    expect(await count('secret_ballots', polls.secret!.id)).toBe(4);
    expect(await count('named_ballots', polls.secret!.id)).toBe(0);
    expect(await count('named_ballots', polls.open!.id)).toBe(4);
    expect(await count('secret_ballots', polls.open!.id)).toBe(0);

    await sql`update secret_ballots set contents = '{"marks":{"yes":1000,"no":0,"abstain":0}}'::jsonb
               where poll_id = ${polls.secret!.id} and contents->'marks'->>'no' = '1000'`.execute(s.db);
    const tampered = (await client.request('GET', `/api/v1/polls/${polls.secret!.id}/seal`)).json();
    expect(tampered.matches).toBe(false);
    expect(tampered.current.ballotsDigest).not.toBe(tampered.recorded.ballotsDigest);
    expect(tampered.current.votersDigest).toBe(tampered.recorded.votersDigest);

    await sql`delete from poll_voters where poll_id = ${polls.open!.id} and person_id = ${voters[1]}`.execute(
      s.db,
    );
    const voterGone = (await client.request('GET', `/api/v1/polls/${polls.open!.id}/seal`)).json();
    expect(voterGone.matches).toBe(false);
    expect(voterGone.current.voters).toBe(3);
  });

  it('lets anyone recompute the stored tally from the published list', async () => {
    const { council, secretary, voters } = await baseCouncil(7);
    const client = await TestClient.signedIn(s.app, secretary.login);
    const id = await open(
      council,
      secretary.personId,
      motion({ secrecy: 'secret', majority: 'two-thirds', majorityBase: 'entitled' }),
    );
    const choices = ['yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'yes'] as const;
    for (const [i, v] of voters.entries()) await cast(v, id, { choice: choices[i]! });
    expect((await client.request('POST', `/api/v1/polls/${id}/close`)).statusCode).toBe(200);
    await expectRecountMatches(client, id);
  });
});

/** Fetches the published ballots and the poll, recounts with tallyPoll, and compares with the stored result. */
async function expectRecountMatches(client: TestClient, pollId: string): Promise<PollResult> {
  const poll = (await client.request('GET', `/api/v1/polls/${pollId}`)).json();
  const published = (await client.request('GET', `/api/v1/polls/${pollId}/ballots`)).json();
  const rules: PollRules = {
    method: published.method,
    options: published.options,
    seats: published.seats,
    maxMarks: poll.maxMarks,
    allowSplit: poll.allowSplit,
    majority: poll.majority,
    majorityBase: poll.majorityBase,
  };
  const recount = tallyPoll(
    rules,
    published.ballots.map((b: { contents: never; weightMillis: number }) => ({
      contents: b.contents,
      weightMillis: b.weightMillis,
    })),
    {
      presentMillis: poll.presentAtCloseMillis,
      entitledMillis: poll.entitledMillis,
      seed: published.seed,
      title: poll.title,
    },
  );
  expect(recount).toEqual(poll.result);
  return recount;
}

describe("delegates' polls and elections", () => {
  it("weighs each mandate, takes a split ballot where allowed, and refuses splits that don't fit", async () => {
    const f = await federation(3, [2500, 1000, 1500]);
    const [d1, d2, d3] = f.delegates.map((d) => d.personId);
    const [m1, m2, m3] = f.mandates;
    const split = await open(
      f.local,
      f.secretary.personId,
      motion({ allowSplit: true, secrecy: 'roll-call' }),
    );
    const whole = await open(f.local, f.secretary.personId, motion());
    expect((await findPoll(s.db, split))!.entitled_millis).toBe(5000);

    const refusals: Array<[() => Promise<unknown>, string]> = [
      [() => cast(d1!, whole, { split: { yes: 1500, no: 1000 } }, m1), 'split-not-allowed'],
      [() => cast(d1!, split, { split: { yes: 1000, no: 1000 } }, m1), 'split-does-not-add-up'],
      [() => cast(d1!, split, { split: { yes: 2000, no: 1000 } }, m1), 'split-does-not-add-up'],
      [() => cast(d1!, split, { choice: 'yes' }), 'mandate-required'],
      [() => cast(d2!, split, { choice: 'yes' }, m1), 'mandate-not-held'],
      [() => cast(d1!, split, { ranking: [0] }, m1), 'wrong-ballot-kind'],
    ];
    for (const [attempt, code] of refusals) expect(codeOf(await settle(attempt()))).toBe(code);
    expect(await count('poll_voters', split)).toBe(0);

    expect((await cast(d1!, split, { split: { yes: 1500, no: 1000 } }, m1)).weightMillis).toBe(2500);
    expect((await cast(d2!, split, { choice: 'no' }, m2)).weightMillis).toBe(1000);
    expect((await cast(d3!, split, { choice: 'yes' }, m3)).weightMillis).toBe(1500);
    // A split ballot is one ballot of its mandate.
    expect(codeOf(await settle(cast(d1!, split, { choice: 'no' }, m1)))).toBe('already-voted');
    const closed = await closePoll(s.db, viewerOf(f.secretary.personId), split);
    expect(closed.result).toMatchObject({
      ballots: 3,
      totals: { yes: 3000, no: 2000, abstain: 0 },
      outcome: 'adopted',
    });
    const { rows } = await sql<{ mandate_id: string; weight_millis: number; contents: unknown }>`
      select mandate_id, weight_millis, contents from named_ballots where poll_id = ${split} and mandate_id = ${m1}`.execute(
      s.db,
    );
    expect(rows).toEqual([
      { mandate_id: m1, weight_millis: 2500, contents: { marks: { yes: 1500, no: 1000, abstain: 0 } } },
    ]);
    const client = await TestClient.signedIn(s.app, f.secretary.login);
    await expectRecountMatches(client, split);
  });

  it('elects by Scottish STV the same three of five that the counting engine elects from the ballots', async () => {
    const { council, secretary, voters } = await baseCouncil(12);
    const labels = ['Ana', 'Beto', 'Carla', 'Dora', 'Eli'];
    const id = await open(
      council,
      secretary.personId,
      election(labels, { method: 'stv-scottish', seats: 3, maxMarks: 5, secrecy: 'secret' }),
    );
    const rankings = [
      ...Array.from({ length: 5 }, () => [0, 1]),
      ...Array.from({ length: 4 }, () => [2, 3]),
      ...Array.from({ length: 3 }, () => [3, 4, 1]),
    ];
    for (const [i, v] of voters.entries()) await cast(v, id, { ranking: rankings[i]! });
    const closed = await closePoll(s.db, viewerOf(secretary.personId), id);
    expect(closed.outcome).toBe('elected');
    const result = closed.result as Extract<PollResult, { elected: number[] }>;

    const profile: BallotProfile = {
      title: closed.title,
      seats: 3,
      candidates: labels,
      withdrawn: [],
      ballots: rankings.map((r) => ({ weight: 1, ranks: r.map((o) => [o]) })),
    };
    const direct = countBallots('stv-scottish', profile, { seats: 3, seed: closed.seed });
    expect([...result.elected].sort()).toEqual([...direct.elected].sort());
    expect([...result.elected].sort()).toEqual([0, 2, 3]);
    const client = await TestClient.signedIn(s.app, secretary.login);
    await expectRecountMatches(client, id);
  });
});

describe('bad ballots', () => {
  it('answers each with a 4xx and its code, and writes nothing', async () => {
    const { council, secretary, voters } = await baseCouncil(3);
    const outsider = await buildMember(s.db, await buildCouncil(s.db));
    const f = await federation(2);
    const approval = await open(
      council,
      secretary.personId,
      election(['Uno', 'Dos', 'Tres'], { method: 'approval', maxMarks: 2, secrecy: 'secret' }),
    );
    const closed = await open(council, secretary.personId, motion());
    await closePoll(s.db, viewerOf(secretary.personId), closed);
    const delegates = await open(f.local, f.secretary.personId, motion());
    // A sitting with quorum (three of four present), the secretary not checked in.
    const assemblyId = await conveneAssembly(s.db, viewerOf(secretary.personId), council, {
      title: 'Asamblea extraordinaria',
      startsAt: new Date(Date.now() + 600_000).toISOString(),
      isExtraordinary: true,
      place: 'Plaza',
      onlineUrl: null,
      quorum: { kind: 'more-than-half' },
      agenda: [],
    });
    await startAssembly(s.db, viewerOf(secretary.personId), assemblyId);
    for (const v of voters) await checkIn(s.db, viewerOf(v), assemblyId, {});
    const sitting = await open(council, secretary.personId, motion({ assemblyId }));

    const member = await TestClient.signedIn(s.app, secretary.login);
    const stranger = await TestClient.signedIn(s.app, outsider.login);
    const delegate = await TestClient.signedIn(s.app, f.delegates[1]!.login);
    const before = await tableCounts(s.db);
    const vote = (client: TestClient, pollId: string, body: unknown) =>
      client.request('POST', `/api/v1/polls/${pollId}/ballots`, body);
    const cases: Array<[string, TestClient, string, unknown, number, string]> = [
      ['closed poll', member, closed, { choice: 'yes' }, 409, 'poll-closed'],
      ['wrong option', member, approval, { ranking: [3] }, 400, 'wrong-option'],
      ['too many marks', member, approval, { ranking: [0, 1, 2] }, 400, 'too-many-marks'],
      ['duplicate mark', member, approval, { ranking: [1, 1] }, 400, 'duplicate-mark'],
      ['choice in an election', member, approval, { choice: 'yes' }, 400, 'wrong-ballot-kind'],
      [
        "someone else's mandate",
        delegate,
        delegates,
        { choice: 'yes', mandateId: f.mandates[0] },
        403,
        'mandate-not-held',
      ],
      ['no mandate', delegate, delegates, { choice: 'yes' }, 400, 'mandate-required'],
      ['not checked in', member, sitting, { choice: 'yes' }, 409, 'not-checked-in'],
      ['not a member', stranger, approval, { ranking: [0] }, 403, 'not-entitled'],
      ['unknown poll', member, council, { choice: 'yes' }, 404, 'poll-not-found'],
    ];
    for (const [what, client, pollId, body, status, code] of cases) {
      const res = await vote(client, pollId, body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json().error.code, what).toBe(code);
    }
    const malformed = await vote(member, approval, { ranking: [0], choice: 'yes' });
    expect(malformed.statusCode).toBe(400);
    expect(await tableCounts(s.db)).toEqual(before);
  });
});

describe('invariant 1 under concurrency', () => {
  it('takes one ballot of each voter from 1,000 concurrent duplicate submissions', async () => {
    const { council, secretary, voters } = await baseCouncil(10);
    const id = await open(council, secretary.personId, motion({ secrecy: 'secret' }));
    const attempts: Array<Promise<Settled<unknown>>> = [];
    for (let round = 0; round < 100; round++)
      for (const v of voters) attempts.push(settle(cast(v, id, { choice: round % 2 ? 'yes' : 'no' })));
    const outcomes = (await Promise.all(attempts)).map(codeOf);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'already-voted')).toHaveLength(990);
    expect(await count('poll_voters', id)).toBe(10);
    expect(await count('secret_ballots', id)).toBe(10);
    const { rows } = await sql<{ n: number }>`
      select count(distinct person_id)::int as n from poll_voters where poll_id = ${id}`.execute(s.db);
    expect(rows[0]!.n).toBe(10);
  });

  it('answers each ballot of a group on its own: members, strangers, the absent and repeats (group commit)', async () => {
    const { council, secretary, voters } = await baseCouncil(60);
    const strangers = await bulkMembers(await buildCouncil(s.db, { kind: 'neighbourhood' }), 20);
    const assemblyId = await conveneAssembly(s.db, viewerOf(secretary.personId), council, {
      title: 'Asamblea de abastecimiento',
      startsAt: new Date(Date.now() + 600_000).toISOString(),
      isExtraordinary: true,
      place: 'Sede',
      onlineUrl: null,
      quorum: { kind: 'more-than-half' },
      agenda: [],
    });
    await startAssembly(s.db, viewerOf(secretary.personId), assemblyId);
    const present = voters.slice(0, 40);
    for (const v of present) await checkIn(s.db, viewerOf(v), assemblyId, {});
    const id = await open(council, secretary.personId, motion({ assemblyId, secrecy: 'secret' }));
    const groupsBefore = memberBallotGroupStats();
    // All at once: 40 present members (each twice), 20 absent members, 20 strangers.
    const callers = [...present, ...voters.slice(40), ...strangers, ...present];
    const outcomes = (await Promise.all(callers.map((v) => settle(cast(v, id, { choice: 'yes' }))))).map(
      codeOf,
    );
    const groupsAfter = memberBallotGroupStats();
    const tally = (code: string) => outcomes.filter((o) => o === code).length;
    expect({
      ok: tally('ok'),
      absent: tally('not-checked-in'),
      strangers: tally('not-entitled'),
      repeats: tally('already-voted'),
    }).toEqual({ ok: 40, absent: 20, strangers: 20, repeats: 40 });
    // Each present member: one call counted, the other was told they had voted.
    for (let i = 0; i < 40; i++)
      expect([outcomes[i], outcomes[80 + i]].sort()).toEqual(['already-voted', 'ok']);
    expect(await count('poll_voters', id)).toBe(40);
    expect(await count('secret_ballots', id)).toBe(40);
    // 120 calls in far fewer statements: the calls were grouped.
    expect(groupsAfter.ballots - groupsBefore.ballots).toBeGreaterThanOrEqual(120);
    expect(groupsAfter.groups - groupsBefore.groups).toBeLessThan(20);
  });

  it('takes one ballot of a mandate from 200 concurrent submissions', async () => {
    const f = await federation(2);
    const id = await open(f.local, f.secretary.personId, motion({ secrecy: 'secret' }));
    const d = f.delegates[0]!.personId;
    const outcomes = (
      await Promise.all(
        Array.from({ length: 200 }, () => settle(cast(d, id, { choice: 'yes' }, f.mandates[0]))),
      )
    ).map(codeOf);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already-voted')).toHaveLength(199);
    expect(await count('poll_voters', id)).toBe(1);
    expect(await count('secret_ballots', id)).toBe(1);
  });
});

describe('quorum under concurrency', () => {
  it('opens a binding poll only when the sitting is quorate at its opening instant, whatever check-outs race it', async () => {
    // Seven members: quorum is four. Four are in; two check out while the chair opens a poll.
    const { council, secretary, voters } = await baseCouncil(6);
    const chair = viewerOf(secretary.personId);
    const seen = { opened: 0, refused: 0 };
    for (let round = 0; round < 20; round++) {
      const assemblyId = await conveneAssembly(s.db, chair, council, {
        title: `Sesión ${round}`,
        startsAt: new Date(Date.now() + 600_000).toISOString(),
        isExtraordinary: true,
        place: 'Local comunal',
        onlineUrl: null,
        quorum: { kind: 'more-than-half' },
        agenda: [],
      });
      await startAssembly(s.db, chair, assemblyId);
      const present = voters.slice(0, 4);
      for (const v of present) await checkIn(s.db, chair, assemblyId, { personId: v });
      const leaving = present.slice(round % 2, (round % 2) + 2);
      const openIt = () =>
        settle(open(council, secretary.personId, motion({ assemblyId, title: `Moción ${round}` })));
      const leave = (v: string) => () => settle(checkOut(s.db, viewerOf(v), assemblyId, {}));
      // Started in turn: the opening first (even rounds, with a head start of `round` ms — on PostgreSQL it
      // runs several statements before it takes the assembly's lock), between the check-outs, or last.
      const position = round % 2 === 0 ? 0 : 1 + (round % 3 === 0 ? 1 : 0);
      const steps: Array<'open' | string> = [...leaving];
      steps.splice(position, 0, 'open');
      const started: Array<Promise<Settled<unknown>>> = [];
      let opening: Promise<Settled<string>> | undefined;
      for (const step of steps) {
        if (step !== 'open') {
          started.push(leave(step)());
          continue;
        }
        opening = openIt();
        started.push(opening);
        if (round % 2 === 0) await new Promise((resolve) => setTimeout(resolve, round));
      }
      await Promise.all(started);
      const checkOuts = started.filter((p) => p !== opening);
      expect((await Promise.all(checkOuts)).map(codeOf)).toEqual(['ok', 'ok']);
      const result = await opening!;
      if (!result.ok) {
        expect(result.code).toBe('quorum-not-met');
        seen.refused++;
        continue;
      }
      seen.opened++;
      const { rows } = await sql<{ at_open: number; attending: number }>`
        select p.present_at_open_millis::int as at_open,
               (select count(*)::int * 1000 from attendance a
                 where a.assembly_id = p.assembly_id and a.checked_in_at <= p.opened_at
                   and (a.checked_out_at is null or a.checked_out_at > p.opened_at)) as attending
          from polls p where p.id = ${result.value}`.execute(s.db);
      expect(rows[0]!.at_open).toBeGreaterThanOrEqual(4000);
      expect(rows[0]!.attending).toBeGreaterThanOrEqual(4000);
    }
    expect(seen.opened + seen.refused).toBe(20);
    expect(seen.opened).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    expect((await verifyLedger(s.db, council))[0]!.firstBroken).toBeNull();
  });
});

describe('a recalled delegate', () => {
  it('keeps the ballots committed before the recall instant, and has every later one refused', async () => {
    const f = await federation(2);
    const [d] = f.delegates;
    const [m] = f.mandates;
    const polls: string[] = [];
    for (let i = 0; i < 51; i++)
      polls.push(
        await open(f.local, f.secretary.personId, motion({ title: `Moción ${i}`, secrecy: 'secret' })),
      );
    const baseSecretary = await buildOfficer(s.db, f.bases[0]!);
    const ballots: Array<Promise<Settled<unknown>>> = [];
    let recall: Promise<Settled<unknown>> | undefined;
    for (let i = 0; i < 50; i++) {
      if (i === 25)
        recall = settle(
          recallMandate(s.db, viewerOf(baseSecretary.personId), m!, {
            decisionReference: 'Asamblea 9/2026',
            minuteText: 'Revocado.',
          }),
        );
      ballots.push(settle(cast(d!.personId, polls[i]!, { choice: 'yes' }, m)));
    }
    const outcomes = (await Promise.all(ballots)).map(codeOf);
    const rr = await recall!;
    expect(codeOf(rr)).toBe('ok');
    expect(outcomes.every((o) => o === 'ok' || o === 'mandate-ended')).toBe(true);

    const { rows } = await sql<{ stood_before: number; stood_after: number }>`
      select count(*) filter (where v.voted_at < m.ended_at)::int as stood_before,
             count(*) filter (where v.voted_at >= m.ended_at)::int as stood_after
        from poll_voters v join mandates m on m.id = v.mandate_id
       where v.mandate_id = ${m} and v.poll_id = any(${polls}::uuid[])`.execute(s.db);
    const stood = outcomes.filter((o) => o === 'ok').length;
    expect(rows[0]).toEqual({ stood_before: stood, stood_after: 0 });
    const secret = await sql<{ n: number }>`
      select count(*)::int as n from secret_ballots where poll_id = any(${polls}::uuid[])`.execute(s.db);
    expect(secret.rows[0]!.n).toBe(stood);

    // On PostgreSQL share lockers may overtake the recall's waiting FOR UPDATE, so the race above can end
    // with every ballot standing; once the recall has committed, every ballot of the mandate is refused.
    const unused = polls.filter((_, i) => i === 50 || outcomes[i] !== 'ok');
    const late = await Promise.all(unused.map((p) => settle(cast(d!.personId, p, { choice: 'no' }, m))));
    expect(late.map(codeOf)).toEqual(unused.map(() => 'mandate-ended'));
    const { rows: after } = await sql<{ n: number }>`
      select count(*)::int as n from poll_voters where mandate_id = ${m}`.execute(s.db);
    expect(after[0]!.n).toBe(stood);
  });
});

describe('closing a poll', () => {
  it('counts every ballot that was accepted before the close and none after it', async () => {
    const { council, secretary, voters } = await baseCouncil(100);
    const id = await open(council, secretary.personId, motion({ secrecy: 'secret' }));
    const work: Array<Promise<Settled<unknown>>> = [];
    let closing: Promise<Settled<unknown>> | undefined;
    for (const [i, v] of voters.entries()) {
      if (i === 50) closing = settle(closePoll(s.db, viewerOf(secretary.personId), id));
      work.push(settle(cast(v, id, { choice: i % 3 ? 'yes' : 'no' })));
    }
    const outcomes = (await Promise.all(work)).map(codeOf);
    expect(codeOf(await closing!)).toBe('ok');
    const accepted = outcomes.filter((o) => o === 'ok').length;
    expect(outcomes.filter((o) => o === 'poll-closed')).toHaveLength(100 - accepted);

    const poll = (await findPoll(s.db, id))!;
    expect(poll.status).toBe('closed');
    expect(poll.result?.ballots).toBe(accepted);
    expect(await count('secret_ballots', id)).toBe(accepted);
    expect(await count('poll_voters', id)).toBe(accepted);
    const { rows } = await sql<{ late: number }>`
      select count(*)::int as late from poll_voters v join polls p on p.id = v.poll_id
       where v.poll_id = ${id} and v.voted_at >= p.closed_at`.execute(s.db);
    expect(rows[0]!.late).toBe(0);
    const seal = await computePollSeal(s.db, poll);
    expect(await recordedPollSeal(s.db, poll)).toEqual(seal);
    expect(seal.ballots).toBe(accepted);
  });
});
