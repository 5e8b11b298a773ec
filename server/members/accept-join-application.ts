// Accepting a join application creates (or finds) the person, makes them an active member and, when
// they have no password yet, issues an invitation link the secretary can hand over (there may be no
// email). Two officers accepting at once: the application row lock serialises them and the second
// gets `application-decided`, so there is exactly one membership.
import { normaliseLogin } from '../../core/members/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { openDecision } from './decide-join-application.ts';
import { markDecided } from './join-applications.store.ts';
import {
  activateMembership,
  findAccountByLogin,
  insertAccount,
  insertPerson,
  issuePasswordToken,
} from './members.store.ts';
import { recomputeSeatsAfterMembershipChange } from './recompute-seats-after-membership-change.ts';

export interface Acceptance {
  membershipId: string;
  personId: string;
  /** Path of the page where the new member sets a password; null when they already have one. */
  invitationUrl: string | null;
}

export async function acceptJoinApplication(
  db: Db,
  viewer: Viewer,
  applicationId: string,
): Promise<Acceptance> {
  const { councilId, ...acceptance } = await db.transaction().execute(async (tx) => {
    const { application, council } = await openDecision(tx, viewer, applicationId, 'accepted');
    const login = normaliseLogin(application.email ?? application.phone ?? '');
    let personId: string;
    let hasPassword = false;
    const existing = login.ok ? await findAccountByLogin(tx, login.login) : undefined;
    if (existing) {
      // Someone already known (member of another council, say their workplace): same person, new membership.
      personId = existing.person_id;
      hasPassword = existing.password_hash !== null;
    } else {
      personId = await insertPerson(tx, {
        fullName: application.full_name,
        email: application.email,
        phone: application.phone,
        homePlace: application.home_place,
        workPlace: application.work_place,
      });
      if (login.ok) {
        await insertAccount(tx, {
          personId,
          login: login.login,
          kind: login.kind,
          passwordHash: null,
          isAdmin: false,
        });
      }
    }
    const { membershipId } = await activateMembership(tx, council.id, personId);
    const at = new Date();
    await markDecided(tx, application.id, {
      status: 'accepted',
      by: viewer.personId,
      at,
      reason: null,
      personId,
    });
    const token =
      hasPassword || !login.ok ? null : await issuePasswordToken(tx, personId, 'invitation', viewer.personId);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'join-application.accepted',
        actorPersonId: viewer.personId,
        payload: {
          applicationId: application.id,
          reference: application.reference,
          membershipId,
          personId,
          fullName: application.full_name,
        },
      },
      at,
    );
    return {
      councilId: council.id,
      membershipId,
      personId,
      invitationUrl: token ? `/set-password?token=${encodeURIComponent(token)}` : null,
    };
  });
  await recomputeSeatsAfterMembershipChange(db, councilId);
  return acceptance;
}
