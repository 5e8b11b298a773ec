// A secretary (or chair) of a council where the person is an active member issues a one-time link to
// set a new password, to hand over in person or by phone when there is no email.
import { can } from '../../core/federation/index.ts';
import { findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { activeCouncilIdsOf, findAccountOfPerson, issuePasswordToken } from './members.store.ts';
import { membersError } from './members-errors.ts';

export async function issuePasswordReset(db: Db, viewer: Viewer, personId: string): Promise<{ url: string }> {
  return db.transaction().execute(async (tx) => {
    const account = await findAccountOfPerson(tx, personId);
    if (!account) throw membersError('person-not-found');
    for (const councilId of await activeCouncilIdsOf(tx, personId)) {
      const council = await findCouncil(tx, councilId);
      if (!council || !can('issue-password-reset', await loadViewerFacts(tx, viewer, council))) continue;
      const token = await issuePasswordToken(tx, personId, 'reset', viewer.personId);
      await appendLedgerEntry(tx, {
        chainId: council.id,
        kind: 'account.password-reset-issued',
        actorPersonId: viewer.personId,
        payload: { personId },
      });
      return { url: `/set-password?token=${encodeURIComponent(token)}` };
    }
    // Not a leading officer of any council of theirs: indistinguishable from an unknown person.
    throw membersError('person-not-found');
  });
}
