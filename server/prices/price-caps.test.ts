// Price caps adopted by a vote of the council, never above a cap of a body above (refused when proposed
// and, if a body above lowers its cap meanwhile, when the vote closes), and the public cap list — the
// lowest cap in force per item and currency with the body it comes from — as JSON and CSV, anonymously.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallot, closePoll } from '../decisions/index.ts';
import { verifyLedger } from '../platform/ledger.ts';
import { startTestServer, TestClient, type TestServer, tableCounts, viewerOf } from '../test-factories.ts';
import { findPriceCap } from './price-caps.store.ts';
import { adoptCap, buildPriceItem, buildPricePlace, decideVote, putCapToVote } from './prices-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

describe('price caps adopted by vote', () => {
  it('adopts a cap by the council’s vote and supersedes the one in force for the item and currency', async () => {
    const p = await buildPricePlace(s);
    const first = await adoptCap(s, p, p.base, { cap: '8.00' });
    expect(first).toMatchObject({ status: 'adopted', cap_cents: 800n, currency: 'BOB' });
    expect(first.poll_id).not.toBeNull();
    const usd = await adoptCap(s, p, p.base, { cap: '1.10', currency: 'USD' });
    const second = await adoptCap(s, p, p.base, { cap: '7.50', validFrom: '2026-02-01' });
    expect((await findPriceCap(s.db, first.id))?.status).toBe('superseded');
    expect(second.status).toBe('adopted');
    expect((await findPriceCap(s.db, usd.id))?.status).toBe('adopted');
    const rejectedVote = await putCapToVote(s, p, p.base, { cap: '5.00' });
    expect((await findPriceCap(s.db, rejectedVote.capId))?.status).toBe('in-vote');
    await decideVote(s, p, p.base, rejectedVote, 'no');
    expect((await findPriceCap(s.db, rejectedVote.capId))?.status).toBe('rejected');
    expect((await findPriceCap(s.db, second.id))?.status).toBe('adopted');
    const { rows } = await sql<{ kind: string }>`
      select kind from ledger_entries where chain_id = ${p.base} and kind like 'price-cap.%' order by seq`.execute(
      s.db,
    );
    expect(rows.map((r) => r.kind)).toEqual([
      'price-cap.proposed',
      'price-cap.adopted',
      'price-cap.proposed',
      'price-cap.adopted',
      'price-cap.proposed',
      'price-cap.adopted',
      'price-cap.proposed',
      'price-cap.rejected',
    ]);
    const anonymous = await TestClient.anonymous(s.app);
    const history = await anonymous.request('GET', `/api/v1/councils/${p.base}/price-cap-history`);
    expect(history.statusCode, history.body).toBe(200);
    expect(
      (history.json() as { caps: Array<{ cap: string; status: string; pollId: string | null }> }).caps.map(
        (c) => [c.cap, c.status, c.pollId !== null],
      ),
    ).toEqual([
      ['5.00', 'rejected', true],
      ['7.50', 'adopted', true],
      ['1.10', 'adopted', true],
      ['8.00', 'superseded', true],
    ]);
    const one = await anonymous.request('GET', `/api/v1/councils/${p.base}/price-cap-history?limit=1`);
    expect(one.json().caps).toHaveLength(1);
  });

  it('keeps one cap in force when two votes on the same item close at the same moment', async () => {
    const p = await buildPricePlace(s);
    const a = await putCapToVote(s, p, p.base, { cap: '6.00' });
    const b = await putCapToVote(s, p, p.base, { cap: '6.20' });
    for (const v of p.voters[p.base]!)
      for (const vote of [a, b])
        await castBallot(s.db, viewerOf(v.personId), vote.pollId, { ballot: { choice: 'yes' } });
    await Promise.all([a, b].map((vote) => closePoll(s.db, vote.proposer, vote.pollId)));
    const statuses = [
      (await findPriceCap(s.db, a.capId))?.status,
      (await findPriceCap(s.db, b.capId))?.status,
    ];
    expect(statuses.sort()).toEqual(['adopted', 'superseded']);
  });

  it('refuses a cap above the cap of a body above when proposed, naming the body, and changes nothing', async () => {
    const p = await buildPricePlace(s);
    await adoptCap(s, p, p.local, { cap: '7.00', validTo: '2026-12-31' });
    const client = await TestClient.signedIn(s.app, p.secretary.login);
    const before = await tableCounts(s.db);
    const res = await client.request('POST', `/api/v1/councils/${p.base}/price-caps`, {
      itemId: p.rice.id,
      cap: '7.01',
      validFrom: '2026-06-01',
    });
    expect(res.statusCode).toBe(409);
    const { rows } = await sql<{ name: string }>`select name from councils where id = ${p.local}`.execute(
      s.db,
    );
    expect(res.json().error).toMatchObject({ code: 'cap-above-parent', field: 'cap' });
    expect(res.json().error.message).toContain(rows[0]!.name);
    expect(res.json().error.message).toContain('7.00 BOB');
    expect(await tableCounts(s.db)).toEqual(before);
    // Lower or equal is fine; so is a higher cap while the body's cap is not valid, or in another currency.
    for (const body of [
      { cap: '6.50', validFrom: '2026-06-01' },
      { cap: '7.00', validFrom: '2026-06-01' },
      { cap: '9.00', validFrom: '2027-01-01' },
      { cap: '9.00', validFrom: '2026-06-01', currency: 'USD' },
    ]) {
      const ok = await client.request('POST', `/api/v1/councils/${p.base}/price-caps`, {
        itemId: p.rice.id,
        ...body,
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ status: 'proposed', cap: Number(body.cap).toFixed(2) });
    }
  });

  it('does not adopt a cap that a body above undercut while its vote ran, whatever the vote', async () => {
    const p = await buildPricePlace(s);
    await adoptCap(s, p, p.local, { cap: '9.00' });
    const vote = await putCapToVote(s, p, p.base, { cap: '8.00' });
    await adoptCap(s, p, p.local, { cap: '7.00' });
    await decideVote(s, p, p.base, vote, 'yes');
    const cap = await findPriceCap(s.db, vote.capId);
    expect(cap?.status).toBe('rejected');
    expect(cap?.decision_summary).toContain('not adopted');
    expect(cap?.decision_summary).toContain('7.00 BOB');
  });

  it('lists the lowest cap in force per item with where it comes from, to anyone, as JSON and CSV', async () => {
    const p = await buildPricePlace(s);
    const oil = await buildPriceItem(s, p.admin, { name: `Aceite ${Date.now()}`, baseUnit: 'L', units: [] });
    await adoptCap(s, p, p.local, { cap: '7.00' });
    await adoptCap(s, p, p.local, { itemId: oil.id, cap: '12.00' });
    await adoptCap(s, p, p.base, { cap: '6.40' });
    await adoptCap(s, p, p.base, { itemId: oil.id, cap: '12.00', validTo: '2026-03-31' });
    const anonymous = await TestClient.anonymous(s.app);
    const { rows } = await sql<{ id: string; name: string }>`
      select id, name from councils where id in (${p.local}, ${p.base})`.execute(s.db);
    const name = (id: string) => rows.find((r) => r.id === id)!.name;

    const inJune = await anonymous.request('GET', `/api/v1/councils/${p.base}/price-caps?on=2026-06-15`);
    expect(inJune.statusCode, inJune.body).toBe(200);
    const byItem = (body: { caps: Array<{ itemId: string }> }, id: string) =>
      body.caps.find((c) => c.itemId === id);
    expect(byItem(inJune.json(), p.rice.id)).toMatchObject({
      cap: '6.40',
      capCents: '640',
      baseUnit: 'kg',
      currency: 'BOB',
      councilId: p.base,
      isOwn: true,
    });
    // The base's oil cap ended in March: the federation's is the one in force in June.
    expect(byItem(inJune.json(), oil.id)).toMatchObject({ cap: '12.00', councilId: p.local, isOwn: false });
    // On the same figure the nearer body wins (March: both at 12.00).
    const inMarch = await anonymous.request('GET', `/api/v1/councils/${p.base}/price-caps?on=2026-03-15`);
    expect(byItem(inMarch.json(), oil.id)).toMatchObject({ councilId: p.base });
    // Another council under the federation sees the federation's caps only.
    const other = await anonymous.request('GET', `/api/v1/councils/${p.otherBase}/price-caps?on=2026-06-15`);
    expect(byItem(other.json(), p.rice.id)).toMatchObject({ cap: '7.00', councilId: p.local });
    const before2026 = await anonymous.request('GET', `/api/v1/councils/${p.base}/price-caps?on=2025-12-31`);
    expect(before2026.json().caps).toEqual([]);

    const csv = await anonymous.request('GET', `/api/v1/councils/${p.base}/price-caps.csv?on=2026-06-15`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('item,unit,currency,cap,valid_from,valid_to,set_by,in_force_on');
    expect(lines).toContain(`${p.rice.name},kg,BOB,6.40,2026-01-01,,${name(p.base)},2026-06-15`);
    expect(lines).toContain(`${oil.name},L,BOB,12.00,2026-01-01,,${name(p.local)},2026-06-15`);
    expect(lines).toHaveLength(3);
  });

  it('refuses bad caps with a code and a field, changing nothing', async () => {
    const p = await buildPricePlace(s);
    const secretary = await TestClient.signedIn(s.app, p.secretary.login);
    const member = await TestClient.signedIn(s.app, p.members[0]!.login);
    const treasurer = await TestClient.signedIn(s.app, p.treasurer.login);
    const url = `/api/v1/councils/${p.base}/price-caps`;
    const good = { itemId: p.rice.id, cap: '7.00', validFrom: '2026-01-01' };
    const before = await tableCounts(s.db);
    const cases: Array<[TestClient, unknown, number, string, string | undefined]> = [
      [member, good, 403, 'not-permitted', undefined],
      [treasurer, good, 403, 'not-permitted', undefined],
      [secretary, { ...good, cap: '0' }, 400, 'price-not-positive', 'cap'],
      [secretary, { ...good, cap: '-3' }, 400, 'price-invalid', 'cap'],
      [secretary, { ...good, cap: '7.001' }, 400, 'price-too-precise', 'cap'],
      [secretary, { ...good, cap: '10000000000' }, 400, 'price-too-large', 'cap'],
      [
        secretary,
        { ...good, itemId: '00000000-0000-4000-8000-000000000000' },
        404,
        'item-not-found',
        'itemId',
      ],
      [secretary, { ...good, validTo: '2025-12-31' }, 400, 'valid-to-before-from', 'validTo'],
      [secretary, { ...good, currency: 'bob' }, 400, 'invalid-request', 'currency'],
      [secretary, { ...good, validFrom: '2026-02-30' }, 400, 'invalid-request', 'validFrom'],
    ];
    for (const [client, body, status, code, field] of cases) {
      const res = await client.request('POST', url, body);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (field) expect(res.json().error.field).toBe(field);
    }
    const anonymous = await TestClient.anonymous(s.app);
    expect((await anonymous.request('POST', url, good)).statusCode).toBe(401);
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
