// A leading officer keeps a weekly template of the council's recurring shifts: slots with a weekday,
// local start and end times (on the roster's clock), place, role, places needed, an optional training
// and depot. Names are unique in the council ignoring case (unique index; a concurrent twin gets
// template-name-taken). No lock otherwise: a template changes no shift until it is expanded.
import { checkSlot } from '../../core/rosters/shift-templates.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findDepot } from '../supply/index.ts';
import { authorizeRoster } from './roster-access.ts';
import { isUniqueViolation, rostersError } from './rosters-errors.ts';
import {
  insertTemplate,
  type NewSlot,
  type TemplateRow,
  templateNameTaken,
} from './shift-templates.store.ts';

export interface SlotInput {
  weekday: number;
  startTime: string;
  endTime: string;
  place: string;
  role: string;
  needed: number;
  requiredTraining?: string | null | undefined;
  depotId?: string | null | undefined;
}

export async function createShiftTemplate(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: { name: string; slots: readonly SlotInput[] },
): Promise<TemplateRow> {
  try {
    return await db.transaction().execute(async (tx) => {
      const { council } = await authorizeRoster(tx, viewer, councilId, 'keep-templates');
      const slots: NewSlot[] = [];
      for (const [i, s] of input.slots.entries()) {
        const error = checkSlot(s);
        if (error) throw rostersError(error, `slots.${i}`);
        if (s.depotId && (await findDepot(tx, s.depotId))?.council_id !== council.id)
          throw rostersError('depot-not-found', `slots.${i}.depotId`);
        slots.push({ ...s, requiredTraining: s.requiredTraining ?? null, depotId: s.depotId ?? null });
      }
      if (await templateNameTaken(tx, council.id, input.name)) throw rostersError('template-name-taken');
      const template = await insertTemplate(tx, council.id, input.name, slots, viewer.personId);
      await appendLedgerEntry(tx, {
        chainId: council.id,
        kind: 'shift-template.created',
        actorPersonId: viewer.personId,
        payload: { templateId: template.id, name: template.name, slots: template.slots },
      });
      return template;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw rostersError('template-name-taken');
    throw error;
  }
}
