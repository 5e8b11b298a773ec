// Signing in with an email or phone and a password. A miss (unknown login, no password yet, wrong
// password) takes as long as a hit and says the same thing, so the form does not reveal who has an
// account. Repeated attempts are rate-limited at the route.
import { normaliseLogin } from '../../core/members/index.ts';
import type { Db } from '../platform/database.ts';
import { createSession } from '../platform/sessions.ts';
import { findAccountByLogin } from './members.store.ts';
import { membersError } from './members-errors.ts';
import { decoyHash, verifyPassword } from './password-hashing.ts';

export async function logIn(db: Db, rawLogin: string, password: string) {
  const login = normaliseLogin(rawLogin);
  const account = login.ok ? await findAccountByLogin(db, login.login) : undefined;
  const matches = await verifyPassword(password, account?.password_hash ?? (await decoyHash()));
  if (!account?.password_hash || !matches) throw membersError('invalid-credentials', 'password');
  const session = await createSession(db, account.person_id);
  return {
    session,
    person: { id: account.person_id, fullName: account.full_name, isAdmin: account.is_admin },
  };
}
