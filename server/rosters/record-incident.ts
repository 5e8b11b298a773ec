// The shift's lead records an incident in the shift's log, read by the council's officers and the lead.
// The log is append-only (no edit, no delete): a correction is a new entry. No lock: an entry changes
// no count, and shifts' leads are fixed when the shift is defined.

import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type IncidentRow, insertIncident } from './incidents.store.ts';
import { authorizeRoster } from './roster-access.ts';
import { rostersError } from './rosters-errors.ts';
import { findShift } from './shifts.store.ts';

export async function recordIncident(
  db: Db,
  viewer: Viewer,
  shiftId: string,
  input: { text: string; occurredAt?: string | null | undefined },
): Promise<IncidentRow> {
  return db.transaction().execute(async (tx) => {
    const shift = await findShift(tx, shiftId);
    if (!shift) throw rostersError('shift-not-found', 'id');
    await authorizeRoster(tx, viewer, shift.council_id, 'record-incident', {
      field: 'id',
      leadPersonId: shift.lead_person_id,
    });
    if (input.occurredAt && Date.parse(input.occurredAt) > Date.parse(await databaseInstant(tx)))
      throw rostersError('occurred-in-future');
    const incident = await insertIncident(
      tx,
      shift,
      viewer.personId,
      input.text,
      input.occurredAt ? new Date(input.occurredAt).toISOString() : null,
    );
    // The text stays in the log (officers only); the ledger, readable by members, names the entry.
    await appendLedgerEntry(tx, {
      chainId: shift.council_id,
      kind: 'shift.incident-recorded',
      actorPersonId: viewer.personId,
      payload: { shiftId: shift.id, incidentId: incident.id, occurredAt: incident.occurred_at },
    });
    return incident;
  });
}
