// Sets a password from a one-time link (invitation after acceptance, or a reset a secretary issued).
// The token row is locked and marked used in the same transaction: one link sets one password.
// Earlier sessions of the person end; a new one begins.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry, INSTANCE_CHAIN } from '../platform/ledger.ts';
import { createSession, destroySessionsOf } from '../platform/sessions.ts';
import { findAccountOfPerson, findUsableToken, markTokenUsed, setPasswordHash } from './members.store.ts';
import { membersError } from './members-errors.ts';
import { hashPassword } from './password-hashing.ts';

export async function setPasswordWithToken(db: Db, token: string, password: string) {
  const hash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const row = await findUsableToken(tx, token, true);
    if (!row) throw membersError('token-invalid', 'token');
    await markTokenUsed(tx, row.token_hash);
    await setPasswordHash(tx, row.person_id, hash);
    await destroySessionsOf(tx, row.person_id);
    await appendLedgerEntry(tx, {
      chainId: INSTANCE_CHAIN,
      kind: 'account.password-set',
      actorPersonId: row.person_id,
      payload: { personId: row.person_id, purpose: row.purpose },
    });
    const account = await findAccountOfPerson(tx, row.person_id);
    const session = await createSession(tx, row.person_id);
    return {
      session,
      person: { id: row.person_id, fullName: row.full_name, isAdmin: account?.is_admin === true },
    };
  });
}
