// One row of a WFP market-price file (the HDX "Food Prices" layout: date, admin1, admin2, market,
// market_id, latitude, longitude, category, commodity, commodity_id, unit, priceflag, pricetype, currency,
// price, usdprice) checked into an observation or rejected with its line, the field and why. The server
// parses the CSV (csv-parse, relax_column_count so a short row reaches us instead of aborting the file)
// and hands each record here with the line it ends on.
import { type BaseUnit, basePriceCents, normaliseUnit, UNIT_ERRORS, type UnitError } from './units.ts';

/** Columns an import cannot do without; the others are kept when present. */
export const WFP_REQUIRED_COLUMNS = [
  'date',
  'market',
  'commodity',
  'unit',
  'pricetype',
  'currency',
  'price',
] as const;
export const WFP_OPTIONAL_COLUMNS = [
  'admin1',
  'admin2',
  'market_id',
  'latitude',
  'longitude',
  'category',
  'commodity_id',
  'priceflag',
  'usdprice',
] as const;
type WfpColumn = (typeof WFP_REQUIRED_COLUMNS)[number] | (typeof WFP_OPTIONAL_COLUMNS)[number];

/** Index of each known column in the file (-1: absent), and how many columns every row must have. */
export interface WfpColumns {
  index: Record<WfpColumn, number>;
  count: number;
}

export const PRICE_TYPES = ['retail', 'wholesale', 'farm-gate'] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

/**
 * Above this a price per base unit is taken for a typing slip, not a price (Bolivia's dearest is quinoa at
 * 43 Bs/kg). A currency with prices in the hundreds of thousands per kg passes a larger bound.
 */
export const DEFAULT_MAX_BASE_PRICE = 1_000_000;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export const WFP_ROW_ERRORS = {
  ...UNIT_ERRORS,
  'header-missing-column':
    'the header lacks a required column (date, market, commodity, unit, pricetype, currency, price)',
  'hxl-tag-row': 'the row holds HXL tags (#date, #adm1+name, …): a second header, skipped, not data',
  'column-count': 'the row has a different number of columns from the header',
  'value-missing': 'a required column (market, commodity, currency) is empty',
  'date-invalid': `the date is not a calendar date YYYY-MM-DD in the years ${MIN_YEAR}–${MAX_YEAR}`,
  'price-not-number': 'the price is not a plain decimal number (digits, at most one point)',
  'price-not-positive': 'the price is zero or negative: a market price is above zero',
  'price-absurd': 'the price per kg, L or unit is above the bound for the file (DEFAULT_MAX_BASE_PRICE)',
  'price-type-unknown': 'the price type is not Retail, Wholesale or Farm Gate',
  'price-flag-forecast': 'the price is a forecast, not an observed price',
  'currency-invalid': 'the currency is not a three-letter ISO 4217 code',
  'duplicate-row':
    'an earlier row has the same market, commodity, unit, price type, currency, date and price',
  'duplicate-conflict':
    'an earlier row has the same market, commodity, unit, price type, currency and date, another price',
} as const;
export type WfpRowError = keyof typeof WFP_ROW_ERRORS | UnitError;

export interface PriceObservation {
  /** The line of the file the row ends on (header = line 1). */
  line: number;
  /** YYYY-MM-DD as written; WFP monthly series use the 15th. */
  date: string;
  /** year × 12 + month − 1: months count from year 0, so consecutive months differ by 1. */
  monthIndex: number;
  admin1: string;
  admin2: string;
  market: string;
  marketId: string;
  category: string;
  commodity: string;
  commodityId: string;
  unit: string;
  baseUnit: BaseUnit;
  /** Base units in one quoted unit: "46 KG" → 46. */
  baseQuantity: number;
  priceType: PriceType;
  priceFlag: string;
  currency: string;
  /** The price as quoted, for the unit as written, in hundredths of the currency (exact). */
  priceCents: number;
  /** priceCents ÷ baseQuantity, not rounded (see units.ts). */
  basePriceCents: number;
  latitude: number | null;
  longitude: number | null;
}

export interface RowRejection {
  line: number;
  error: WfpRowError;
  field: string;
  reason: string;
}

export type WfpRowResult = { ok: true; observation: PriceObservation } | ({ ok: false } & RowRejection);

export type WfpHeaderResult = { ok: true; columns: WfpColumns } | ({ ok: false } & RowRejection);

export function mapWfpHeader(header: readonly string[]): WfpHeaderResult {
  const names = header.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const index = {} as Record<WfpColumn, number>;
  for (const name of [...WFP_REQUIRED_COLUMNS, ...WFP_OPTIONAL_COLUMNS]) index[name] = names.indexOf(name);
  const missing = WFP_REQUIRED_COLUMNS.filter((name) => index[name] < 0);
  if (missing.length > 0)
    return {
      ok: false,
      line: 1,
      error: 'header-missing-column',
      field: missing[0]!,
      reason: `the header lacks ${missing.join(', ')}`,
    };
  return { ok: true, columns: { index, count: header.length } };
}

/** HDX exports repeat the header as HXL hashtags on line 2; any row whose first cell starts with # is one. */
export const isHxlTagRow = (fields: readonly string[]): boolean => (fields[0] ?? '').trim().startsWith('#');

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Month index (year × 12 + month − 1) of a valid YYYY-MM-DD, or null. */
export function monthIndexOf(date: string): number | null {
  const m = DATE_PATTERN.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > daysInMonth ? null : year * 12 + month - 1;
}

const DECIMAL_PATTERN = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/;

/**
 * A plain decimal as an exact whole number of hundredths, from the digits, never through a binary float:
 * "101.48" → 10148. Digits past the second decimal round half to even ("0.125" → 12, "0.135" → 14), so a
 * price is never biased up or down by its rounding. Null for anything else (signs, exponents, commas).
 */
export function parsePriceCents(text: string): number | null {
  const m = DECIMAL_PATTERN.exec(text.trim());
  if (!m) return null;
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? m[3] ?? '';
  let cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  const rest = fraction.slice(2);
  if (/[1-9]/.test(rest)) {
    const first = Number(rest[0]);
    const isHalf = first === 5 && !/[1-9]/.test(rest.slice(1));
    if (first > 5 || (first === 5 && !isHalf) || (isHalf && cents % 2 === 1)) cents += 1;
  }
  return Number.isSafeInteger(cents) ? cents : null;
}

const PRICE_TYPE_NAMES: Record<string, PriceType> = {
  retail: 'retail',
  wholesale: 'wholesale',
  'farm gate': 'farm-gate',
  farmgate: 'farm-gate',
};

function coordinate(text: string, limit: number): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

export interface WfpRowOptions {
  /** In currency units per kg, L or unit (DEFAULT_MAX_BASE_PRICE). */
  maxBasePrice?: number;
}

export function readWfpRow(
  fields: readonly string[],
  line: number,
  columns: WfpColumns,
  options: WfpRowOptions = {},
): WfpRowResult {
  const reject = (error: WfpRowError, field: string, reason: string): WfpRowResult => ({
    ok: false,
    line,
    error,
    field,
    reason,
  });
  if (isHxlTagRow(fields)) return reject('hxl-tag-row', 'date', 'HXL tag row: a second header, not data');
  if (fields.length !== columns.count)
    return reject('column-count', 'row', `${fields.length} columns where the header has ${columns.count}`);
  const cell = (name: WfpColumn) => {
    const at = columns.index[name];
    return at < 0 ? '' : (fields[at] ?? '').trim();
  };

  const date = cell('date');
  const monthIndex = monthIndexOf(date);
  if (monthIndex === null) return reject('date-invalid', 'date', `"${date}" is not a date YYYY-MM-DD`);
  for (const name of ['market', 'commodity', 'currency'] as const)
    if (cell(name) === '') return reject('value-missing', name, `${name} is empty`);
  const currency = cell('currency');
  if (!/^[A-Z]{3}$/.test(currency))
    return reject('currency-invalid', 'currency', `"${currency}" is not a three-letter currency code`);
  const priceType = PRICE_TYPE_NAMES[cell('pricetype').toLowerCase()];
  if (!priceType)
    return reject('price-type-unknown', 'pricetype', `unknown price type "${cell('pricetype')}"`);
  const priceFlag = cell('priceflag').toLowerCase() || 'actual';
  if (priceFlag.includes('forecast'))
    return reject('price-flag-forecast', 'priceflag', 'a forecast price is not an observation');

  const unit = normaliseUnit(cell('unit'));
  if (!unit.ok) return reject(unit.error, 'unit', unit.reason);

  const priceText = cell('price');
  if (/^-\d/.test(priceText)) return reject('price-not-positive', 'price', `price ${priceText} is negative`);
  const priceCents = parsePriceCents(priceText);
  if (priceCents === null)
    return reject('price-not-number', 'price', `"${priceText}" is not a decimal number`);
  if (priceCents === 0) return reject('price-not-positive', 'price', `price ${priceText} is zero`);
  const perBase = basePriceCents(priceCents, unit.unit);
  const maxBasePrice = options.maxBasePrice ?? DEFAULT_MAX_BASE_PRICE;
  if (perBase > maxBasePrice * 100)
    return reject(
      'price-absurd',
      'price',
      `${priceText} ${currency} per ${unit.unit.label} is ${(perBase / 100).toFixed(2)} per ${unit.unit.base}, above ${maxBasePrice}`,
    );

  return {
    ok: true,
    observation: {
      line,
      date,
      monthIndex,
      admin1: cell('admin1'),
      admin2: cell('admin2'),
      market: cell('market'),
      marketId: cell('market_id'),
      category: cell('category'),
      commodity: cell('commodity'),
      commodityId: cell('commodity_id'),
      unit: unit.unit.label,
      baseUnit: unit.unit.base,
      baseQuantity: unit.unit.quantity,
      priceType,
      priceFlag,
      currency,
      priceCents,
      basePriceCents: perBase,
      latitude: coordinate(cell('latitude'), 90),
      longitude: coordinate(cell('longitude'), 180),
    },
  };
}
