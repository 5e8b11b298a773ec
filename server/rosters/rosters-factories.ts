// Factories for the rosters tests: a base council with its secretary and members, and shifts defined
// through the product's use case at times relative to now.
import type { Db } from '../platform/database.ts';
import { buildCouncil, buildMember, buildOfficer, viewerOf } from '../test-factories.ts';
import { type DefineShiftInput, defineShift } from './define-shift.ts';

export const HOUR_MS = 3_600_000;
export const inHours = (h: number) => new Date(Date.now() + h * HOUR_MS).toISOString();

export async function buildRosterCouncil(db: Db, members = 3) {
  const councilId = await buildCouncil(db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(db, councilId, 'secretary');
  const people = [];
  for (let i = 0; i < members; i++) people.push(await buildMember(db, councilId));
  return { councilId, secretary, officer: viewerOf(secretary.personId), members: people };
}

/** A shift of `councilId` starting `startsInHours` from now and lasting `hours`. */
export async function buildShift(
  db: Db,
  officerId: string,
  councilId: string,
  startsInHours = 48,
  hours = 4,
  overrides: Partial<DefineShiftInput> = {},
) {
  return defineShift(db, viewerOf(officerId), councilId, {
    place: 'Comedor popular, Calle 3',
    role: 'cook',
    startsAt: inHours(startsInHours),
    endsAt: inHours(startsInHours + hours),
    needed: 2,
    ...overrides,
  });
}
