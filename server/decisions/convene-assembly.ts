// A council's officer (secretary or chair) convenes a sitting: title, when, where (a place, an online
// link, or both), the quorum its statute sets, and the agenda. An ordinary sitting needs two days'
// notice; an extraordinary one may be called at any notice and says so.
import { mayDecide, ORDINARY_NOTICE_HOURS, type QuorumRule } from '../../core/decisions/index.ts';
import { databaseInstant, federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { insertAgendaItems, insertAssembly } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';

export interface AssemblyInput {
  title: string;
  startsAt: string;
  isExtraordinary: boolean;
  place: string | null;
  onlineUrl: string | null;
  quorum: QuorumRule;
  agenda: ReadonlyArray<{ title: string; notes: string | null }>;
}

export async function conveneAssembly(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: AssemblyInput,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const council = await findCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (council.dissolved_at) throw federationError('council-dissolved');
    if (!mayDecide('convene-assembly', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    const at = await databaseInstant(tx);
    const noticeMs = Date.parse(input.startsAt) - Date.parse(at);
    if (noticeMs < -60_000) throw decisionError('starts-in-past', 'startsAt');
    if (!input.isExtraordinary && noticeMs < ORDINARY_NOTICE_HOURS * 3_600_000)
      throw decisionError('notice-too-short', 'startsAt');
    const id = await insertAssembly(tx, {
      councilId,
      title: input.title,
      place: input.place,
      onlineUrl: input.onlineUrl,
      startsAt: input.startsAt,
      isExtraordinary: input.isExtraordinary,
      convenedAt: at,
      convenedBy: viewer.personId,
      quorum: input.quorum,
    });
    await insertAgendaItems(tx, id, input.agenda);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'assembly.convened',
        actorPersonId: viewer.personId,
        payload: { assemblyId: id, ...input, agenda: [...input.agenda] },
      },
      new Date(at),
    );
    return id;
  });
}
