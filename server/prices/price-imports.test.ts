// Importing market-price files (issue 7 §3) on real Postgres: every row accounted for, a re-import adds
// nothing twice, a changed price is reported and kept as stored, malformed rows are rejected with their
// line, the known outlier (Cochabamba potatoes at 0.63) is flagged and kept, progress reaches the end,
// and the series read back carry the screening and anomaly flags. The fixture is 374 real rows of the
// WFP Bolivia file (core/prices/fixtures/README.md).
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAdmin,
  buildCouncil,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { startPriceImport } from './import-price-file.ts';

const SAMPLE = readFileSync(
  new URL('../../core/prices/fixtures/wfp-bol-sample.csv', import.meta.url),
  'utf8',
);
const HEADER = SAMPLE.split('\n').slice(0, 2).join('\n');

let s: TestServer;
let adminLogin: string;
let adminId: string;
beforeAll(async () => {
  s = await startTestServer();
  const admin = await buildAdmin(s.db);
  adminLogin = admin.login;
  adminId = admin.personId;
});
afterAll(async () => s.close());

const importText = async (text: string, name = 'wfp.csv') => {
  const started = await startPriceImport(s.db, viewerOf(adminId, true), { name, text });
  return started.finished;
};

describe('market-price import', () => {
  it('accounts for every row, flags the potatoes outlier, and adds nothing on a second import', async () => {
    const first = await importText(SAMPLE);
    expect(first).toMatchObject({
      status: 'done',
      rows_total: 375, // 374 prices and the HXL tag row, which is a second header
      rows_done: 375,
      imported: 374,
      already_present: 0,
      conflicts: 0,
      rejected: 0,
    });
    const { rows: potato } = await sql<{ is_outlier: boolean; outlier_ratio: number; reason: string }>`
      select o.is_outlier, o.outlier_ratio, o.outlier_reason as reason
        from price_observations o join commodities c on c.id = o.commodity_id join markets m on m.id = o.market_id
       where m.name = 'Cochabamba City' and c.name = 'Potatoes (Irish, imilla)' and o.observed_on = '2017-09-15'`.execute(
      s.db,
    );
    expect(potato).toHaveLength(1);
    expect(potato[0]!.is_outlier).toBe(true);
    expect(potato[0]!.outlier_ratio).toBeLessThan(1 / 3);
    expect(first.outliers).toBeGreaterThanOrEqual(1);
    const counts = await sql<{ markets: number; commodities: number }>`
      select (select count(*)::int from markets) as markets, (select count(*)::int from commodities) as commodities`.execute(
      s.db,
    );
    expect(counts.rows[0]).toEqual({ markets: 3, commodities: 2 }); // potatoes in two markets, bread in one

    const again = await importText(SAMPLE, 'wfp-again.csv');
    expect(again).toMatchObject({
      status: 'done',
      imported: 0,
      already_present: 374,
      conflicts: 0,
      rejected: 0,
    });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from price_observations`.execute(
      s.db,
    );
    expect(rows[0]!.n).toBe(374);
  });

  it('rejects malformed rows with their line and reports a changed price, keeping the stored one', async () => {
    const rows = [
      // a stored observation with another price: a conflict, kept as stored
      '2009-01-15,Beni,Cercado,Trinidad,314,-14.84,-64.9,cereals and tubers,Bread (wheat),375,Unit,actual,Retail,BOB,0.9,0.13',
      '2030-02-30,Beni,Cercado,Trinidad,314,-14.84,-64.9,cereals and tubers,Bread (wheat),375,Unit,actual,Retail,BOB,0.5,0.07',
      '2021-01-15,Beni,Cercado,Trinidad,314,-14.84,-64.9,cereals and tubers,Bread (wheat),375,Unit,actual,Retail,BOB,-3,0.07',
      '2021-01-15,Beni,Cercado,Trinidad,314,-14.84,-64.9,cereals and tubers,Bread (wheat),375,Barrel,actual,Retail,BOB,5,0.7',
      '2021-01-15,Beni,Cercado,Trinidad,314',
      '2021-02-15,Beni,Cercado,Trinidad,314,-14.84,-64.9,cereals and tubers,Sugar,999,KG,actual,Retail,BOB,7.5,1.08',
    ];
    const result = await importText(`${HEADER}\n${rows.join('\n')}\n`, 'bad-rows.csv');
    expect(result).toMatchObject({ status: 'done', imported: 1, conflicts: 1, rejected: 4 });
    const byLine = Object.fromEntries(result.rejections.map((r) => [r.line, r.error]));
    expect(byLine[3]).toBe('stored-price-differs');
    expect(Object.keys(byLine).map(Number).sort()).toEqual([3, 4, 5, 6, 7]);
    for (const r of result.rejections) expect(r.reason.length).toBeGreaterThan(5);
    const { rows: bread } = await sql<{ price_cents: string }>`
      select o.price_cents::text as price_cents from price_observations o join commodities c on c.id = o.commodity_id
       where c.name = 'Bread (wheat)' and o.observed_on = '2009-01-15'`.execute(s.db);
    expect(bread).toEqual([{ price_cents: '50' }]);
  });

  it('reads a series back with its flags, as JSON and CSV, without signing in', async () => {
    const anonymous = new TestClient(s.app);
    const commodities = (await anonymous.request('GET', '/api/v1/commodities')).json().commodities as Array<{
      id: string;
      name: string;
    }>;
    const potatoes = commodities.find((c) => c.name === 'Potatoes (Irish, imilla)')!;
    const series = (await anonymous.request('GET', `/api/v1/price-series?commodityId=${potatoes.id}`)).json();
    const flagged = series.observations.filter((o: { isOutlier: boolean }) => o.isOutlier);
    expect(flagged.map((o: { date: string; priceCents: number }) => [o.date, o.priceCents])).toContainEqual([
      '2017-09-15',
      63,
    ]);
    // The median rule and the seasonal indicator ran over the series (Cochabamba has 12+ months before 2010).
    expect(series.observations.some((o: { medianRatio: number | null }) => o.medianRatio !== null)).toBe(
      true,
    );
    const csv = await anonymous.request('GET', `/api/v1/price-series.csv?commodityId=${potatoes.id}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(series.observations.length + 1);
    expect(lines[0]).toMatch(/^date,market_id,commodity_id/);
    // The dashboard's list: only rises and alerts, newest first, and none of them an outlier.
    const recent = (await anonymous.request('GET', '/api/v1/price-anomalies?months=120')).json()
      .observations as Array<{
      date: string;
      isRise: boolean;
      phase: string;
      isOutlier: boolean;
    }>;
    expect(recent.length).toBeGreaterThan(0);
    for (const o of recent) {
      expect(o.isRise || o.phase === 'alert' || o.phase === 'crisis').toBe(true);
      expect(o.isOutlier).toBe(false);
    }
    expect(recent.map((o) => o.date)).toEqual([...recent.map((o) => o.date)].sort().reverse());
  });

  it('refuses a malformed file or an importer who is not the administrator, writing nothing', async () => {
    const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
    const officer = await buildOfficer(s.db, council);
    const admin = await TestClient.signedIn(s.app, adminLogin);
    const secretary = await TestClient.signedIn(s.app, officer.login);
    const before = await tableCounts(s.db);
    const post = (client: TestClient, body: string) =>
      client.request('POST', '/api/v1/price-imports?name=x.csv', body, { 'content-type': 'text/csv' });
    const cases: Array<[string, TestClient, string, number, string]> = [
      ['not the administrator', secretary, SAMPLE, 403, 'not-permitted'],
      ['unclosed quote', admin, `${HEADER}\n2021-01-15,"Beni,Cercado\n`, 400, 'csv-malformed'],
      [
        'a header without price',
        admin,
        'date,market,commodity\n2021-01-15,a,b\n',
        400,
        'header-missing-column',
      ],
      ['empty', admin, '', 400, 'csv-empty'],
    ];
    for (const [what, client, body, status, code] of cases) {
      const res = await post(client, body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json().error.code, what).toBe(code);
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });
});

describe('market-price import in parts', () => {
  it('flags the same outliers when a series arrives month by month as when it arrives whole', async () => {
    const own = await startTestServer();
    try {
      const admin = viewerOf((await buildAdmin(own.db)).personId, true);
      const lines = SAMPLE.trim().split('\n');
      const rows = lines.slice(2);
      const before = rows.filter((r) => r < '2017-09');
      const after = rows.filter((r) => r >= '2017-09');
      const first = await (
        await startPriceImport(own.db, admin, { name: 'a.csv', text: `${HEADER}\n${before.join('\n')}\n` })
      ).finished;
      const second = await (
        await startPriceImport(own.db, admin, { name: 'b.csv', text: `${HEADER}\n${after.join('\n')}\n` })
      ).finished;
      expect(first.imported + second.imported).toBe(374);
      const { rows: flagged } = await sql<{ d: string; m: string }>`
        select to_char(o.observed_on, 'YYYY-MM-DD') as d, m.name as m from price_observations o
          join markets m on m.id = o.market_id where o.is_outlier order by 1, 2`.execute(own.db);
      // The whole file at once flags exactly these (the first test's import, same fixture).
      const { rows: whole } = await sql<{ d: string; m: string }>`
        select to_char(o.observed_on, 'YYYY-MM-DD') as d, m.name as m from price_observations o
          join markets m on m.id = o.market_id where o.is_outlier order by 1, 2`.execute(s.db);
      expect(flagged).toEqual(whole);
      expect(flagged).toContainEqual({ d: '2017-09-15', m: 'Cochabamba City' });
      expect(second.outliers).toBe(flagged.length);
    } finally {
      await own.close();
    }
  });
});
