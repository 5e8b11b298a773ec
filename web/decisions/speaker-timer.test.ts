import { describe, expect, it } from 'vitest';
import { clockText, secondsLeft, timerMoment } from './speaker-timer.ts';

describe('secondsLeft', () => {
  const speech = { startedAt: '2026-12-01T10:00:00.000000Z', timeLimitSeconds: 180 };
  it.each([
    ['at the start', '2026-12-01T10:00:00.000000Z', 0, 180],
    ['a minute in', '2026-12-01T10:01:00.000000Z', 0, 120],
    ['a part second rounds up', '2026-12-01T10:01:00.400000Z', 0, 120],
    ['time runs on the device after the fetch', '2026-12-01T10:01:00.000000Z', 30_000, 90],
    ['over time', '2026-12-01T10:03:12.000000Z', 0, -12],
  ])('%s', (_name, serverNow, elapsedMs, expected) => {
    expect(secondsLeft(speech, serverNow, 1_000_000, 1_000_000 + elapsedMs)).toBe(expected);
  });

  it('ignores a device clock that runs backwards', () => {
    expect(secondsLeft(speech, '2026-12-01T10:01:00.000000Z', 5000, 1000)).toBe(120);
  });
});

describe('clockText', () => {
  it.each([
    [180, '3:00'],
    [65, '1:05'],
    [9, '0:09'],
    [0, '0:00'],
    [-12, '+0:12'],
  ])('%i s is %s', (seconds, text) => expect(clockText(seconds)).toBe(text));
});

describe('timerMoment', () => {
  it.each([
    [null, 180, null],
    [180, 179, null],
    [31, 30, 'final-seconds'],
    [45, 20, 'final-seconds'],
    [30, 29, null],
    [1, 0, 'time-up'],
    [40, -3, 'time-up'],
    [0, -1, null],
  ])('%s → %s announces %s', (before, after, moment) => expect(timerMoment(before, after)).toBe(moment));
});
