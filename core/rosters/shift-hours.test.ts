import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interval, loadHours, nightMs, overlaps, weightedLoad } from './shift-hours.ts';

const RUNS = { seed: 20_260_801, numRuns: 200 };
const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const span = (from: string, to: string): Interval => ({ startsAt: at(from), endsAt: at(to) });

describe('overlap of half-open intervals', () => {
  const cases: Array<[string, Interval, Interval, boolean]> = [
    [
      'back to back',
      span('2026-06-01T08:00Z', '2026-06-01T12:00Z'),
      span('2026-06-01T12:00Z', '2026-06-01T16:00Z'),
      false,
    ],
    [
      'one hour shared',
      span('2026-06-01T08:00Z', '2026-06-01T12:00Z'),
      span('2026-06-01T11:00Z', '2026-06-01T16:00Z'),
      true,
    ],
    [
      'inside',
      span('2026-06-01T08:00Z', '2026-06-01T18:00Z'),
      span('2026-06-01T11:00Z', '2026-06-01T12:00Z'),
      true,
    ],
    [
      'apart',
      span('2026-06-01T08:00Z', '2026-06-01T09:00Z'),
      span('2026-06-01T10:00Z', '2026-06-01T11:00Z'),
      false,
    ],
    [
      'the same',
      span('2026-06-01T08:00Z', '2026-06-01T09:00Z'),
      span('2026-06-01T08:00Z', '2026-06-01T09:00Z'),
      true,
    ],
  ];
  for (const [name, a, b, expected] of cases) it(name, () => expect(overlaps(a, b)).toBe(expected));

  const interval = fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 500 }))
    .map(([s, d]): Interval => ({ startsAt: s * 60_000, endsAt: (s + d) * 60_000 }));
  it('is symmetric and true exactly when some minute is in both', () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        let shared = false;
        for (let t = a.startsAt; t < a.endsAt && !shared; t += 60_000)
          shared = t >= b.startsAt && t < b.endsAt;
        expect(overlaps(a, b)).toBe(shared);
      }),
      RUNS,
    );
  });
});

describe('night hours and weighted load', () => {
  const cases: Array<[string, Interval, string, number]> = [
    ['a day shift has no night', span('2026-06-01T08:00Z', '2026-06-01T16:00Z'), 'UTC', 0],
    ['22:00 to 06:00 is all night', span('2026-06-01T22:00Z', '2026-06-02T06:00Z'), 'UTC', 8],
    ['20:00 to 23:00 has one night hour', span('2026-06-01T20:00Z', '2026-06-01T23:00Z'), 'UTC', 1],
    [
      'night is on the council’s clock (La Paz, UTC−4)',
      span('2026-06-02T02:00Z', '2026-06-02T04:00Z'),
      'America/La_Paz',
      2,
    ],
    [
      'the same hours are evening in La Paz',
      span('2026-06-01T22:00Z', '2026-06-02T02:00Z'),
      'America/La_Paz',
      0,
    ],
    [
      'half-hour zone: 21:30–22:30 Kolkata',
      span('2026-06-01T16:00Z', '2026-06-01T17:00Z'),
      'Asia/Kolkata',
      0.5,
    ],
    [
      'a Madrid night over the spring-forward lasts 7 h',
      span('2026-03-28T21:00Z', '2026-03-29T04:00Z'),
      'Europe/Madrid',
      7,
    ],
  ];
  for (const [name, interval, zone, hours] of cases)
    it(name, () => expect(nightMs(interval, zone)).toBe(hours * H));

  it('weights night hours by the council’s factor', () => {
    const shift = span('2026-06-01T20:00Z', '2026-06-02T00:00Z'); // 2 day hours, 2 night hours
    expect(loadHours(weightedLoad(shift, 'UTC', 100))).toBe(4);
    expect(loadHours(weightedLoad(shift, 'UTC', 150))).toBe(5);
    expect(loadHours(weightedLoad(shift, 'UTC', 200))).toBe(6);
  });

  const zone = fc.constantFrom('UTC', 'America/La_Paz', 'Europe/Madrid', 'Asia/Kolkata', 'America/New_York');
  const shift = fc
    .tuple(
      fc.integer({ min: 0, max: 365 * 24 * 4 }),
      fc.integer({ min: 1, max: 24 * 4 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .map(([q, d, m]): Interval => {
      const startsAt = Date.parse('2026-01-01T00:00:00Z') + q * 900_000 + m * 60_000;
      return { startsAt, endsAt: startsAt + d * 900_000 };
    });
  it('splits additively: the load of a shift is the sum of the loads of its parts', () => {
    fc.assert(
      fc.property(
        shift,
        zone,
        fc.integer({ min: 100, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, z, w, f) => {
          const cut = s.startsAt + Math.floor(((s.endsAt - s.startsAt) * f) / 60_000) * 60_000;
          const whole = weightedLoad(s, z, w);
          expect(
            weightedLoad({ startsAt: s.startsAt, endsAt: cut }, z, w) +
              weightedLoad({ startsAt: cut, endsAt: s.endsAt }, z, w),
          ).toBe(whole);
        },
      ),
      RUNS,
    );
  });
  it('lies between the plain length and the length with every hour weighted', () => {
    fc.assert(
      fc.property(shift, zone, fc.integer({ min: 100, max: 300 }), (s, z, w) => {
        const length = s.endsAt - s.startsAt;
        const night = nightMs(s, z);
        expect(night).toBeGreaterThanOrEqual(0);
        expect(night).toBeLessThanOrEqual(length);
        expect(weightedLoad(s, z, w)).toBeGreaterThanOrEqual(length * 100);
        expect(weightedLoad(s, z, w)).toBeLessThanOrEqual(length * w);
      }),
      RUNS,
    );
  });
});
