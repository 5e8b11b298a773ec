// Calls to action decided by vote — proposed, called, suspended, resumed, lifted — with their scope, the
// refusal of pledges to actions that are not called, status reports and the roll-up over the scope.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOffice } from '../federation/index.ts';
import { verifyLedger } from '../platform/ledger.ts';
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
import {
  type ActionPlace,
  buildActionPlace,
  callAction,
  decide,
  decideLater,
  proposeCall,
  strike,
} from './collective-actions-factories.ts';
import { pledgeToAction } from './pledge-to-action.ts';
import { proposeCollectiveAction } from './propose-collective-action.ts';
import { reportCouncilStatus } from './report-council-status.ts';

let s: TestServer;
let p: ActionPlace;
beforeAll(async () => {
  s = await startTestServer();
  p = await buildActionPlace(s);
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

const statusOf = async (id: string) =>
  (await sql<{ status: string }>`select status from collective_actions where id = ${id}`.execute(s.db))
    .rows[0]?.status;

describe('calls to action decided by vote', () => {
  it('calls a strike by the federation’s vote, with every base council under it in scope', async () => {
    const { actionId, decisionId } = await proposeCall(s, p, p.local);
    const anonymous = await TestClient.anonymous(s.app);
    // A proposal is the body's own business until it is called.
    expect((await anonymous.request('GET', `/api/v1/actions/${actionId}`)).statusCode).toBe(404);
    const member = await TestClient.signedIn(s.app, p.members[p.bases[1]!]![0]!.login);
    const proposed = await member.request('GET', `/api/v1/actions/${actionId}`);
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({ status: 'proposed', scopeCouncils: 2, calledAt: null });
    expect(proposed.json().decisions).toMatchObject([{ id: decisionId, kind: 'call', status: 'proposed' }]);
    const early = await member.request('POST', `/api/v1/actions/${actionId}/pledges`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('action-not-called');

    await decide(s, p, p.local, decisionId);
    const called = await anonymous.request('GET', `/api/v1/actions/${actionId}`);
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json()).toMatchObject({ status: 'called', kind: 'strike', scopeCouncils: 2 });
    expect(called.json().calledAt).not.toBeNull();
    expect(called.json().decisions[0]).toMatchObject({ status: 'adopted' });
    const listed = await anonymous.request('GET', `/api/v1/councils/${p.bases[0]}/actions`);
    expect(listed.json().actions.map((a: { id: string }) => a.id)).toContain(actionId);
    const outside = await anonymous.request('GET', `/api/v1/councils/${p.outside}/actions`);
    expect(outside.json().actions.map((a: { id: string }) => a.id)).not.toContain(actionId);
    const { rows } = await sql<{ kind: string }>`
      select kind from ledger_entries where chain_id = ${p.local} and payload->>'actionId' = ${actionId}
       order by seq`.execute(s.db);
    expect(rows.map((r) => r.kind)).toEqual(['collective-action.proposed', 'collective-action.call-adopted']);
  });

  it('rejects a call voted down; it takes no pledges and no later decisions', async () => {
    const { actionId, decisionId } = await proposeCall(s, p, p.bases[0]!);
    await decide(s, p, p.bases[0]!, decisionId, 'no');
    expect(await statusOf(actionId)).toBe('rejected');
    const member = await TestClient.signedIn(s.app, p.members[p.bases[0]!]![0]!.login);
    const res = await member.request('POST', `/api/v1/actions/${actionId}/pledges`, {});
    expect(res.statusCode).toBe(409);
    const officer = await TestClient.signedIn(s.app, p.baseSecretaries[0]!.login);
    const lift = await officer.request('POST', `/api/v1/actions/${actionId}/decisions`, { kind: 'lift' });
    expect(lift.statusCode).toBe(409);
    expect(lift.json().error).toMatchObject({ code: 'action-decision-not-applicable', field: 'kind' });
  });

  it('suspends, resumes and lifts by vote; pledges only while called, with a clear 409 and nothing written', async () => {
    const actionId = await callAction(s, p, p.local);
    const member = await TestClient.signedIn(s.app, p.members[p.bases[0]!]![1]!.login);
    expect((await member.request('POST', `/api/v1/actions/${actionId}/pledges`, {})).statusCode).toBe(200);
    const officer = await TestClient.signedIn(s.app, p.secretary.login);
    const first = await officer.request('POST', `/api/v1/actions/${actionId}/decisions`, { kind: 'suspend' });
    expect(first.statusCode, first.body).toBe(201);
    // One undecided decision at a time.
    const second = await officer.request('POST', `/api/v1/actions/${actionId}/decisions`, { kind: 'lift' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('action-decision-pending');
    await decide(s, p, p.local, first.json().id);
    expect(await statusOf(actionId)).toBe('suspended');
    const other = await TestClient.signedIn(s.app, p.members[p.bases[0]!]![2]!.login);
    for (const status of ['suspended', 'lifted']) {
      if (status === 'lifted') await decideLater(s, p, p.local, actionId, 'lift', 'Diesel price restored');
      expect(await statusOf(actionId)).toBe(status);
      const before = await tableCounts(s.db);
      const res = await other.request('POST', `/api/v1/actions/${actionId}/pledges`, { threshold: 2 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('action-not-called');
      expect(res.json().error.message).toContain(status);
      expect(await tableCounts(s.db)).toEqual(before);
    }
    const resume = await officer.request('POST', `/api/v1/actions/${actionId}/decisions`, { kind: 'resume' });
    expect(resume.statusCode).toBe(409);
    const { rows } = await sql<{ kind: string }>`
      select kind from action_notices where action_id = ${actionId} order by at`.execute(s.db);
    expect(rows.map((r) => r.kind)).toEqual(['called', 'suspended', 'lifted']);
  });

  it('resumes a suspended action, which takes pledges again', async () => {
    const actionId = await callAction(s, p, p.bases[1]!);
    await decideLater(s, p, p.bases[1]!, actionId, 'suspend');
    await decideLater(s, p, p.bases[1]!, actionId, 'resume');
    expect(await statusOf(actionId)).toBe('called');
    const member = await TestClient.signedIn(s.app, p.members[p.bases[1]!]![0]!.login);
    expect((await member.request('POST', `/api/v1/actions/${actionId}/pledges`, {})).statusCode).toBe(200);
  });

  it('refuses bad proposals with a code and a field, changing nothing', async () => {
    const secretary = await TestClient.signedIn(s.app, p.secretary.login);
    const member = await TestClient.signedIn(s.app, p.members[p.bases[0]!]![0]!.login);
    const url = `/api/v1/councils/${p.local}/actions`;
    const before = await tableCounts(s.db);
    const cases: Array<[TestClient, unknown, number, string, string | undefined]> = [
      [member, strike(), 403, 'not-permitted', undefined],
      [secretary, strike({ endsAt: '2026-11-30T00:00:00Z' }), 400, 'action-ends-before-start', 'endsAt'],
      [
        secretary,
        strike({ scopeCouncilIds: [p.outside] }),
        400,
        'action-scope-outside-body',
        'scopeCouncilIds',
      ],
      [
        secretary,
        strike({ coordinatorIds: [p.outsider.personId] }),
        400,
        'action-coordinator-not-member',
        'coordinatorIds',
      ],
      [secretary, strike({ kind: 'riot' }), 400, 'invalid-request', 'kind'],
      [secretary, strike({ startsAt: 'tomorrow' }), 400, 'invalid-request', 'startsAt'],
      [secretary, strike({ title: '' }), 400, 'invalid-request', 'title'],
    ];
    for (const [client, body, status, code, field] of cases) {
      const res = await client.request('POST', url, body);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (field) expect(res.json().error.field).toBe(field);
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('narrows a federated call to the councils it names, with coordinators', async () => {
    const secretary = await TestClient.signedIn(s.app, p.secretary.login);
    const coordinator = p.members[p.bases[1]!]![0]!;
    const res = await secretary.request(
      'POST',
      `/api/v1/councils/${p.local}/actions`,
      strike({ kind: 'blockade', scopeCouncilIds: [p.bases[1]], coordinatorIds: [coordinator.personId] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().action).toMatchObject({ scopeCouncils: 1, kind: 'blockade' });
    await decide(s, p, p.local, res.json().decision.id);
    const actionId = res.json().action.id;
    const outOfScope = await TestClient.signedIn(s.app, p.members[p.bases[0]!]![0]!.login);
    const refused = await outOfScope.request('POST', `/api/v1/actions/${actionId}/pledges`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('not-a-member');
    const detail = await outOfScope.request('GET', `/api/v1/actions/${actionId}`);
    expect(detail.json().coordinators).toEqual([
      { personId: coordinator.personId, fullName: expect.any(String) },
    ]);
  });
});

describe('status reports and the roll-up', () => {
  it('sums the scope and each child of the calling body from the councils’ reports and pledges', async () => {
    const actionId = await callAction(s, p, p.local);
    const [a, b] = p.bases as [string, string];
    for (const m of p.members[a]!.slice(0, 2)) {
      const c = await TestClient.signedIn(s.app, m.login);
      expect((await c.request('POST', `/api/v1/actions/${actionId}/pledges`, {})).statusCode).toBe(200);
    }
    const conditional = await TestClient.signedIn(s.app, p.members[b]![0]!.login);
    await conditional.request('POST', `/api/v1/actions/${actionId}/pledges`, { threshold: 5 });
    const officerA = await TestClient.signedIn(s.app, p.baseSecretaries[0]!.login);
    const report = await officerA.request('POST', `/api/v1/actions/${actionId}/councils/${a}/status`, {
      status: 'participating',
      participants: 140,
      incidents: 'Police at the gate at 07:10',
    });
    expect(report.statusCode, report.body).toBe(201);
    await officerA.request('POST', `/api/v1/actions/${actionId}/councils/${a}/status`, {
      status: 'partial',
      participants: 90,
    });
    // An officer of another council reports for their own council only.
    const wrong = await officerA.request('POST', `/api/v1/actions/${actionId}/councils/${b}/status`, {
      status: 'participating',
    });
    expect(wrong.statusCode).toBe(403);
    const member = await TestClient.signedIn(s.app, p.members[a]![0]!.login);
    const notOfficer = await member.request('POST', `/api/v1/actions/${actionId}/councils/${a}/status`, {
      status: 'participating',
    });
    expect(notOfficer.statusCode).toBe(403);

    const anonymous = await TestClient.anonymous(s.app);
    const roll = await anonymous.request('GET', `/api/v1/actions/${actionId}/status`);
    expect(roll.statusCode, roll.body).toBe(200);
    expect(roll.json().totals).toEqual({
      councils: 2,
      participating: 0,
      partial: 1,
      notParticipating: 0,
      notReported: 1,
      activePledges: 2,
      pendingPledges: 1,
      participants: 90,
    });
    const children = roll.json().children as Array<{
      councilId: string;
      partial: number;
      pendingPledges: number;
    }>;
    expect(children.find((c) => c.councilId === a)).toMatchObject({ partial: 1, activePledges: 2 });
    expect(children.find((c) => c.councilId === b)).toMatchObject({ notReported: 1, pendingPledges: 1 });
    const map = await anonymous.request('GET', `/api/v1/actions/${actionId}/councils?parentId=${a}`);
    expect(map.statusCode, map.body).toBe(200);
    expect(map.json().own).toMatchObject({ status: 'partial', participants: 90 });
    const away = await anonymous.request('GET', `/api/v1/actions/${actionId}/councils?parentId=${p.outside}`);
    expect(away.statusCode).toBe(403);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from action_status_reports where action_id = ${actionId}`.execute(s.db);
    expect(rows[0]!.n).toBe(2);
  });

  it('rolls up a deeper tree per child of any node, for the map', async () => {
    // national → regional → two mines, and a village straight under the national body.
    const national = await buildCouncil(s.db, { kind: 'federation', level: 'national' });
    const regional = await buildCouncil(s.db, { kind: 'federation', level: 'regional', parentId: national });
    const mines = [
      await buildCouncil(s.db, { kind: 'mine', parentId: regional }),
      await buildCouncil(s.db, { kind: 'mine', parentId: regional }),
    ];
    const village = await buildCouncil(s.db, { kind: 'village', parentId: national });
    // A federated body's officer is a member of a council under it.
    const officer = await buildMember(s.db, village);
    await insertOffice(s.db, national, 'secretary', officer.personId);
    const { action } = await proposeCollectiveAction(s.db, viewerOf(officer.personId), national, {
      kind: 'march',
      title: 'Marcha nacional',
      description: null,
      startsAt: '2026-12-05T10:00:00Z',
      endsAt: null,
      liftingConditions: null,
      scopeCouncilIds: null,
      coordinatorIds: [],
    });
    expect(action.scope_councils).toBe(3);
    // Called here without its vote (a national body with no seats yet has nobody to vote): the roll-up
    // is what is under test.
    await sql`update collective_actions set status = 'called', called_at = now() where id = ${action.id}`.execute(
      s.db,
    );
    for (const [council, n] of [
      [mines[0]!, 2],
      [mines[1]!, 1],
      [village, 3],
    ] as const)
      for (let i = 0; i < n; i++) {
        const m = await buildMember(s.db, council);
        await pledgeToAction(s.db, viewerOf(m.personId), action.id, { councilId: null, threshold: null });
      }
    const mineOfficer = await buildOfficer(s.db, mines[1]!);
    await reportCouncilStatus(s.db, viewerOf(mineOfficer.personId), action.id, mines[1]!, {
      status: 'not-participating',
      participants: null,
      incidents: null,
    });
    const anonymous = await TestClient.anonymous(s.app);
    const top = (await anonymous.request('GET', `/api/v1/actions/${action.id}/status`)).json();
    expect(top.totals).toMatchObject({ councils: 3, activePledges: 6, notParticipating: 1, notReported: 2 });
    expect(
      top.children.map((c: { councilId: string; councils: number }) => [c.councilId, c.councils]).sort(),
    ).toEqual(
      [
        [regional, 2],
        [village, 1],
      ].sort(),
    );
    const down = await anonymous.request('GET', `/api/v1/actions/${action.id}/councils?parentId=${regional}`);
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json().totals).toMatchObject({ councils: 2, activePledges: 3 });
    expect(down.json().children).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ councilId: mines[0], activePledges: 2, notReported: 1 }),
        expect.objectContaining({ councilId: mines[1], activePledges: 1, notParticipating: 1 }),
      ]),
    );
    const leaf = (
      await anonymous.request('GET', `/api/v1/actions/${action.id}/councils?parentId=${village}`)
    ).json();
    expect(leaf).toMatchObject({
      children: [],
      totals: { councils: 1, activePledges: 3 },
      own: { status: null },
    });
  });

  it('shows who pledged to the officers of the pledger’s council only', async () => {
    const actionId = await callAction(s, p, p.local);
    const [a] = p.bases as [string, string];
    const pledger = p.members[a]![0]!;
    await (await TestClient.signedIn(s.app, pledger.login)).request(
      'POST',
      `/api/v1/actions/${actionId}/pledges`,
      {
        threshold: 3,
      },
    );
    const url = `/api/v1/actions/${actionId}/councils/${a}/pledges`;
    const officer = await TestClient.signedIn(s.app, p.baseSecretaries[0]!.login);
    const seen = await officer.request('GET', url);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().pledges).toMatchObject([
      { personId: pledger.personId, threshold: 3, status: 'pending' },
    ]);
    for (const login of [p.members[a]![1]!.login, p.chair.login, p.secretary.login]) {
      const res = await (await TestClient.signedIn(s.app, login)).request('GET', url);
      expect(res.statusCode).toBe(403);
    }
    const mine = await (await TestClient.signedIn(s.app, pledger.login)).request(
      'GET',
      `/api/v1/actions/${actionId}`,
    );
    expect(mine.json().myPledge).toMatchObject({ threshold: 3, status: 'pending' });
    // The ledger names the pledge, never the person.
    const { rows } = await sql<{ actor_person_id: string | null; payload: Record<string, unknown> }>`
      select actor_person_id, payload from ledger_entries
       where chain_id = ${a} and kind = 'collective-action.pledged' and payload->>'actionId' = ${actionId}`.execute(
      s.db,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_person_id).toBeNull();
    expect(JSON.stringify(rows[0]!.payload)).not.toContain(pledger.personId);
  });
});
