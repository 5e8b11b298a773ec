// The roster's concurrency invariants, proven by racing sign-ups (on PGlite and on the PostgreSQL
// server with TEST_DATABASE_URL): two sign-ups for the last place — one wins; one person's overlapping
// sign-ups at once — at most one wins; the weekly hours cap holds under concurrent sign-ups.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../platform/http-errors.ts';
import { verifyLedger } from '../platform/ledger.ts';
import { buildMember, startTestServer, type TestServer, viewerOf } from '../test-factories.ts';
import { buildRosterCouncil, buildShift, HOUR_MS } from './rosters-factories.ts';
import { setRosterSettings } from './set-roster-settings.ts';
import { signUpForShift } from './sign-up-for-shift.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

const liveSignUps = async (shiftIds: string[]) =>
  (
    await sql<{ n: number }>`
      select count(*)::int as n from shift_sign_ups where shift_id = any(${shiftIds}::uuid[]) and cancelled_at is null`.execute(
      s.db,
    )
  ).rows[0]!.n;

function outcome(results: PromiseSettledResult<unknown>[]) {
  const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
  return { won: results.filter((r) => r.status === 'fulfilled').length, codes };
}

describe('racing sign-ups', () => {
  it('gives the last place to exactly one of 20 members signing up at once', async () => {
    const c = await buildRosterCouncil(s.db, 0);
    const members = await Promise.all(Array.from({ length: 20 }, () => buildMember(s.db, c.councilId)));
    const shift = await buildShift(s.db, c.secretary.personId, c.councilId, 30, 4, { needed: 1 });
    const results = await Promise.allSettled(
      members.map((m) => signUpForShift(s.db, viewerOf(m.personId), shift.id)),
    );
    const { won, codes } = outcome(results);
    expect(won).toBe(1);
    expect(new Set(codes)).toEqual(new Set(['shift-full']));
    expect(await liveSignUps([shift.id])).toBe(1);
  });

  it('fills exactly the places there are when 20 members race for 3', async () => {
    const c = await buildRosterCouncil(s.db, 0);
    const members = await Promise.all(Array.from({ length: 20 }, () => buildMember(s.db, c.councilId)));
    const shift = await buildShift(s.db, c.secretary.personId, c.councilId, 30, 4, { needed: 3 });
    const { won, codes } = outcome(
      await Promise.allSettled(members.map((m) => signUpForShift(s.db, viewerOf(m.personId), shift.id))),
    );
    expect(won).toBe(3);
    expect(codes).toHaveLength(17);
    expect(await liveSignUps([shift.id])).toBe(3);
  });

  it('lets one member win at most one of 10 overlapping shifts signed up for at once', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const me = viewerOf(c.members[0]!.personId);
    const shifts = [];
    // Each starts 10 minutes after the previous and lasts two hours: every pair overlaps.
    for (let i = 0; i < 10; i++)
      shifts.push(await buildShift(s.db, c.secretary.personId, c.councilId, 30 + i / 6, 2, { needed: 5 }));
    const { won, codes } = outcome(
      await Promise.allSettled(shifts.map((sh) => signUpForShift(s.db, me, sh.id))),
    );
    expect(won).toBe(1);
    expect(new Set(codes)).toEqual(new Set(['overlapping-shift']));
    expect(await liveSignUps(shifts.map((sh) => sh.id))).toBe(1);
  });

  it('holds the weekly hours cap when a member signs up for a week’s shifts at once', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const me = viewerOf(c.members[0]!.personId);
    await setRosterSettings(s.db, c.officer, c.councilId, {
      timeZone: 'UTC',
      maxHoursPerWeek: 8,
      nightWeightPercent: 100,
      horizonDays: 60,
      cancellationWindowHours: 24,
    });
    // Monday 08:00 UTC two weeks from now, then four hours a day to Friday: 20 hours, 8 allowed.
    const now = new Date();
    const monday = Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate() + 14 - ((now.getUTCDay() + 6) % 7),
      8,
    );
    const shifts = [];
    for (let d = 0; d < 5; d++) {
      const startsInHours = (monday + d * 24 * HOUR_MS - Date.now()) / HOUR_MS;
      shifts.push(await buildShift(s.db, c.secretary.personId, c.councilId, startsInHours, 4));
    }
    const { won, codes } = outcome(
      await Promise.allSettled(shifts.map((sh) => signUpForShift(s.db, me, sh.id))),
    );
    expect(won).toBe(2);
    expect(new Set(codes)).toEqual(new Set(['weekly-hours-exceeded']));
    expect(await liveSignUps(shifts.map((sh) => sh.id))).toBe(2);
  });
});
