// Pledges and their conditions: a conditional pledge ("if at least N of my council do, me included")
// becomes active exactly when N pledges of its council can be active together, never before, also when
// the council's members pledge all at once; withdrawing takes support away again.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePledges } from '../../core/actions/index.ts';
import { closePoll } from '../decisions/index.ts';
import { verifyLedger } from '../platform/ledger.ts';
import { startTestServer, TestClient, type TestServer, tableCounts, viewerOf } from '../test-factories.ts';
import { type ActionPlace, buildActionPlace, callAction, voteOn } from './collective-actions-factories.ts';
import { pledgeGroupStats, pledgeToAction } from './pledge-to-action.ts';
import { withdrawPledge } from './withdraw-pledge.ts';

let s: TestServer;
let p: ActionPlace;
beforeAll(async () => {
  s = await startTestServer();
  p = await buildActionPlace(s, 30);
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

interface Stored {
  person_id: string;
  threshold: number | null;
  status: string;
  resolved_at: string | null;
  resolved_count: number | null;
}

async function pledgesOf(actionId: string, councilId: string): Promise<Stored[]> {
  const { rows } = await sql<Stored>`
    select person_id, threshold, status, to_char(resolved_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') as resolved_at, resolved_count
      from pledges where action_id = ${actionId} and council_id = ${councilId}`.execute(s.db);
  return rows;
}

async function counters(actionId: string, councilId: string) {
  const { rows } = await sql<{ active_pledges: number; pending_pledges: number }>`
    select active_pledges, pending_pledges from action_councils
     where action_id = ${actionId} and council_id = ${councilId}`.execute(s.db);
  return rows[0]!;
}

const pledge = (personId: string, actionId: string, threshold: number | null) =>
  pledgeToAction(s.db, viewerOf(personId), actionId, { councilId: null, threshold });

describe('conditional pledges', () => {
  it('stays pending until the pledge that crosses the threshold, then activates in that same act', async () => {
    const actionId = await callAction(s, p, p.bases[0]!);
    const [a, b, c] = p.members[p.bases[0]!]!;
    expect((await pledge(a!.personId, actionId, 3)).pledge.status).toBe('pending');
    const second = await pledge(b!.personId, actionId, 3);
    expect(second).toMatchObject({ activeInCouncil: 0, pendingInCouncil: 2, activated: 0 });
    // Two people waiting for three: the third, itself waiting for three, makes the three.
    const third = await pledge(c!.personId, actionId, 3);
    expect(third).toMatchObject({ activeInCouncil: 3, pendingInCouncil: 0, activated: 3 });
    const stored = await pledgesOf(actionId, p.bases[0]!);
    expect(stored.map((r) => [r.status, r.resolved_count])).toEqual([
      ['active', 3],
      ['active', 3],
      ['active', 3],
    ]);
    expect(new Set(stored.map((r) => r.resolved_at)).size).toBe(1);
    expect(await counters(actionId, p.bases[0]!)).toEqual({ active_pledges: 3, pending_pledges: 0 });
  });

  it('resolves exactly as the pure rule says when thirty members pledge at once, never early', async () => {
    const council = p.bases[0]!;
    const actionId = await callAction(s, p, council);
    const members = p.members[council]!;
    // Unconditional ones, thresholds a chain can reach, and some it cannot.
    const thresholds = [
      null,
      null,
      null,
      null,
      null,
      2,
      3,
      5,
      6,
      7,
      7,
      8,
      9,
      10,
      11,
      12,
      12,
      14,
      15,
      16,
      17,
      18,
      19,
      20,
      22,
      26,
      27,
      29,
      31,
      40,
    ];
    const outcomes = await Promise.all(members.map((m, i) => pledge(m.personId, actionId, thresholds[i]!)));
    expect(outcomes).toHaveLength(30);
    const conditional = thresholds.filter((t): t is number => t !== null);
    const expected = resolvePledges(thresholds.length - conditional.length, conditional);
    const stored = await pledgesOf(actionId, council);
    const active = stored.filter((r) => r.status === 'active');
    expect(active.length).toBe(expected);
    for (const r of stored)
      expect(r.status).toBe(r.threshold === null || r.threshold <= expected ? 'active' : 'pending');
    expect(await counters(actionId, council)).toEqual({
      active_pledges: expected,
      pending_pledges: 30 - expected,
    });
    // Never before: when each conditional became active, at least its threshold of pledges were active.
    for (const r of active) {
      if (r.threshold === null) continue;
      expect(r.resolved_count).toBeGreaterThanOrEqual(r.threshold);
      const activeThen = active.filter((o) => o.resolved_at! <= r.resolved_at!).length;
      expect(activeThen).toBeGreaterThanOrEqual(r.threshold);
    }
  });

  it('activates thirty who each wait for thirty all at once when the last of them pledges, concurrently', async () => {
    const council = p.bases[1]!;
    const actionId = await callAction(s, p, council);
    const outcomes = await Promise.all(p.members[council]!.map((m) => pledge(m.personId, actionId, 30)));
    expect(outcomes.filter((o) => o.activated === 30)).toHaveLength(1);
    expect(outcomes.filter((o) => o.activated === 0)).toHaveLength(29);
    const stored = await pledgesOf(actionId, council);
    expect(stored.every((r) => r.status === 'active' && r.resolved_count === 30)).toBe(true);
  });

  it('takes support away when a pledge is withdrawn or its threshold raised, and gives it back on a new pledge', async () => {
    const council = p.bases[0]!;
    const actionId = await callAction(s, p, council);
    const [a, b, c, d] = p.members[council]!;
    await pledge(a!.personId, actionId, null);
    await pledge(b!.personId, actionId, 3);
    expect((await pledge(c!.personId, actionId, 3)).activeInCouncil).toBe(3);
    const withdrawn = await withdrawPledge(s.db, viewerOf(a!.personId), actionId);
    expect(withdrawn).toEqual({ activeInCouncil: 0, deactivated: 2 });
    expect((await pledgesOf(actionId, council)).filter((r) => r.status === 'active')).toHaveLength(0);
    expect((await pledge(d!.personId, actionId, null)).activeInCouncil).toBe(3);
    // Raising a threshold past what the council reaches puts that pledge (and those it carried) back.
    const raised = await pledge(b!.personId, actionId, 10);
    expect(raised).toMatchObject({ activeInCouncil: 1, pendingInCouncil: 2 });
    expect(raised.pledge.status).toBe('pending');
    // A second identical pledge changes nothing and writes nothing.
    const before = await tableCounts(s.db);
    expect((await pledge(b!.personId, actionId, 10)).pledge.status).toBe('pending');
    expect(await tableCounts(s.db)).toEqual(before);
    expect(await counters(actionId, council)).toEqual({ active_pledges: 1, pending_pledges: 2 });
  });

  it('ends where the pure rule says when members withdraw and pledge at the same time', async () => {
    const council = p.bases[0]!;
    const actionId = await callAction(s, p, council);
    const members = p.members[council]!;
    const thresholds = members.map((_, i) => (i % 3 === 0 ? null : 2 + ((i * 7) % 15)));
    await Promise.all(members.slice(0, 20).map((m, i) => pledge(m.personId, actionId, thresholds[i]!)));
    await Promise.all([
      ...members.slice(0, 8).map((m) => withdrawPledge(s.db, viewerOf(m.personId), actionId)),
      ...members.slice(20).map((m, i) => pledge(m.personId, actionId, thresholds[20 + i]!)),
    ]);
    const live = thresholds.filter((_, i) => i >= 8);
    const conditional = live.filter((t): t is number => t !== null);
    const expected = resolvePledges(live.length - conditional.length, conditional);
    const stored = (await pledgesOf(actionId, council)).filter((r) => r.status !== 'withdrawn');
    expect(stored).toHaveLength(22);
    for (const r of stored)
      expect(r.status).toBe(r.threshold === null || r.threshold <= expected ? 'active' : 'pending');
    for (const r of stored.filter((x) => x.status === 'active' && x.threshold !== null))
      expect(r.resolved_count).toBeGreaterThanOrEqual(r.threshold!);
    expect(await counters(actionId, council)).toEqual({
      active_pledges: expected,
      pending_pledges: 22 - expected,
    });
  });

  it('accepts no pledge after the instant the action is lifted, when pledges race the vote that lifts it', async () => {
    const council = p.bases[1]!;
    const actionId = await callAction(s, p, council);
    const officer = await TestClient.signedIn(s.app, p.chair.login);
    const lift = await officer.request('POST', `/api/v1/actions/${actionId}/decisions`, { kind: 'lift' });
    expect(lift.statusCode, lift.body).toBe(201);
    const { pollId, closer } = await voteOn(s, p, council, lift.json().id);
    const members = p.members[council]!;
    const results = await Promise.allSettled([
      ...members.slice(0, 15).map((m) => pledge(m.personId, actionId, null)),
      closePoll(s.db, closer, pollId),
      ...members.slice(15).map((m) => pledge(m.personId, actionId, null)),
    ]);
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of refused) expect((r.reason as { code?: string }).code).toBe('action-not-called');
    const { rows } = await sql<{ lifted_at: string }>`
      select to_char(lifted_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') as lifted_at from collective_actions
       where id = ${actionId} and status = 'lifted'`.execute(s.db);
    expect(rows).toHaveLength(1);
    const stored = await pledgesOf(actionId, council);
    expect(stored.length + refused.length).toBe(members.length);
    for (const r of stored) expect(r.resolved_at! < rows[0]!.lifted_at).toBe(true);
  });

  it('takes a burst in groups where a refusal refuses only its own pledge and a repeat follows the first', async () => {
    const council = p.bases[0]!;
    const actionId = await callAction(s, p, council);
    const members = p.members[council]!.slice(0, 12);
    const stranger = p.members[p.bases[1]!]![0]!;
    const sent = pledgeGroupStats();
    const results = await Promise.allSettled([
      ...members.map((m, i) => pledge(m.personId, actionId, i < 6 ? null : 13)),
      pledgeToAction(s.db, viewerOf(stranger.personId), actionId, { councilId: council, threshold: null }),
      pledge(p.outsider.personId, actionId, null),
      pledge(members[0]!.personId, actionId, 3),
    ]);
    expect(results.slice(0, 12).every((r) => r.status === 'fulfilled')).toBe(true);
    for (const r of results.slice(12, 14)) expect(r).toMatchObject({ reason: { code: 'not-a-member' } });
    expect(results[14]).toMatchObject({ status: 'fulfilled', value: { pledge: { threshold: 3 } } });
    const after = pledgeGroupStats();
    expect(after.pledges - sent.pledges).toBe(15);
    expect(after.groups - sent.groups).toBeGreaterThanOrEqual(2); // the repeat goes in a later group
    expect(after.groups - sent.groups).toBeLessThan(15);
    // Five unconditional, one "if 3" (the repeat), six "if 13" that twelve pledgers cannot reach.
    const expected = resolvePledges(5, [3, 13, 13, 13, 13, 13, 13]);
    expect(expected).toBe(6);
    expect(await counters(actionId, council)).toEqual({ active_pledges: 6, pending_pledges: 6 });
    const stored = await pledgesOf(actionId, council);
    expect(stored).toHaveLength(12);
    for (const r of stored) expect(r.status).toBe(r.threshold === 13 ? 'pending' : 'active');
    // One ledger entry per pledge that was taken, in the council's chain; none for the refused ones.
    const { rows } = await sql<{ kind: string; n: number }>`
      select kind, count(*)::int as n from ledger_entries
       where chain_id = ${council} and payload->>'actionId' = ${actionId} and kind like 'collective-action.pledge%'
       group by kind order by kind`.execute(s.db);
    expect(rows).toEqual([
      { kind: 'collective-action.pledge-changed', n: 1 },
      { kind: 'collective-action.pledged', n: 12 },
    ]);
  });

  it('refuses pledges from people outside the scope, and withdrawals of no pledge, writing nothing', async () => {
    const actionId = await callAction(s, p, p.bases[0]!);
    const outsider = await TestClient.signedIn(s.app, p.outsider.login);
    const other = await TestClient.signedIn(s.app, p.members[p.bases[1]!]![0]!.login);
    const before = await tableCounts(s.db);
    const res = await outsider.request('POST', `/api/v1/actions/${actionId}/pledges`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not-a-member');
    const named = await outsider.request('POST', `/api/v1/actions/${actionId}/pledges`, {
      councilId: p.outside,
    });
    expect(named.statusCode).toBe(403);
    // A member of a council, but not of one in the scope.
    expect(named.json().error).toMatchObject({ code: 'council-not-in-scope', field: 'councilId' });
    // The same for a member of the other base council of the federation.
    const notInScope = await other.request('POST', `/api/v1/actions/${actionId}/pledges`, {
      councilId: p.bases[1],
    });
    expect(notInScope.statusCode).toBe(403);
    expect(notInScope.json().error.code).toBe('council-not-in-scope');
    const bad = await other.request('POST', `/api/v1/actions/${actionId}/pledges`, { threshold: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('threshold');
    const none = await other.request('DELETE', `/api/v1/actions/${actionId}/pledges/mine`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('pledge-not-found');
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
