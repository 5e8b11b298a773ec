// An officer defines a shift of the council: place, role, start and end, places needed, an optional
// required training and lead, optionally tied to one of the council's depots or distribution rounds.
// The leading officers define any shift; the distribution officers those tied to a depot or a round
// (core/rosters/permissions.ts). No lock: a new shift has no sign-ups to count yet.
import { activeMembersAmong } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findDepot, findRound } from '../supply/index.ts';
import { authorizeRoster } from './roster-access.ts';
import { rostersError } from './rosters-errors.ts';
import { insertShift, type ShiftRow } from './shifts.store.ts';

export interface DefineShiftInput {
  place: string;
  role: string;
  startsAt: string;
  endsAt: string;
  needed: number;
  requiredTraining?: string | null | undefined;
  depotId?: string | null | undefined;
  distributionRoundId?: string | null | undefined;
  leadPersonId?: string | null | undefined;
}

const DAY_MS = 86_400_000;

/** The checks a shift's times and ties must pass; shared with template expansion. */
export async function checkShiftFacts(
  db: Db,
  councilId: string,
  input: Pick<DefineShiftInput, 'startsAt' | 'endsAt' | 'depotId' | 'distributionRoundId' | 'leadPersonId'>,
): Promise<void> {
  const starts = Date.parse(input.startsAt);
  const ends = Date.parse(input.endsAt);
  if (!(ends > starts)) throw rostersError('ends-before-starts');
  if (ends - starts > DAY_MS) throw rostersError('shift-too-long');
  if (input.depotId && (await findDepot(db, input.depotId))?.council_id !== councilId)
    throw rostersError('depot-not-found');
  if (input.distributionRoundId && (await findRound(db, input.distributionRoundId))?.council_id !== councilId)
    throw rostersError('round-not-found');
  if (
    input.leadPersonId &&
    !(await activeMembersAmong(db, councilId, [input.leadPersonId])).has(input.leadPersonId)
  )
    throw rostersError('lead-not-member');
}

export async function defineShift(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: DefineShiftInput,
): Promise<ShiftRow> {
  return db.transaction().execute(async (tx) => {
    const tied = Boolean(input.depotId || input.distributionRoundId);
    const { council } = await authorizeRoster(
      tx,
      viewer,
      councilId,
      tied ? 'define-distribution-shift' : 'define-shift',
    );
    await checkShiftFacts(tx, council.id, input);
    const shift = (await insertShift(
      tx,
      {
        councilId: council.id,
        place: input.place,
        role: input.role,
        startsAt: new Date(input.startsAt).toISOString(),
        endsAt: new Date(input.endsAt).toISOString(),
        needed: input.needed,
        requiredTraining: input.requiredTraining ?? null,
        depotId: input.depotId ?? null,
        distributionRoundId: input.distributionRoundId ?? null,
        leadPersonId: input.leadPersonId ?? null,
        templateSlotId: null,
      },
      viewer.personId,
    ))!;
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'shift.defined',
      actorPersonId: viewer.personId,
      payload: {
        shiftId: shift.id,
        place: shift.place,
        role: shift.role,
        startsAt: shift.starts_at,
        endsAt: shift.ends_at,
        needed: shift.needed,
        requiredTraining: shift.required_training,
        depotId: shift.depot_id,
        distributionRoundId: shift.distribution_round_id,
        leadPersonId: shift.lead_person_id,
      },
    });
    return shift;
  });
}
