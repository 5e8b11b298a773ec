// Members' price reports: normalised to the item's base unit, compared exactly with the lowest cap in
// force where they were made; a report above it makes one violation (and only then), visible to the
// council's officers with the seller's history, followed up step by step; concurrent reports lose
// nothing; bad input is refused with a code and a field and changes nothing; reports export as CSV.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import { startTestServer, TestClient, type TestServer, tableCounts, viewerOf } from '../test-factories.ts';
import { adoptCap, buildPricePlace, type PricePlace } from './prices-factories.ts';
import { reportPrice } from './report-price.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

/** A place where rice is capped at 7.00 BOB/kg by the federation and 6.50 by the base council. */
async function cappedPlace() {
  const p = await buildPricePlace(s);
  await adoptCap(s, p, p.local, { cap: '7.00' });
  await adoptCap(s, p, p.base, { cap: '6.50', validFrom: '2026-03-01' });
  return p;
}

const report = (p: PricePlace, body: Record<string, unknown>, who = p.members[0]!) =>
  reportPrice(s.db, viewerOf(who.personId), p.base, {
    seller: 'Tienda Doña Rosa',
    market: 'Mercado Rodríguez',
    itemId: p.rice.id,
    quantity: '1',
    price: '6.00',
    currency: 'BOB',
    observedOn: '2026-06-01',
    note: null,
    ...body,
  });

const violationsOf = async (reportIds: string[]) =>
  (
    await sql<{ n: number }>`
      select count(*)::int as n from price_violations where report_id = any(${reportIds}::uuid[])`.execute(
      s.db,
    )
  ).rows[0]!.n;

describe('price reports against the cap in force', () => {
  it('normalises a 50 kg sack to the price per kg and compares it with the lowest cap in force', async () => {
    const p = await cappedPlace();
    const member = await TestClient.signedIn(s.app, p.members[0]!.login);
    // 325.00 for 50 kg = 6.50/kg: at the base's cap, not above it.
    const atCap = await member.request('POST', `/api/v1/councils/${p.base}/price-reports`, {
      seller: 'Tienda Doña Rosa',
      itemId: p.rice.id,
      quantity: '1',
      unit: 'sack 50 kg',
      price: '325.00',
      observedOn: '2026-06-01',
    });
    expect(atCap.statusCode, atCap.body).toBe(201);
    expect(atCap.json()).toMatchObject({
      quantity: '1',
      unit: 'sack 50 kg',
      quantityMilli: '50000',
      price: '325.00',
      priceCents: '32500',
      currency: 'BOB',
      basePriceCents: '650',
      violationId: null,
    });
    // 325.50 for 50 kg = 6.51/kg: above the base's 6.50 (though under the federation's 7.00).
    const above = await member.request('POST', `/api/v1/councils/${p.base}/price-reports`, {
      seller: 'Tienda Doña Rosa',
      itemId: p.rice.id,
      quantity: '1',
      unit: 'sack 50 kg',
      price: '325.50',
      observedOn: '2026-06-01',
    });
    expect(above.json()).toMatchObject({ basePriceCents: '651' });
    expect(above.json().violationId).not.toBeNull();
    expect(await violationsOf([atCap.json().id, above.json().id])).toBe(1);
    // Before the base's cap began (March) the federation's 7.00 was the one in force.
    const february = await report(p, { quantity: '2', price: '13.50', observedOn: '2026-02-01' });
    expect(february.violationId).toBeNull();
    const februaryAbove = await report(p, { quantity: '2', price: '14.02', observedOn: '2026-02-01' });
    expect(februaryAbove.violationId).not.toBeNull();
    const { rows } = await sql<{ cap_council: string }>`
      select p.council_id as cap_council from price_violations v join price_caps p on p.id = v.cap_id
       where v.id = ${februaryAbove.violationId}`.execute(s.db);
    expect(rows[0]!.cap_council).toBe(p.local);
    // A currency with no cap, and an uncapped council, make no violation whatever the price.
    expect((await report(p, { price: '900.00', currency: 'USD' })).violationId).toBeNull();
  });

  it('shows a violation to the council’s officers with the seller’s history, and records the follow-up', async () => {
    const p = await cappedPlace();
    await report(p, { seller: 'Almacén  el Sol', price: '6.00', observedOn: '2026-05-01' });
    const first = await report(p, { seller: 'almacén el sol', price: '6.80', observedOn: '2026-05-10' });
    const second = await report(p, {
      seller: 'ALMACÉN EL SOL ',
      price: '70.00',
      quantity: '10',
      observedOn: '2026-05-20',
    });
    await report(p, { seller: 'Otra tienda', price: '9.00' });
    const officer = await TestClient.signedIn(s.app, p.treasurer.login);
    const list = await officer.request('GET', `/api/v1/councils/${p.base}/price-violations`);
    expect(list.statusCode, list.body).toBe(200);
    const latest = list.json().find((v: { id: string }) => v.id === second.violationId);
    expect(latest).toMatchObject({
      status: 'open',
      report: {
        seller: 'ALMACÉN EL SOL ',
        quantity: '10',
        unit: 'kg',
        price: '70.00',
        basePriceCents: '700',
      },
      cap: { cap: '6.50', councilId: p.base },
      sellerHistory: { reports: 3, earlierViolations: 1 },
      followups: [],
    });
    expect(latest.sellerHistory.lastReports.map((r: { price: string }) => r.price)).toEqual([
      '70.00',
      '6.80',
      '6.00',
    ]);

    const chair = await TestClient.signedIn(s.app, p.chair.login);
    const step = (id: string, body: unknown, client = chair) =>
      client.request('POST', `/api/v1/price-violations/${id}/followups`, body);
    expect(
      (await step(first.violationId!, { action: 'warning', note: 'Aviso verbal' })).json(),
    ).toMatchObject({
      status: 'warning',
    });
    expect(
      (await step(first.violationId!, { action: 'note', note: 'Dice que subió el flete' })).json(),
    ).toMatchObject({ status: 'warning' });
    expect((await step(first.violationId!, { action: 'inspection' })).json()).toMatchObject({
      status: 'inspection',
    });
    expect(
      (await step(first.violationId!, { action: 'resolved', note: 'Bajó a 6.50' })).json(),
    ).toMatchObject({
      status: 'resolved',
    });
    const before = await tableCounts(s.db);
    const again = await step(first.violationId!, { action: 'warning' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'violation-resolved', field: 'action' });
    expect(await tableCounts(s.db)).toEqual(before);
    expect((await step(first.violationId!, { action: 'note', note: 'Revisado en junio' })).statusCode).toBe(
      201,
    );

    const resolved = await officer.request(
      'GET',
      `/api/v1/councils/${p.base}/price-violations?status=resolved`,
    );
    expect(resolved.json()).toHaveLength(1);
    expect(resolved.json()[0].followups.map((f: { action: string }) => f.action)).toEqual([
      'warning',
      'note',
      'inspection',
      'resolved',
      'note',
    ]);
    expect(resolved.json()[0].followups[0]).toMatchObject({
      note: 'Aviso verbal',
      actedBy: p.chair.personId,
    });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ledger_entries
       where chain_id = ${p.base} and kind = 'price-violation.followed-up'`.execute(s.db);
    expect(rows[0]!.n).toBe(5);
  });

  it('makes exactly one violation for each of 50 concurrent reports of the same seller above the cap', async () => {
    const p = await cappedPlace();
    const reporters = [...p.members, p.secretary, p.chair];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        report(p, { seller: 'Distribuidora Norte', price: `${7 + i}.00` }, reporters[i % reporters.length]),
      ),
    );
    const ids = results.map((r) => r.reportId);
    expect(new Set(ids).size).toBe(50);
    expect(results.every((r) => r.violationId !== null)).toBe(true);
    expect(await violationsOf(ids)).toBe(50);
    const officer = await TestClient.signedIn(s.app, p.secretary.login);
    const list = await officer.request('GET', `/api/v1/councils/${p.base}/price-violations?limit=100`);
    expect(list.json()).toHaveLength(50);
    expect(list.json()[0].sellerHistory.reports).toBe(50);
  });

  it('refuses bad reports and follow-ups with a code and a field, changing nothing', async () => {
    const p = await cappedPlace();
    const violation = await report(p, { price: '9.00' });
    const member = await TestClient.signedIn(s.app, p.members[0]!.login);
    const outsider = await TestClient.signedIn(s.app, p.otherMember.login);
    const officerAbove = await TestClient.signedIn(s.app, p.localSecretary.login);
    const good = {
      seller: 'Tienda',
      itemId: p.rice.id,
      quantity: '1',
      price: '6.00',
      observedOn: '2026-06-01',
    };
    const url = `/api/v1/councils/${p.base}/price-reports`;
    const chair = await TestClient.signedIn(s.app, p.chair.login);
    const { rows } = await sql<{ d: string }>`select (current_date + 2)::text as d`.execute(s.db);
    const before = await tableCounts(s.db);
    const cases: Array<[TestClient, string, unknown, number, string, string | undefined]> = [
      [outsider, url, good, 403, 'not-a-member', undefined],
      [member, `/api/v1/councils/${p.local}/price-reports`, good, 403, 'not-a-member', undefined],
      [member, url, { ...good, price: '0' }, 400, 'price-not-positive', 'price'],
      [member, url, { ...good, price: '0.00' }, 400, 'price-not-positive', 'price'],
      [member, url, { ...good, price: '-6.00' }, 400, 'price-invalid', 'price'],
      [member, url, { ...good, price: '99999999999' }, 400, 'price-too-large', 'price'],
      [member, url, { ...good, price: '1e9' }, 400, 'price-invalid', 'price'],
      [member, url, { ...good, quantity: '0' }, 400, 'quantity-not-positive', 'quantity'],
      [member, url, { ...good, quantity: '-1' }, 400, 'invalid-request', 'quantity'],
      [
        member,
        url,
        { ...good, itemId: '00000000-0000-4000-8000-000000000000' },
        404,
        'item-not-found',
        'itemId',
      ],
      [member, url, { ...good, unit: 'barrel' }, 400, 'unit-unknown', 'unit'],
      [member, url, { ...good, observedOn: rows[0]!.d }, 400, 'observed-in-future', 'observedOn'],
      [member, url, { ...good, observedOn: '1850-01-01' }, 400, 'invalid-request', 'observedOn'],
      [member, url, { ...good, seller: '   ' }, 400, 'invalid-request', 'seller'],
      [member, url, { ...good, seller: 'Tienda\u0000' }, 400, 'invalid-request', 'seller'],
      [member, url, { ...good, note: 'x'.repeat(1001) }, 400, 'invalid-request', 'note'],
      [member, url, { ...good, currency: 'bolivianos' }, 400, 'invalid-request', 'currency'],
      [
        member,
        `/api/v1/councils/00000000-0000-4000-8000-000000000000/price-reports`,
        good,
        404,
        'council-not-found',
        undefined,
      ],
      [
        member,
        `/api/v1/price-violations/${violation.violationId}/followups`,
        { action: 'warning' },
        403,
        'not-permitted',
        'id',
      ],
      [
        officerAbove,
        `/api/v1/price-violations/${violation.violationId}/followups`,
        { action: 'warning' },
        403,
        'not-permitted',
        'id',
      ],
      [
        officerAbove,
        `/api/v1/price-violations/00000000-0000-4000-8000-000000000000/followups`,
        { action: 'warning' },
        404,
        'violation-not-found',
        'id',
      ],
    ];
    for (const [client, path, body, status, code, field] of cases) {
      const res = await client.request('POST', path, body);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error.code, res.body).toBe(code);
      if (field) expect(res.json().error.field).toBe(field);
    }
    const noteless = await chair.request(
      'POST',
      `/api/v1/price-violations/${violation.violationId}/followups`,
      {
        action: 'note',
      },
    );
    expect(noteless.json().error).toMatchObject({ code: 'note-required', field: 'note' });
    for (const path of ['price-reports', 'price-reports.csv', 'price-violations'])
      expect((await member.request('GET', `/api/v1/councils/${p.base}/${path}`)).statusCode).toBe(403);
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('lists reports to the officers by item and seller, and exports them as CSV', async () => {
    const p = await cappedPlace();
    await report(p, {
      seller: 'Tienda "La Paz", Sucursal 2',
      quantity: '1',
      unit: 'sack 50 kg',
      price: '330.00',
    });
    await report(p, { seller: '=HYPERLINK("x")', price: '6.10', note: 'línea 1\nlínea 2' });
    const officer = await TestClient.signedIn(s.app, p.secretary.login);
    const bySeller = await officer.request(
      'GET',
      `/api/v1/councils/${p.base}/price-reports?seller=${encodeURIComponent('  tienda "la paz",  sucursal 2')}`,
    );
    expect(bySeller.json()).toHaveLength(1);
    expect(bySeller.json()[0]).toMatchObject({ price: '330.00', basePriceCents: '660' });
    const csv = await officer.request(
      'GET',
      `/api/v1/councils/${p.base}/price-reports.csv?item=${p.rice.id}`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'observed_on,seller,market,item,quantity,unit,price,currency,base_unit,price_per_base_unit,violation,note,reported_at',
    );
    expect(csv.body).toContain(
      `2026-06-01,"Tienda ""La Paz"", Sucursal 2",Mercado Rodríguez,${p.rice.name},1,sack 50 kg,330.00,BOB,kg,6.60,yes,,`,
    );
    expect(csv.body).toContain(
      `2026-06-01,"'=HYPERLINK(""x"")",Mercado Rodríguez,${p.rice.name},1,kg,6.10,BOB,kg,6.10,no,"línea 1\nlínea 2",`,
    );
  });
});
