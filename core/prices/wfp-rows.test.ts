import { describe, expect, it } from 'vitest';
import { mapWfpHeader, monthIndexOf, parsePriceCents, readWfpRow, type WfpColumns } from './wfp-rows.ts';

const HEADER =
  'date,admin1,admin2,market,market_id,latitude,longitude,category,commodity,commodity_id,unit,priceflag,pricetype,currency,price,usdprice'.split(
    ',',
  );
const mapped = mapWfpHeader(HEADER);
if (!mapped.ok) throw new Error(mapped.reason);
const columns: WfpColumns = mapped.columns;

/** A real row of the Bolivia file (line 3), with some cells replaced. */
function row(changes: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    date: '2008-01-15',
    admin1: 'Cochabamba',
    admin2: 'Cercado',
    market: 'Cochabamba City',
    market_id: '309',
    latitude: '-17.39',
    longitude: '-66.16',
    category: 'cereals and tubers',
    commodity: 'Potatoes (Irish, imilla)',
    commodity_id: '128',
    unit: '46 KG',
    priceflag: 'actual',
    pricetype: 'Wholesale',
    currency: 'BOB',
    price: '101.48',
    usdprice: '14.58',
  };
  return HEADER.map((h) => changes[h] ?? base[h]!);
}

describe('mapWfpHeader', () => {
  it('finds columns by name in any order and case, ignoring a BOM', () => {
    const r = mapWfpHeader(['\uFEFFPrice', 'Date', 'market', 'commodity', 'unit', 'pricetype', 'currency']);
    expect(r.ok && r.columns.index.price).toBe(0);
    expect(r.ok && r.columns.index.date).toBe(1);
    expect(r.ok && r.columns.index.admin1).toBe(-1);
  });
  it('refuses a header without a price column, naming it', () => {
    const r = mapWfpHeader(HEADER.filter((h) => h !== 'price'));
    expect(r).toMatchObject({ ok: false, error: 'header-missing-column', field: 'price', line: 1 });
  });
});

describe('parsePriceCents', () => {
  const CASES: Array<[string, number | null]> = [
    ['101.48', 10_148],
    ['185', 18_500],
    ['0.5', 50],
    ['.5', 50],
    ['7.', 700],
    ['0.125', 12], // half: 12 is even, stays
    ['0.135', 14], // half: 13 is odd, up to even
    ['0.1251', 13], // above half
    ['0.1249', 12],
    ['2000', 200_000],
    ['-3', null],
    ['1e3', null],
    ['1,5', null],
    ['', null],
    ['abc', null],
  ];
  it.each(CASES)('"%s" → %s', (text, cents) => expect(parsePriceCents(text)).toBe(cents));
});

describe('monthIndexOf', () => {
  it('counts months from year 0, so consecutive months differ by one', () => {
    expect(monthIndexOf('2008-01-15')).toBe(2008 * 12);
    expect(monthIndexOf('2008-12-15')! + 1).toBe(monthIndexOf('2009-01-15'));
  });
  it.each(['2017-02-29', '2017-13-15', '2017-00-15', '15/01/2008', '2008-1-15', '1889-01-15', ''])(
    'refuses "%s"',
    (d) => expect(monthIndexOf(d)).toBeNull(),
  );
  it('accepts 29 February of a leap year', () => expect(monthIndexOf('2016-02-29')).toBe(2016 * 12 + 1));
});

describe('readWfpRow', () => {
  it('reads a real row: 101.48 Bs per 46 kg, wholesale, into an observation with its price per kg', () => {
    const r = readWfpRow(row(), 3, columns);
    if (!r.ok) throw new Error(r.reason);
    expect(r.observation).toMatchObject({
      line: 3,
      date: '2008-01-15',
      monthIndex: 2008 * 12,
      market: 'Cochabamba City',
      marketId: '309',
      commodity: 'Potatoes (Irish, imilla)',
      unit: '46 KG',
      baseUnit: 'kg',
      baseQuantity: 46,
      priceType: 'wholesale',
      priceFlag: 'actual',
      currency: 'BOB',
      priceCents: 10_148,
      latitude: -17.39,
      longitude: -66.16,
    });
    expect(r.observation.basePriceCents).toBeCloseTo(10_148 / 46, 10);
  });

  const BAD: Array<[name: string, fields: string[], error: string, field: string]> = [
    ['the HXL tag row', ['#date', ...HEADER.slice(1).map((h) => `#${h}`)], 'hxl-tag-row', 'date'],
    ['a row one column short', row().slice(0, 15), 'column-count', 'row'],
    ['a row one column long', [...row(), 'extra'], 'column-count', 'row'],
    ['a day that does not exist', row({ date: '2017-02-30' }), 'date-invalid', 'date'],
    ['a date in another format', row({ date: '15/01/2008' }), 'date-invalid', 'date'],
    ['an empty market', row({ market: '' }), 'value-missing', 'market'],
    ['an empty commodity', row({ commodity: ' ' }), 'value-missing', 'commodity'],
    ['a currency that is not a code', row({ currency: 'Bs' }), 'currency-invalid', 'currency'],
    ['an unknown price type', row({ pricetype: 'Contract' }), 'price-type-unknown', 'pricetype'],
    ['a forecast', row({ priceflag: 'forecast' }), 'price-flag-forecast', 'priceflag'],
    ['an unknown unit', row({ unit: 'Bunch' }), 'unit-unknown', 'unit'],
    ['an empty unit', row({ unit: '' }), 'unit-missing', 'unit'],
    ['a negative price', row({ price: '-101.48' }), 'price-not-positive', 'price'],
    ['a zero price', row({ price: '0.00' }), 'price-not-positive', 'price'],
    ['a price in words', row({ price: 'n/a' }), 'price-not-number', 'price'],
    ['an empty price', row({ price: '' }), 'price-not-number', 'price'],
    // 99,000,000 Bs per 46 kg is 2.15 million per kg, above the default bound of one million.
    ['an absurd price', row({ price: '99000000' }), 'price-absurd', 'price'],
  ];
  it.each(BAD)('rejects %s with its line, field and a reason', (_, fields, error, field) => {
    const r = readWfpRow(fields, 17, columns);
    expect(r).toMatchObject({ ok: false, line: 17, error, field });
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
  });

  it('takes a larger bound for a currency whose prices run to millions', () => {
    expect(readWfpRow(row({ price: '99000000' }), 3, columns, { maxBasePrice: 10_000_000 }).ok).toBe(true);
  });

  it('keeps aggregate prices, reads Farm Gate, and leaves bad coordinates out rather than rejecting', () => {
    const r = readWfpRow(row({ priceflag: 'aggregate', pricetype: 'Farm Gate', latitude: 'x' }), 3, columns);
    expect(r.ok && r.observation).toMatchObject({
      priceFlag: 'aggregate',
      priceType: 'farm-gate',
      latitude: null,
    });
  });
});
