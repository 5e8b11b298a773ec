// Endorsements of a demand by other councils: given and withdrawn by their leading officers, in their own
// ledgers, one in force per council, shown with their history on the demand's public page.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import { startTestServer, TestClient, type TestServer, tableCounts } from '../test-factories.ts';
import { adoptDemands, buildDemandPlace, draft, putDemandsToVote } from './demands-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

const ledgerKinds = async (chainId: string, like: string) =>
  (
    await sql<{ kind: string }>`
      select kind from ledger_entries where chain_id = ${chainId} and kind like ${like} order by seq`.execute(
      s.db,
    )
  ).rows.map((r) => r.kind);

describe('endorsements', () => {
  it('lets another council endorse a listed demand once, withdraw it and endorse it again, in its own ledger', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [draft(1)]);
    const id = demandIds[0]!;
    const endorser = await TestClient.signedIn(s.app, p.otherSecretary.login);
    const endorsed = await endorser.request('POST', `/api/v1/demands/${id}/endorsements`, {
      councilId: p.other,
    });
    expect(endorsed.statusCode, endorsed.body).toBe(201);
    expect(endorsed.json()).toMatchObject({ councilId: p.other, withdrawnAt: null });
    const anonymous = await TestClient.anonymous(s.app);
    const listed = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands`);
    expect(listed.json().demands[0].endorsements).toBe(1);

    const twice = await endorser.request('POST', `/api/v1/demands/${id}/endorsements`, {
      councilId: p.other,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'demand-already-endorsed', field: 'councilId' });

    const withdrawn = await endorser.request('DELETE', `/api/v1/demands/${id}/endorsements/${p.other}`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    const again = await endorser.request('DELETE', `/api/v1/demands/${id}/endorsements/${p.other}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('demand-endorsement-not-found');
    expect(
      (await anonymous.request('GET', `/api/v1/councils/${p.base}/demands`)).json().demands[0].endorsements,
    ).toBe(0);
    const renewed = await endorser.request('POST', `/api/v1/demands/${id}/endorsements`, {
      councilId: p.other,
    });
    expect(renewed.statusCode).toBe(201);
    const detail = await anonymous.request('GET', `/api/v1/demands/${id}`);
    expect(detail.json().endorsements).toMatchObject([
      { councilId: p.other, withdrawnAt: expect.any(String) },
      { councilId: p.other, withdrawnAt: null },
    ]);
    expect(await ledgerKinds(p.other, 'demand.%')).toEqual([
      'demand.endorsed',
      'demand.endorsement-withdrawn',
      'demand.endorsed',
    ]);
    expect(await ledgerKinds(p.base, 'demand.%')).toEqual([]);
  });

  it('refuses endorsements by non-officers, for the own council, and of proposals, writing nothing', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [draft(1)]);
    const proposal = await putDemandsToVote(s, p, [draft(2)]);
    const id = demandIds[0]!;
    const endorser = await TestClient.signedIn(s.app, p.otherSecretary.login);
    const otherMember = await TestClient.signedIn(s.app, p.otherMember.login);
    const ownSecretary = await TestClient.signedIn(s.app, p.secretary.login);
    const before = await tableCounts(s.db);
    const cases: Array<[TestClient, string, string, number, string]> = [
      [otherMember, id, p.other, 403, 'not-permitted'],
      [endorser, id, p.base, 403, 'not-permitted'],
      [ownSecretary, id, p.base, 400, 'demand-own-council'],
      [endorser, proposal.demandIds[0]!, p.other, 409, 'demand-not-listed'],
      [endorser, id, '00000000-0000-4000-8000-000000000000', 404, 'council-not-found'],
    ];
    for (const [client, demandId, councilId, status, code] of cases) {
      const res = await client.request('POST', `/api/v1/demands/${demandId}/endorsements`, { councilId });
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const withdrawal = await otherMember.request('DELETE', `/api/v1/demands/${id}/endorsements/${p.other}`);
    expect(withdrawal.statusCode).toBe(403);
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
