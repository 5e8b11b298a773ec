// The recall vote a petition calls for: opened by the signature that reaches the threshold, secret,
// yes-no, voted by the sending council's members; an adopted vote recalls the mandate when it closes
// (with its substitute seated), a rejected one retains it; one vote per petition.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PetitionRow } from '../federation/index.ts';
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
  viewerOf,
} from '../test-factories.ts';
import { castBallot } from './cast-ballot.ts';
import { openRecallVote } from './open-recall-vote.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

/**
 * A base council of six members (its secretary, the delegate d, the substitute, and three more) with one
 * seat in a local federation; members 2 and 3 petition to recall d — two signatures cross 20 % of six.
 */
async function recallVoteCalled() {
  const federation = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const base = await buildCouncil(s.db, { kind: 'neighbourhood', parentId: federation });
  const secretary = await buildOfficer(s.db, base);
  const people = [];
  for (let i = 0; i < 5; i++) people.push(await buildMember(s.db, base));
  await buildApportionment(s.db, federation, 1);
  const elected = await buildElectionResult(s.db, base, [people[0]!.personId], [people[1]!.personId]);
  const mandateId = elected.mandates[0]!.mandateId;

  const opener = await TestClient.signedIn(s.app, people[2]!.login);
  const opened = await opener.request('POST', `/api/v1/mandates/${mandateId}/recall-petitions`, {
    reason: 'No informa a la asamblea',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  expect(opened.json()).toMatchObject({ signaturesNeeded: 2, status: 'open' });
  const petitionId: string = opened.json().id;
  const signer = await TestClient.signedIn(s.app, people[3]!.login);
  const crossing = await signer.request('POST', `/api/v1/recall-petitions/${petitionId}/signatures`, {});
  expect(crossing.statusCode, crossing.body).toBe(201);
  expect(crossing.json()).toMatchObject({ status: 'vote-due', crossedThreshold: true });
  const pollId: string = crossing.json().recallPollId;
  expect(pollId).toMatch(/^[0-9a-f-]{36}$/);
  const secretaryClient = await TestClient.signedIn(s.app, secretary.login);
  const voters = [secretary.personId, ...people.map((p) => p.personId)];
  return { federation, base, secretary, secretaryClient, people, voters, mandateId, petitionId, pollId };
}

const vote = async (voters: string[], pollId: string, choices: Array<'yes' | 'no' | 'abstain'>) => {
  for (const [i, choice] of choices.entries())
    await castBallot(s.db, viewerOf(voters[i]!), pollId, { ballot: { choice } });
};

const mandateState = async (id: string) =>
  (
    await sql<{ status: string; ended: boolean; end_reason: string | null }>`
      select status, ended_at is not null as ended, end_reason from mandates where id = ${id}`.execute(s.db)
  ).rows[0];

const petitionState = async (id: string) =>
  (
    await sql<{ status: string; decided: boolean }>`
      select status, decided_at is not null as decided from recall_petitions where id = ${id}`.execute(s.db)
  ).rows[0];

const recalledEntries = async (chainId: string, mandateId: string) =>
  (
    await sql<{ poll_id: string | null }>`
      select payload->>'pollId' as poll_id from ledger_entries
       where chain_id = ${chainId} and kind = 'mandate.recalled' and payload->>'mandateId' = ${mandateId}`.execute(
      s.db,
    )
  ).rows;

describe('a recall vote', () => {
  it('is opened by the crossing signature as a secret yes-no poll of the sending council', async () => {
    const c = await recallVoteCalled();
    const poll = await c.secretaryClient.request('GET', `/api/v1/polls/${c.pollId}`);
    expect(poll.statusCode, poll.body).toBe(200);
    expect(poll.json()).toMatchObject({
      councilId: c.base,
      kind: 'recall',
      method: 'yes-no',
      secrecy: 'secret',
      electorate: 'members',
      majority: 'simple',
      majorityBase: 'voting',
      status: 'open',
      recallPetitionId: c.petitionId,
      subjectMandateId: c.mandateId,
      entitledMillis: 6000,
      assemblyId: null,
    });
    const days = (Date.parse(poll.json().closesAt) - Date.parse(poll.json().openedAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
    const { rows } = await sql<{ kind: string }>`
      select kind from ledger_entries where chain_id = ${c.base} and payload->>'pollId' = ${c.pollId}`.execute(
      s.db,
    );
    expect(rows.map((r) => r.kind)).toEqual(['poll.opened']);
  });

  it('recalls the mandate when adopted: the mandate ends, the substitute takes the seat, the petition is decided', async () => {
    const c = await recallVoteCalled();
    await vote(c.voters, c.pollId, ['yes', 'no', 'yes', 'yes', 'abstain', 'yes']);
    const { rows: stored } = await sql<{ secret: number; named: number }>`
      select (select count(*)::int from secret_ballots where poll_id = ${c.pollId}) as secret,
             (select count(*)::int from named_ballots where poll_id = ${c.pollId}) as named`.execute(s.db);
    expect(stored[0]).toEqual({ secret: 6, named: 0 });

    const closed = await c.secretaryClient.request('POST', `/api/v1/polls/${c.pollId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      outcome: 'adopted',
      result: { totals: { yes: 4000, no: 1000, abstain: 1000 } },
    });
    expect(await mandateState(c.mandateId)).toEqual({
      status: 'recalled',
      ended: true,
      end_reason: `recall vote ${c.pollId}`,
    });
    const { rows: seat } = await sql<{
      holder_person_id: string;
      active: boolean;
      ended_before_close: boolean;
    }>`
      select s.holder_person_id, s.active_until > clock_timestamp() as active,
             m.ended_at < p.closed_at as ended_before_close
        from mandates s join mandates m on m.id = s.replaces_mandate_id join polls p on p.id = ${c.pollId}
       where s.replaces_mandate_id = ${c.mandateId}`.execute(s.db);
    expect(seat).toEqual([
      { holder_person_id: c.people[1]!.personId, active: true, ended_before_close: false },
    ]);
    expect(await petitionState(c.petitionId)).toEqual({ status: 'recalled', decided: true });
    expect(await recalledEntries(c.base, c.mandateId)).toEqual([{ poll_id: c.pollId }]);
    expect((await verifyLedger(s.db, c.base))[0]!.firstBroken).toBeNull();

    const late = await c.secretaryClient.request('POST', `/api/v1/polls/${c.pollId}/close`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('poll-closed');
  });

  it('retains the mandate when rejected, and the petition is closed as retained', async () => {
    const c = await recallVoteCalled();
    await vote(c.voters, c.pollId, ['yes', 'no', 'no', 'yes', 'no']);
    const closed = await c.secretaryClient.request('POST', `/api/v1/polls/${c.pollId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().outcome).toBe('rejected');
    expect(await mandateState(c.mandateId)).toEqual({ status: 'active', ended: false, end_reason: null });
    expect(await petitionState(c.petitionId)).toEqual({ status: 'retained', decided: true });
    expect(await recalledEntries(c.base, c.mandateId)).toEqual([]);
    // Signing on after the decision opens no second vote.
    const late = await (await TestClient.signedIn(s.app, c.people[4]!.login)).request(
      'POST',
      `/api/v1/recall-petitions/${c.petitionId}/signatures`,
      {},
    );
    expect(late.json()).toMatchObject({ crossedThreshold: false, recallPollId: null });
    expect((await verifyLedger(s.db, c.base))[0]!.firstBroken).toBeNull();
  });

  it('is held once per petition', async () => {
    const c = await recallVoteCalled();
    const { rows } =
      await sql<PetitionRow>`select * from recall_petitions where id = ${c.petitionId}`.execute(s.db);
    const petition = rows[0]!;
    expect(petition.status).toBe('vote-due');
    await expect(s.db.transaction().execute((tx) => openRecallVote(tx, petition))).rejects.toMatchObject({
      code: 'recall-vote-exists',
    });
    // And the unique index holds even without that check: a second insert of the same petition's poll fails.
    await expect(
      sql`insert into polls (council_id, kind, title, method, options, seats, max_marks, allow_split, majority,
                             majority_base, secrecy, electorate, recall_petition_id, status, opened_at,
                             entitled_millis, seed)
          select council_id, kind, title, method, options, seats, max_marks, allow_split, majority, majority_base,
                 secrecy, electorate, recall_petition_id, status, opened_at, entitled_millis, seed
            from polls where recall_petition_id = ${c.petitionId}`.execute(s.db),
    ).rejects.toThrow(/polls_one_recall_vote/);
    const { rows: polls } = await sql<{ n: number }>`
      select count(*)::int as n from polls where recall_petition_id = ${c.petitionId}`.execute(s.db);
    expect(polls[0]!.n).toBe(1);
  });
});
