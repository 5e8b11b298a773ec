import { describe, expect, it } from 'vitest';
import {
  capCentsOn,
  comparisonChartData,
  dayToSeconds,
  SEASONAL_Z_MARK,
  seriesCaptionFacts,
  seriesCaptionFallback,
  seriesChartData,
} from './price-chart-data.ts';
import type { ChartCap, ChartMarket, ChartObservation, ChartReport } from './price-chart-types.ts';

function obs(date: string, cents: number, flags: Partial<ChartObservation> = {}): ChartObservation {
  return {
    date,
    marketId: 'm1',
    basePriceCents: cents,
    isOutlier: false,
    isRise: false,
    seasonalZ: null,
    ...flags,
  };
}
function cap(validFrom: string, validTo: string | null, capCents: number): ChartCap {
  return { validFrom, validTo, capCents, councilName: 'Cabildo de La Paz' };
}
function report(observedOn: string, cents: number, isViolation = false): ChartReport {
  return { observedOn, basePriceCents: cents, isViolation };
}

// Midnight UTC, worked out by hand: 2024-01-01 is 19 723 days after 1970-01-01.
const JAN_1 = 1_704_067_200;
const FEB_1 = JAN_1 + 31 * 86_400; // 1 706 745 600
const MAR_1 = FEB_1 + 29 * 86_400; // 2024 is a leap year: 1 709 251 200

describe('dayToSeconds', () => {
  it.each([
    ['2024-01-01', JAN_1],
    ['2024-02-01', 1_706_745_600],
    ['2024-03-01', 1_709_251_200],
    ['1970-01-02', 86_400],
  ])('puts %s at midnight UTC (%i)', (day, seconds) => {
    expect(dayToSeconds(day)).toBe(seconds);
  });
});

describe('capCentsOn', () => {
  const caps = [
    cap('2024-01-01', '2024-02-15', 1500),
    cap('2024-02-01', null, 1200),
    cap('2024-03-10', '2024-03-31', 1000),
  ];
  it.each<[string, number | null, string]>([
    ['2023-12-31', null, 'before any cap'],
    ['2024-01-15', 1500, 'one cap in force'],
    ['2024-02-10', 1200, 'two overlap: the lowest'],
    ['2024-02-15', 1200, 'validTo is inclusive and still overlaps'],
    ['2024-03-10', 1000, 'three windows, the newest lowest'],
    ['2024-03-31', 1000, 'last day of the short cap'],
    ['2024-04-01', 1200, 'back to the open-ended cap'],
  ])('on %s gives %s (%s)', (day, expected) => {
    expect(capCentsOn(day, caps)).toBe(expected);
  });

  it('ends a cap after its validTo', () => {
    expect(capCentsOn('2024-02-15', [cap('2024-01-01', '2024-02-15', 1500)])).toBe(1500);
    expect(capCentsOn('2024-02-16', [cap('2024-01-01', '2024-02-15', 1500)])).toBeNull();
  });
});

describe('seriesChartData', () => {
  it('gives empty columns for empty inputs', () => {
    expect(seriesChartData([], [], [])).toEqual({
      x: [],
      price: [],
      cap: [],
      anomaly: [],
      outlier: [],
      report: [],
    });
    expect(seriesChartData([], [cap('2024-01-01', null, 1000)], [])).toEqual({
      x: [],
      price: [],
      cap: [],
      anomaly: [],
      outlier: [],
      report: [],
    });
  });

  it('puts observation and report days in order, with null where a day has no price', () => {
    const data = seriesChartData(
      [obs('2024-03-01', 1250), obs('2024-01-01', 1000)],
      [],
      [report('2024-02-01', 1399)],
    );
    expect(data.x).toEqual([JAN_1, FEB_1, MAR_1]);
    expect(data.price).toEqual([10, null, 12.5]);
    expect(data.report).toEqual([null, 13.99, null]);
    expect(data.cap).toEqual([null, null, null]);
  });

  it('leaves a missing month out rather than inventing a price for it', () => {
    const data = seriesChartData([obs('2024-01-01', 1000), obs('2024-03-01', 1100)], [], []);
    expect(data.x).toEqual([JAN_1, MAR_1]);
    expect(data.price).toEqual([10, 11]);
  });

  it('draws the lowest of overlapping caps on each day, null where none is in force', () => {
    const caps = [cap('2024-01-01', '2024-02-15', 1500), cap('2024-02-01', null, 1200)];
    const data = seriesChartData(
      [obs('2023-12-31', 900), obs('2024-01-15', 1000), obs('2024-02-10', 1300), obs('2024-03-01', 1100)],
      caps,
      [],
    );
    expect(data.cap).toEqual([null, 15, 12, 12]);
  });

  it('marks rises and seasonal deviations of at least the threshold, either sign', () => {
    expect(SEASONAL_Z_MARK).toBe(2);
    const data = seriesChartData(
      [
        obs('2024-01-01', 1000, { isRise: true }),
        obs('2024-01-02', 1010, { seasonalZ: 2 }),
        obs('2024-01-03', 1020, { seasonalZ: -2.5 }),
        obs('2024-01-04', 1030, { seasonalZ: 1.99 }),
        obs('2024-01-05', 1040),
        obs('2024-01-06', 1050, { isOutlier: true }),
      ],
      [],
      [],
    );
    expect(data.anomaly).toEqual([10, 10.1, 10.2, null, null, null]);
    expect(data.outlier).toEqual([null, null, null, null, null, 10.5]);
  });

  it('keeps the highest of two reports on one day', () => {
    const data = seriesChartData(
      [obs('2024-01-01', 1000)],
      [],
      [report('2024-01-01', 1100), report('2024-01-01', 1450, true), report('2024-01-01', 1200)],
    );
    expect(data.x).toEqual([JAN_1]);
    expect(data.report).toEqual([14.5]);
  });

  it('keeps the highest of two observations on one day, with that observation’s flags', () => {
    const data = seriesChartData(
      [obs('2024-01-01', 1000, { isRise: true }), obs('2024-01-01', 1300, { isOutlier: true })],
      [],
      [],
    );
    expect(data.price).toEqual([13]);
    expect(data.anomaly).toEqual([null]);
    expect(data.outlier).toEqual([13]);
  });

  it('keeps only days inside the range, both ends inclusive', () => {
    const data = seriesChartData(
      [obs('2023-12-31', 900), obs('2024-01-01', 1000), obs('2024-03-01', 1100), obs('2024-03-02', 1200)],
      [],
      [report('2024-02-01', 1000), report('2024-03-05', 1000)],
      { from: '2024-01-01', to: '2024-03-01' },
    );
    expect(data.x).toEqual([JAN_1, FEB_1, MAR_1]);
    expect(data.price).toEqual([10, null, 11]);
  });
});

describe('seriesCaptionFacts', () => {
  it('counts what the chart shows: observations, their span, prices above the cap, marks and reports', () => {
    const data = seriesChartData(
      [
        obs('2024-01-01', 1000),
        obs('2024-02-01', 1250, { isRise: true }), // above the 12.00 cap
        obs('2024-03-01', 1200, { isOutlier: true }), // equal to the cap: not above
      ],
      [cap('2024-01-15', null, 1200)],
      [report('2024-03-05', 1500), report('2024-03-05', 1300)],
    );
    expect(seriesCaptionFacts(data)).toEqual({
      observationCount: 3,
      firstDay: '2024-01-01',
      lastDay: '2024-03-01',
      aboveCapCount: 1,
      anomalyCount: 1,
      outlierCount: 1,
      reportCount: 1,
    });
  });

  it('says there is nothing when there is no observation, even with reports', () => {
    const facts = seriesCaptionFacts(seriesChartData([], [], [report('2024-01-01', 100)]));
    expect(facts).toMatchObject({ observationCount: 0, firstDay: null, lastDay: null, reportCount: 1 });
  });
});

describe('seriesCaptionFallback', () => {
  const labels = { price: 'Precio', cap: 'Tope', rise: 'Alza', outlier: 'Atípico', report: 'Denuncia' };
  it('pairs every count with a legend label', () => {
    const words = {
      observationCount: 24,
      firstDay: '2024-01-05',
      lastDay: '2025-01-03',
      from: '5 ene 2024',
      to: '3 ene 2025',
      aboveCapCount: 3,
      anomalyCount: 2,
      outlierCount: 1,
      reportCount: 4,
    };
    expect(seriesCaptionFallback(words, labels)).toBe(
      'Precio: 24 (5 ene 2024 – 3 ene 2025); > Tope: 3; Alza: 2; Atípico: 1; Denuncia: 4',
    );
  });
  it('gives no span without observations', () => {
    const words = {
      observationCount: 0,
      firstDay: null,
      lastDay: null,
      from: '',
      to: '',
      aboveCapCount: 0,
      anomalyCount: 0,
      outlierCount: 0,
      reportCount: 0,
    };
    expect(seriesCaptionFallback(words, labels)).toBe(
      'Precio: 0; > Tope: 0; Alza: 0; Atípico: 0; Denuncia: 0',
    );
  });
});

describe('comparisonChartData', () => {
  const markets: ChartMarket[] = [
    { id: 'c', name: 'Oruro' },
    { id: 'b', name: 'El Alto' },
    { id: 'a', name: 'La Paz' },
  ];
  const at = (marketId: string, date: string, cents: number) => obs(date, cents, { marketId });
  const observations = [
    at('a', '2023-01-10', 1000),
    at('a', '2023-06-10', 1100),
    at('a', '2024-01-05', 1200),
    at('a', '2024-02-05', 1500), // +25 % on January: the largest rise of La Paz
    at('a', '2024-03-05', 1500),
    at('a', '2024-03-20', 1400), // March's last price: -6.7 % on February, not a rise
    at('b', '2024-01-05', 2000),
    at('b', '2024-03-05', 3000), // +50 % but February is missing: not month-on-month
    at('b', '2024-04-05', 3300), // +10 % on March
    at('z', '2024-01-05', 99999), // a market not asked for
  ];
  const data = comparisonChartData(observations, markets);

  it('puts every market on the union of days, with null gaps, in the order given', () => {
    expect(data.x).toEqual(
      ['2023-01-10', '2023-06-10', '2024-01-05', '2024-02-05', '2024-03-05', '2024-03-20', '2024-04-05'].map(
        dayToSeconds,
      ),
    );
    expect(data.lines.map((line) => line.name)).toEqual(['Oruro', 'El Alto', 'La Paz']);
    expect(data.lines[0]?.y).toEqual([null, null, null, null, null, null, null]);
    expect(data.lines[1]?.y).toEqual([null, null, 20, null, 30, null, 33]);
    expect(data.lines[2]?.y).toEqual([10, 11, 12, 15, 15, 14, null]);
  });

  it('summarises each market and sorts by the largest jump, markets without a rise last', () => {
    expect(data.summary.map((row) => row.name)).toEqual(['La Paz', 'El Alto', 'Oruro']);
    const [laPaz, elAlto, oruro] = data.summary;
    // Latest 14.00 on 2024-03-20; 12 months before is 2023-03-20, the price then was 10.00: +40 %.
    expect(laPaz).toMatchObject({ latestPrice: 14, latestDay: '2024-03-20', maxJumpDay: '2024-02-05' });
    expect(laPaz?.change12mPercent).toBeCloseTo(40, 10);
    expect(laPaz?.maxJumpPercent).toBeCloseTo(25, 10);
    // No price on or before 2023-04-05: no 12-month change.
    expect(elAlto).toMatchObject({ latestPrice: 33, latestDay: '2024-04-05', change12mPercent: null });
    expect(elAlto?.maxJumpPercent).toBeCloseTo(10, 10);
    expect(elAlto?.maxJumpDay).toBe('2024-04-05');
    expect(oruro).toEqual({
      marketId: 'c',
      name: 'Oruro',
      latestPrice: null,
      latestDay: null,
      change12mPercent: null,
      maxJumpPercent: null,
      maxJumpDay: null,
    });
  });

  it('gives no jump for a market whose prices only fell', () => {
    const fell = comparisonChartData(
      [at('a', '2024-01-01', 1000), at('a', '2024-02-01', 900)],
      [markets[2]!],
    );
    expect(fell.summary[0]).toMatchObject({ maxJumpPercent: null, maxJumpDay: null, latestPrice: 9 });
  });

  it('takes the highest of two prices of one market on one day', () => {
    const twice = comparisonChartData(
      [at('a', '2024-01-01', 1000), at('a', '2024-01-01', 1200)],
      [markets[2]!],
    );
    expect(twice.lines[0]?.y).toEqual([12]);
  });

  it('gives empty columns and one empty row per market for no observations', () => {
    const empty = comparisonChartData([], markets);
    expect(empty.x).toEqual([]);
    expect(empty.lines.map((line) => line.y)).toEqual([[], [], []]);
    expect(empty.summary.map((row) => row.latestPrice)).toEqual([null, null, null]);
    expect(comparisonChartData([], [])).toEqual({ x: [], lines: [], summary: [] });
  });
});
