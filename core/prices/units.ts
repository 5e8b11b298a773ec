// Units as WFP market-price files write them ("46 KG", "KG", "L", "Unit", "12 Units", "Pound", "Libra",
// "Cuartilla") turned into a quantity of one base unit — kg, L or unit — so that a sack of 46 kg and a
// kilo of the same rice can be compared. Prices stay as quoted (priceCents for the unit as written);
// the price per base unit is a derived figure (see basePriceCents).
//
// Where the measures come from. Metric ones are exact. The pound is the international avoirdupois pound,
// 0.45359237 kg exactly (1959 agreement). Bolivian market measures are the Castilian ones still in use:
// the arroba is 25 libras, and WFP writes it "11.5 KG", so the libra is 0.46 kg and the cuartilla, a
// quarter arroba, 2.875 kg. The Bolivia file agrees: sugar per Libra (median 2.86 Bs) and per Pound
// (2.82 Bs) give 6.2 Bs/kg both; estaquilla rice per Cuartilla (21.08 Bs) gives 7.33 Bs/kg, per KG 7.54.
// Every definition is a terminating decimal, so the quantity is the double nearest an exact figure.

export const BASE_UNITS = ['kg', 'L', 'unit'] as const;
export type BaseUnit = (typeof BASE_UNITS)[number];

/** One named measure: how much of its base unit it holds. Names are matched case-insensitively. */
const MEASURES: Record<string, { base: BaseUnit; quantity: number }> = {
  kg: { base: 'kg', quantity: 1 },
  g: { base: 'kg', quantity: 0.001 },
  mt: { base: 'kg', quantity: 1000 },
  pound: { base: 'kg', quantity: 0.45359237 },
  lb: { base: 'kg', quantity: 0.45359237 },
  libra: { base: 'kg', quantity: 0.46 },
  arroba: { base: 'kg', quantity: 11.5 },
  cuartilla: { base: 'kg', quantity: 2.875 },
  l: { base: 'L', quantity: 1 },
  ml: { base: 'L', quantity: 0.001 },
  unit: { base: 'unit', quantity: 1 },
  units: { base: 'unit', quantity: 1 },
  dozen: { base: 'unit', quantity: 12 },
};

/** The largest count in front of a measure ("46 KG"): beyond it the unit is more likely a typing slip. */
export const MAX_UNIT_COUNT = 100_000;

export const UNIT_ERRORS = {
  'unit-missing': 'the unit column is empty',
  'unit-unknown':
    'the measure is not one the importer knows (KG, G, MT, L, ML, Unit(s), Dozen, Pound, Libra, …)',
  'unit-count-invalid': `the count before the measure is not a number above 0 and at most ${MAX_UNIT_COUNT}`,
} as const;
export type UnitError = keyof typeof UNIT_ERRORS;

export interface NormalisedUnit {
  /** The unit as the file wrote it, spaces collapsed: part of the series and the idempotency key. */
  label: string;
  base: BaseUnit;
  /** How many base units one quoted unit holds: "46 KG" → 46, "Pound" → 0.45359237, "12 Units" → 12. */
  quantity: number;
}

export type UnitResult = { ok: true; unit: NormalisedUnit } | { ok: false; error: UnitError; reason: string };

// An optional count (digits, optional decimals) then the measure's name: "46 KG", "11.5 KG", "Unit".
const UNIT_PATTERN = /^(?:(\d+(?:\.\d+)?)\s*)?([A-Za-z]+)\.?$/;

export function normaliseUnit(text: string): UnitResult {
  const label = text.trim().replace(/\s+/g, ' ');
  if (label === '') return { ok: false, error: 'unit-missing', reason: 'the unit is empty' };
  const match = UNIT_PATTERN.exec(label);
  const measure = match ? MEASURES[match[2]!.toLowerCase()] : undefined;
  if (!match || !measure)
    return {
      ok: false,
      error: 'unit-unknown',
      reason: `unknown unit "${label}": no conversion to kg, L or unit`,
    };
  const count = match[1] === undefined ? 1 : Number(match[1]);
  if (!(count > 0 && count <= MAX_UNIT_COUNT))
    return { ok: false, error: 'unit-count-invalid', reason: `unit "${label}": the count must be above 0` };
  // 46 × 1 is exact; 12 × 0.45359237 is rounded once, to the double nearest the product.
  return { ok: true, unit: { label, base: measure.base, quantity: count * measure.quantity } };
}

/**
 * The price per base unit in centavos (hundredths of the currency): priceCents ÷ quantity. Not rounded —
 * it is a quotient used for ratios and logarithms, where rounding would only add noise; the exact figure
 * kept is priceCents with its unit. Shown to a person it is rounded half-to-even to the centavo.
 */
export const basePriceCents = (priceCents: number, unit: NormalisedUnit): number =>
  priceCents / unit.quantity;
