// A leading officer expands a weekly template into the council's shifts for a range of local dates (at
// most 92 days), on the roster's clock and DST-correct (core/rosters/shift-templates.ts). Idempotent:
// a slot already expanded at that instant makes nothing new (unique index shifts_from_slot_once, insert
// … on conflict do nothing), so expanding overlapping ranges, or twice at once, never doubles a shift.
import { checkRange, expandTemplate } from '../../core/rosters/shift-templates.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeRoster } from './roster-access.ts';
import { loadRosterSettings } from './roster-settings.store.ts';
import { rostersError } from './rosters-errors.ts';
import { findTemplate } from './shift-templates.store.ts';
import { insertShift, type ShiftRow } from './shifts.store.ts';

export async function expandShiftTemplate(
  db: Db,
  viewer: Viewer,
  templateId: string,
  range: { from: string; to: string },
): Promise<{ created: ShiftRow[]; alreadyThere: number }> {
  const rangeError = checkRange(range.from, range.to);
  if (rangeError) throw rostersError(rangeError);
  return db.transaction().execute(async (tx) => {
    const template = await findTemplate(tx, templateId);
    if (!template) throw rostersError('template-not-found', 'id');
    const { council } = await authorizeRoster(tx, viewer, template.council_id, 'keep-templates', {
      field: 'id',
    });
    const { timeZone } = await loadRosterSettings(tx, council.id);
    const planned = expandTemplate(
      template.slots.map((s) => ({ ...s, weekday: s.weekday, startTime: s.start_time, endTime: s.end_time })),
      range.from,
      range.to,
      timeZone,
    );
    const created: ShiftRow[] = [];
    for (const p of planned) {
      const shift = await insertShift(
        tx,
        {
          councilId: council.id,
          place: p.slot.place,
          role: p.slot.role,
          startsAt: new Date(p.startsAt).toISOString(),
          endsAt: new Date(p.endsAt).toISOString(),
          needed: p.slot.needed,
          requiredTraining: p.slot.required_training,
          depotId: p.slot.depot_id,
          distributionRoundId: null,
          leadPersonId: null,
          templateSlotId: p.slot.id,
        },
        viewer.personId,
      );
      if (shift) created.push(shift);
    }
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'shift-template.expanded',
      actorPersonId: viewer.personId,
      payload: {
        templateId: template.id,
        from: range.from,
        to: range.to,
        shiftIds: created.map((s) => s.id),
      },
    });
    return { created, alreadyThere: planned.length - created.length };
  });
}
