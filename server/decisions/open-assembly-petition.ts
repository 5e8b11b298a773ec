// A member calls for a sitting: the petition proposes its title, time, place and agenda, and the opener's
// is the first signature. The signatures needed are fixed now from the council's share (default 10 %)
// of its members at this instant — a base council's active members, a federated council's seats — so
// later joiners do not move the goal. Members of a base council (delegates on a federated council's roll)
// may petition. The shared work of signing is in sign-assembly-petition.ts.
import { recallSignaturesNeeded } from '../../core/federation/index.ts';
import { databaseInstant, federationError, findCouncil } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { entitledMillis } from './assemblies.store.ts';
import { insertAssemblyPetition, petitionSharePercent } from './assembly-petitions.store.ts';
import { electorateOf } from './assembly-quorum.ts';
import type { AssemblyInput } from './convene-assembly.ts';
import { decisionError } from './decisions-errors.ts';
import { recordPetitionSignature } from './sign-assembly-petition.ts';

export async function openAssemblyPetition(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: Omit<AssemblyInput, 'isExtraordinary' | 'quorum'> & { reason: string },
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const council = await findCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (council.dissolved_at) throw federationError('council-dissolved');
    const at = await databaseInstant(tx);
    if (Date.parse(input.startsAt) <= Date.parse(at)) throw decisionError('starts-in-past', 'startsAt');
    const members = Math.max(
      1,
      Math.round((await entitledMillis(tx, council, electorateOf(council), at)) / 1000),
    );
    const share = await petitionSharePercent(tx, council.id);
    const id = await insertAssemblyPetition(tx, {
      council_id: council.id,
      title: input.title,
      reason: input.reason,
      starts_at: input.startsAt,
      place: input.place,
      online_url: input.onlineUrl,
      agenda: [...input.agenda],
      opened_by: viewer.personId,
      opened_at: at,
      members_at_opening: members,
      share_percent: share,
      signatures_needed: recallSignaturesNeeded(members, share),
    });
    await recordPetitionSignature(tx, viewer, id, 'assembly-petition.opened');
    return id;
  });
}
