import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import { countMeekStv, type MeekVariant, multiplyNano } from './meek-stv.ts';
import type { Tally } from './tally.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/stv/meek/${name}`, import.meta.url));

interface CountEvent {
  kind: 'elect' | 'defeat';
  name: string;
  quota: string;
}

/** Elections and defeats in a Droop / stv-rs transcript, each with the quota printed after it. */
function eventsOfTranscript(text: string): CountEvent[] {
  const events: CountEvent[] = [];
  let open: Omit<CountEvent, 'quota'> | undefined;
  for (const line of text.split('\n')) {
    const elect = /^Action: Elect(?: remaining)?: (.+)$/.exec(line);
    const defeat = /^Action: Defeat \(.*\): (.+)$/.exec(line);
    if (elect?.[1] !== undefined) open = { kind: 'elect', name: elect[1] };
    else if (defeat?.[1] !== undefined) open = { kind: 'defeat', name: defeat[1] };
    const quota = /^\tQuota: ([\d.]+)$/.exec(line);
    if (open !== undefined && quota?.[1] !== undefined) {
      events.push({ ...open, quota: quota[1] });
      open = undefined;
    }
  }
  return events;
}

function eventsOfTally(tally: Tally): CountEvent[] {
  return tally.rounds.flatMap((round) => [
    ...round.excluded.map((c) => ({
      kind: 'defeat' as const,
      name: tally.candidates[c] ?? '',
      quota: round.quota ?? '',
    })),
    ...round.elected.map((c) => ({
      kind: 'elect' as const,
      name: tally.candidates[c] ?? '',
      quota: round.quota ?? '',
    })),
  ]);
}

/** Candidates elected at one iteration are listed in file order by Droop and by vote here: compare them as a set. */
function normalised(events: CountEvent[]): CountEvent[] {
  const out: CountEvent[] = [];
  for (const event of events) {
    const group: CountEvent[] = [event];
    while (
      out.length > 0 &&
      event.kind === 'elect' &&
      out.at(-1)?.kind === 'elect' &&
      out.at(-1)?.quota === event.quota
    ) {
      group.unshift(out.pop() as CountEvent);
    }
    out.push(
      ...group.sort((a, b) => (a.kind === 'elect' && b.kind === 'elect' ? a.name.localeCompare(b.name) : 0)),
    );
  }
  return out;
}

function count(blt: string, variant: MeekVariant): Tally {
  const read = readBlt(fixture(blt));
  if (!read.ok) throw new Error(read.error.message);
  return countMeekStv(read.profile, {
    tiePolicy: 'order',
    variant,
    ...(read.tieOrder ? { tieOrder: read.tieOrder } : {}),
  });
}

describe('Meek STV against reference transcripts', () => {
  it.each([
    ['SC.blt', 'SC-meek-prf-o6-fixed-p9-d9.txt'],
    ['M135.blt', 'M135-meek-prf-o6-fixed-p9-d9.txt'],
  ])(
    '%s: the PR Foundation reference rule elects and defeats as Droop does, at the same quotas',
    (blt, report) => {
      const expected = eventsOfTranscript(fixture(report).toString('utf8'));
      expect(expected.length).toBeGreaterThan(3);
      expect(normalised(eventsOfTally(count(blt, 'prf-reference')))).toEqual(normalised(expected));
    },
  );

  it.each([
    ['vegetables.blt', 'vegetables.fixed9.log'],
    ['tie_break_explicit.blt', 'tie_break_explicit.fixed9.log'],
  ])('%s: the truncating variant follows the stv-rs transcript, quota for quota', (blt, log) => {
    const expected = eventsOfTranscript(fixture(log).toString('utf8'));
    expect(normalised(eventsOfTally(count(blt, 'split-down')))).toEqual(normalised(expected));
  });

  it('reports the settled votes to nine places (SC round 2, Droop meek-prf)', () => {
    const tally = count('SC.blt', 'prf-reference');
    const afterFirstDefeat = tally.rounds.find((r) => r.excluded.length > 0);
    expect(afterFirstDefeat?.totals.slice(0, 4)).toEqual([
      '8.006073598',
      '3.232685848',
      '9.408174589',
      '18.800000609',
    ]);
  });

  it('records the seed and draws the same lot again when ties are left to chance', () => {
    const read = readBlt(fixture('SC.blt'));
    if (!read.ok) throw new Error(read.error.message);
    const first = countMeekStv(read.profile, { seed: 'gp-2005' });
    const again = countMeekStv(read.profile, { seed: 'gp-2005' });
    expect(first.tieBreaks.length).toBeGreaterThan(0);
    expect(first.tieBreaks.every((t) => t.by === 'lot' && t.seed === 'gp-2005')).toBe(true);
    expect(again.tieBreaks).toEqual(first.tieBreaks);
  });
});

describe('nine-place products', () => {
  it.each([
    [1_000_000_000, 1_000_000_000, true, 1_000_000_000],
    [999_999_999, 999_999_999, true, 999_999_999],
    [999_999_999, 999_999_999, false, 999_999_998],
    [1, 1, true, 1],
    [1, 1, false, 0],
    [500_000_000, 3, true, 2],
    [0, 123_456_789, true, 0],
  ])('%i × %i ÷ 10^9 (up: %s) is %i', (a, b, up, product) => {
    expect(multiplyNano(a, b, up)).toBe(product);
  });

  it('agrees with bigint arithmetic on large operands', () => {
    for (const [a, b] of [
      [987_654_321, 123_456_789],
      [1_000_000_000, 777_777_777],
      [314_159_265, 271_828_182],
    ] as const) {
      const exact = BigInt(a) * BigInt(b);
      const up = exact / 1_000_000_000n + (exact % 1_000_000_000n > 0n ? 1n : 0n);
      expect(BigInt(multiplyNano(a, b, true))).toBe(up);
      expect(BigInt(multiplyNano(a, b, false))).toBe(exact / 1_000_000_000n);
    }
  });
});
