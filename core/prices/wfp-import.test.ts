import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { mergeObservations, planWfpImport, type WfpRecord } from './wfp-import.ts';

const HEADER =
  'date,admin1,admin2,market,market_id,latitude,longitude,category,commodity,commodity_id,unit,priceflag,pricetype,currency,price,usdprice';
const HXL =
  '#date,#adm1+name,#adm2+name,#loc+market+name,#loc+market+code,#geo+lat,#geo+lon,#item+type,#item+name,#item+code,#item+unit,#item+price+flag,#item+price+type,#currency+code,#value,#value+usd';

/** Parsed as the server parses: csv-parse with the line each record ends on. */
function records(text: string): WfpRecord[] {
  const parsed = parse(text, {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  return parsed.map((r) => ({ fields: r.record, line: r.info.lines }));
}

const potato = (date: string, price: string) =>
  `${date},Cochabamba,Cercado,Cochabamba City,309,-17.39,-66.16,cereals and tubers,"Potatoes (Irish, imilla)",128,11.5 KG,actual,Retail,BOB,${price},1`;

describe('planWfpImport', () => {
  const file = [
    HEADER, // 1
    HXL, // 2
    potato('2017-07-15', '49.04'), // 3
    potato('2017-08-15', '51.22'), // 4
    potato('2017-09-15', '0.63'), // 5: outlier
    potato('2017-10-15', '47.92'), // 6
    potato('2017-10-15', '47.92'), // 7: same row again
    potato('2017-10-15', '48.00'), // 8: same key, another price
    '2017-11-15,Cochabamba,Cercado,Cochabamba City,309', // 9: short
    potato('2017-13-15', '44.67'), // 10: bad date
    potato('2017-12-15', '-46.05'), // 11: negative
    potato('2018-01-15', '999999999'), // 12: absurd, 87 million per kg
    potato('2018-02-15', '42.01').replace('11.5 KG', 'Bunch'), // 13: unknown unit
    potato('2018-03-15', 'abc'), // 14
    potato('2018-04-15', '40.10'), // 15
  ].join('\n');

  it('accounts for every data row: imported, rejected with its line and reason, or skipped as HXL tags', () => {
    const plan = planWfpImport(records(file));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.dataRows).toBe(14);
    expect(plan.skipped.map((s) => [s.line, s.error])).toEqual([[2, 'hxl-tag-row']]);
    expect(plan.rejections.map((r) => [r.line, r.error, r.field])).toEqual([
      [7, 'duplicate-row', 'row'],
      [8, 'duplicate-conflict', 'price'],
      [9, 'column-count', 'row'],
      [10, 'date-invalid', 'date'],
      [11, 'price-not-positive', 'price'],
      [12, 'price-absurd', 'price'],
      [13, 'unit-unknown', 'unit'],
      [14, 'price-not-number', 'price'],
    ]);
    expect(plan.rejections[0]!.reason).toBe('same observation as line 6');
    expect(plan.observations.map((o) => o.line)).toEqual([3, 4, 5, 6, 15]);
    expect(plan.observations.length + plan.rejections.length + plan.skipped.length).toBe(plan.dataRows);
    expect(plan.outliers).toBe(1);
    expect(plan.observations[2]!.screen).toMatchObject({ isOutlier: true });
  });

  it('reports the line a quoted multi-line record ends on', () => {
    const text = [
      HEADER,
      potato('2017-07-15', '49.04').replace('Cercado', '"Cer\ncado"'),
      potato('x', '1'),
    ].join('\n');
    const plan = planWfpImport(records(text));
    expect(plan.ok && plan.rejections.map((r) => r.line)).toEqual([4]);
  });

  it('refuses a file whose header lacks a required column', () => {
    const plan = planWfpImport(
      records(`${HEADER.replace(',price,', ',cost,')}\n${potato('2017-07-15', '1')}`),
    );
    expect(plan).toMatchObject({ ok: false, error: 'header-missing-column', field: 'price', line: 1 });
  });

  it('reports progress every N rows and once at the end', () => {
    const calls: Array<[number, number]> = [];
    planWfpImport(records(file), {
      progressEvery: 5,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [5, 14],
      [10, 14],
      [14, 14],
    ]);
  });

  it('adds nothing when the same file is imported again, and reports a changed price instead of overwriting', () => {
    const plan = planWfpImport(records(file));
    if (!plan.ok) throw new Error(plan.reason);
    const first = mergeObservations(new Map(), plan.observations);
    expect(first.added).toHaveLength(5);
    const stored = new Map(first.added.map((o) => [o.key, o.priceCents]));
    const again = mergeObservations(stored, plan.observations);
    expect(again).toEqual({ added: [], unchanged: 5, changed: [] });
    const corrected = planWfpImport(records(file.replace('0.63', '47.50')));
    if (!corrected.ok) throw new Error(corrected.reason);
    const third = mergeObservations(stored, corrected.observations);
    expect(third.added).toEqual([]);
    expect(third.changed.map((c) => [c.observation.priceCents, c.storedPriceCents])).toEqual([[4750, 63]]);
  });
});

describe('the fixture: three real Bolivian series (fixtures/README.md)', () => {
  const text = readFileSync(new URL('./fixtures/wfp-bol-sample.csv', import.meta.url), 'utf8');
  const plan = planWfpImport(records(text));
  if (!plan.ok) throw new Error(plan.reason);

  it('imports all 374 data rows and skips the HXL row', () => {
    expect(plan.dataRows).toBe(375);
    expect(plan.skipped).toHaveLength(1);
    expect(plan.rejections).toEqual([]);
    expect(plan.observations).toHaveLength(374);
  });

  it('flags the Cochabamba potatoes 51.22 → 0.63 → 47.92 at 0.63, not at the return to 47.92', () => {
    const at = (date: string) =>
      plan.observations.find(
        (o) => o.market === 'Cochabamba City' && o.date === date && o.unit === '11.5 KG',
      )!;
    expect(at('2017-09-15')).toMatchObject({ priceCents: 63, screen: { isOutlier: true } });
    expect(at('2017-09-15').screen.ratio).toBeCloseTo(0.0123, 4);
    expect(at('2017-10-15')).toMatchObject({ priceCents: 4792, screen: { isOutlier: false } });
    expect(at('2017-10-15').screen.ratio).toBeCloseTo(4792 / 5122, 10);
  });

  it('flags exactly the three known cases and one level shift', () => {
    const flagged = plan.observations
      .filter((o) => o.screen.isOutlier || o.screen.isLevelShift)
      .map((o) => `${o.market} ${o.date} ${o.priceCents} ${o.screen.isOutlier ? 'outlier' : 'shift'}`)
      .sort();
    expect(flagged).toEqual([
      'Cochabamba City 2017-09-15 63 outlier',
      'Santa Cruz City 2017-12-15 227 outlier',
      'Santa Cruz City 2018-01-15 212 shift',
      'Trinidad 2020-09-15 731 outlier',
    ]);
  });
});
