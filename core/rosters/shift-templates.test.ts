import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRange, checkSlot, expandTemplate, type SlotTimes } from './shift-templates.ts';
import { isoWeekday, localDate, localParts, offsetAt } from './zoned-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

describe('checking slots and ranges', () => {
  const slots: Array<[SlotTimes, string | null]> = [
    [{ weekday: 1, startTime: '08:00', endTime: '12:00' }, null],
    [{ weekday: 1, startTime: '22:00', endTime: '06:00' }, null],
    [{ weekday: 1, startTime: '8:00', endTime: '12:00' }, 'slot-time-invalid'],
    [{ weekday: 1, startTime: '24:00', endTime: '12:00' }, 'slot-time-invalid'],
    [{ weekday: 1, startTime: '08:00', endTime: '08:00' }, 'slot-empty'],
  ];
  for (const [slot, error] of slots)
    it(`${slot.startTime}–${slot.endTime}: ${error ?? 'ok'}`, () => expect(checkSlot(slot)).toBe(error));
  it('refuses backwards, malformed and over-long ranges', () => {
    expect(checkRange('2026-06-01', '2026-06-01')).toBeNull();
    expect(checkRange('2026-06-02', '2026-06-01')).toBe('range-invalid');
    expect(checkRange('2026-02-30', '2026-03-01')).toBe('range-invalid');
    expect(checkRange('2026-01-01', '2026-04-03')).toBe('range-too-long');
    expect(checkRange('2026-01-01', '2026-04-02')).toBeNull();
  });
});

describe('expanding a weekly template', () => {
  const slots = [
    { weekday: 1, startTime: '08:00', endTime: '12:00', role: 'morning' },
    { weekday: 6, startTime: '22:00', endTime: '06:00', role: 'night' },
  ];
  it('makes one shift per slot per matching day, in time order, in the council’s zone', () => {
    const shifts = expandTemplate(slots, '2026-06-01', '2026-06-14', 'America/La_Paz');
    expect(shifts.map((s) => [s.slot.role, s.date, iso(s.startsAt), iso(s.endsAt)])).toEqual([
      ['morning', '2026-06-01', '2026-06-01T12:00:00.000Z', '2026-06-01T16:00:00.000Z'],
      ['night', '2026-06-06', '2026-06-07T02:00:00.000Z', '2026-06-07T10:00:00.000Z'],
      ['morning', '2026-06-08', '2026-06-08T12:00:00.000Z', '2026-06-08T16:00:00.000Z'],
      ['night', '2026-06-13', '2026-06-14T02:00:00.000Z', '2026-06-14T10:00:00.000Z'],
    ]);
  });
  it('keeps wall-clock times across DST: the Saturday night over the spring-forward lasts 7 hours', () => {
    const shifts = expandTemplate(slots, '2026-03-23', '2026-04-05', 'Europe/Madrid');
    const nights = shifts.filter((s) => s.slot.role === 'night');
    expect(nights.map((s) => (s.endsAt - s.startsAt) / H)).toEqual([7, 8]);
    const mornings = shifts.filter((s) => s.slot.role === 'morning');
    expect(mornings.map((s) => iso(s.startsAt))).toEqual([
      '2026-03-23T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
  });
  it('lasts 9 hours over the fall-back', () => {
    const [night] = expandTemplate(slots, '2026-10-24', '2026-10-24', 'Europe/Madrid');
    expect((night!.endsAt - night!.startsAt) / H).toBe(9);
  });

  const zone = fc.constantFrom('UTC', 'America/La_Paz', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata');
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const slot = fc
    .record({ weekday: fc.integer({ min: 1, max: 7 }), startTime: time, endTime: time })
    .filter((s) => s.startTime !== s.endTime);
  const start = fc
    .integer({ min: 0, max: 700 })
    .map((d) => new Date(Date.parse('2026-01-01') + d * 86_400_000).toISOString().slice(0, 10));
  it('starts every shift on its slot’s weekday, at its local time unless a DST gap moved it, and ends it later', () => {
    fc.assert(
      fc.property(
        fc.array(slot, { minLength: 1, maxLength: 4 }),
        start,
        fc.integer({ min: 0, max: 30 }),
        zone,
        (ss, from, days, z) => {
          const to = new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10);
          const shifts = expandTemplate(ss, from, to, z);
          const expected = ss.reduce((n, s) => {
            let k = 0;
            for (let i = 0; i <= days; i++)
              if (
                isoWeekday(new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10)) ===
                s.weekday
              )
                k++;
            return n + k;
          }, 0);
          expect(shifts.length).toBeLessThanOrEqual(expected);
          expect(shifts.length).toBeGreaterThanOrEqual(expected - ss.length * 2);
          for (const s of shifts) {
            expect(s.endsAt).toBeGreaterThan(s.startsAt);
            expect(s.endsAt - s.startsAt).toBeLessThanOrEqual(25 * H);
            expect(isoWeekday(s.date)).toBe(s.slot.weekday);
            const p = localParts(s.startsAt, z);
            const local = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
            // A start off its local time only happens when the clock sprang forward just before it.
            if (local !== s.slot.startTime)
              expect(offsetAt(s.startsAt - 2 * H, z)).not.toBe(offsetAt(s.startsAt, z));
            else expect(localDate(s.startsAt, z)).toBe(s.date);
          }
          for (let i = 1; i < shifts.length; i++)
            expect(shifts[i]!.startsAt).toBeGreaterThanOrEqual(shifts[i - 1]!.startsAt);
        },
      ),
      { seed: 20_260_802, numRuns: 150 },
    );
  });
});
