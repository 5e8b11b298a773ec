// The demands' concurrency invariants, run concurrently: numbers stay distinct and gap-free per council
// when proposals race and their votes close at the same moment; of officers changing one demand's status
// at once exactly one wins and the others get a 409; one endorsement in force per council however many
// officers press at once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/http-errors.ts';
import { verifyLedger } from '../platform/ledger.ts';
import { buildOfficer, startTestServer, TestClient, type TestServer, viewerOf } from '../test-factories.ts';
import { changeDemandStatus } from './change-demand-status.ts';
import { adoptBatch } from './demands.store.ts';
import {
  adoptDemands,
  buildDemandPlace,
  closeVote,
  draft,
  putDemandsToVote,
  voteOn,
} from './demands-factories.ts';
import { endorseDemand } from './endorse-demand.ts';
import { proposeDemands } from './propose-demands.ts';
import { recordDemandAnswer } from './record-demand-answer.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

/** Opens the pool's connections first, so racing transactions overlap instead of queueing on connects. */
const warmPool = () => Promise.all(Array.from({ length: 10 }, () => sql`select 1`.execute(s.db)));

const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' ? (r.reason instanceof AppError ? r.reason.code : String(r.reason)) : 'ok';

describe('demands under concurrency', () => {
  it('gives racing proposals distinct gap-free numbers when their votes close at once, each batch in order', async () => {
    const p = await buildDemandPlace(s);
    const sizes = [3, 1, 4, 2, 5, 1];
    // Proposals race too (no numbers yet), then each is put to the vote.
    const batches = await Promise.all(
      sizes.map((n, b) =>
        proposeDemands(
          s.db,
          viewerOf(p.secretary.personId),
          p.base,
          Array.from({ length: n }, (_, i) => ({ ...draft(b * 10 + i), raisedOn: null })),
        ),
      ),
    );
    const votes = [];
    const client = await TestClient.signedIn(s.app, p.secretary.login);
    for (const batch of batches) {
      const res = await client.request('POST', `/api/v1/demand-batches/${batch[0]!.batch_id}/poll`, {});
      expect(res.statusCode, res.body).toBe(201);
      votes.push(res.json().pollId as string);
    }
    for (const pollId of votes) await voteOn(s, p, pollId);
    await warmPool();
    await Promise.all(votes.map((pollId) => closeVote(s, p, pollId)));

    const { rows } = await sql<{ batch_id: string; position: number; number: number }>`
      select batch_id, position, number from demands where council_id = ${p.base} order by number`.execute(
      s.db,
    );
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // Each batch holds a run of consecutive numbers in its own order.
    for (const batch of batches) {
      const mine = rows.filter((r) => r.batch_id === batch[0]!.batch_id);
      expect(mine.map((r) => r.position)).toEqual(batch.map((_, i) => i + 1));
      expect(mine.map((r) => r.number - mine[0]!.number)).toEqual(batch.map((_, i) => i));
    }
  });

  it('numbers batches adopted in concurrent transactions without gaps by its own lock, not the callers’', async () => {
    // Closing polls already queue on the council's ledger head; the numbering must not rely on that.
    const p = await buildDemandPlace(s);
    const sizes = [2, 3, 1, 4, 2, 2, 1, 3];
    const batches = [];
    for (const n of sizes)
      batches.push(
        await proposeDemands(
          s.db,
          viewerOf(p.secretary.personId),
          p.base,
          Array.from({ length: n }, (_, i) => ({ ...draft(i), raisedOn: null })),
        ),
      );
    const { rows: polls } = await sql<{ id: string }>`
      select id from polls where council_id = ${p.base} limit 1`.execute(s.db);
    const anyPoll = polls[0]?.id ?? (await putDemandsToVote(s, p, [draft(99)])).pollId;
    await warmPool();
    await Promise.all(
      batches.map((batch) =>
        s.db.transaction().execute((tx) =>
          adoptBatch(tx, p.base, batch[0]!.batch_id, {
            pollId: anyPoll,
            at: new Date().toISOString(),
            summary: 'adopted',
          }),
        ),
      ),
    );
    const { rows } = await sql<{ number: number }>`
      select number from demands where council_id = ${p.base} and number is not null order by number`.execute(
      s.db,
    );
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('lets one of several officers changing a demand at once win, and refuses the others with a 409', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [draft(1)]);
    const id = demandIds[0]!;
    const officers = [p.secretary, p.chair, p.treasurer, await buildOfficer(s.db, p.base, 'distribution')];
    const targets = ['in-negotiation', 'met', 'refused', 'partly-met'] as const;
    await warmPool();
    const results = await Promise.allSettled(
      [...officers, ...officers].map((o, i) =>
        changeDemandStatus(s.db, viewerOf(o.personId), id, {
          status: targets[i % targets.length]!,
          fromStatus: 'raised',
          note: null,
        }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'demand-status-stale')).toBe(true);
    const winner = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
      status: string;
    }>;
    const { rows } = await sql<{ status: string; changes: number; entries: number }>`
      select d.status,
             (select count(*)::int from demand_answers a where a.demand_id = d.id and a.by_person_id is not null)
               as changes,
             (select count(*)::int from ledger_entries l
               where l.chain_id = d.council_id and l.kind = 'demand.status-changed') as entries
        from demands d where d.id = ${id}`.execute(s.db);
    expect(rows[0]).toEqual({ status: winner.value.status, changes: 1, entries: 1 });
    // Answers recorded meanwhile do not move the status.
    await Promise.all(
      officers.map((o) =>
        recordDemandAnswer(s.db, viewerOf(o.personId), id, { kind: 'note', text: 'noted', answeredOn: null }),
      ),
    );
    const after = await sql<{ status: string }>`select status from demands where id = ${id}`.execute(s.db);
    expect(after.rows[0]!.status).toBe(winner.value.status);
  });

  it('keeps one endorsement in force when officers of a council endorse a demand at once', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [draft(1)]);
    const chair = await buildOfficer(s.db, p.other, 'chair');
    await warmPool();
    const results = await Promise.allSettled(
      [p.otherSecretary, chair, p.otherSecretary, chair].map((o) =>
        endorseDemand(s.db, viewerOf(o.personId), demandIds[0]!, p.other),
      ),
    );
    const codes = results.map(codeOf).sort();
    expect(codes).toEqual([
      'demand-already-endorsed',
      'demand-already-endorsed',
      'demand-already-endorsed',
      'ok',
    ]);
    const { rows } = await sql<{ n: number; entries: number }>`
      select (select count(*)::int from demand_endorsements where demand_id = ${demandIds[0]}) as n,
             (select count(*)::int from ledger_entries where chain_id = ${p.other} and kind = 'demand.endorsed')
               as entries`.execute(s.db);
    expect(rows[0]).toEqual({ n: 1, entries: 1 });
  });

  it('refuses a second vote on a batch while its first is open', async () => {
    const p = await buildDemandPlace(s);
    const vote = await putDemandsToVote(s, p, [draft(1), draft(2)]);
    const client = await TestClient.signedIn(s.app, p.chair.login);
    const res = await client.request('POST', `/api/v1/demand-batches/${vote.batchId}/poll`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('subject-in-vote');
  });
});
