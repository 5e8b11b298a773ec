// The council's leading officers set its roster's fairness rules and wall clock. They apply to
// sign-ups and cancellations from then on; sign-ups already made stand. Lock: the settings row, by the
// upsert's own row lock (two settings at once: the later commit wins, both are in the ledger).
import type { FairnessSettings } from '../../core/rosters/fairness.ts';
import { isTimeZone } from '../../core/rosters/zoned-time.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeRoster } from './roster-access.ts';
import { loadRosterSettings, saveRosterSettings } from './roster-settings.store.ts';
import { rostersError } from './rosters-errors.ts';

export async function setRosterSettings(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: FairnessSettings,
): Promise<FairnessSettings> {
  return db.transaction().execute(async (tx) => {
    const { council } = await authorizeRoster(tx, viewer, councilId, 'set-roster-settings');
    if (!isTimeZone(input.timeZone)) throw rostersError('time-zone-unknown');
    await saveRosterSettings(tx, council.id, input, viewer.personId);
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'roster.settings-set',
      actorPersonId: viewer.personId,
      payload: { ...input },
    });
    return loadRosterSettings(tx, council.id);
  });
}
