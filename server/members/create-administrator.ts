// The instance administrator builds the federation tree (creates top-level councils, appoints first
// officers); it reads no personal data. `onlyIfFirst` is the setup page: it succeeds only while no
// account exists, checked under a lock so two first visitors cannot both become administrator.
import { sql } from 'kysely';
import { normaliseLogin } from '../../core/members/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry, INSTANCE_CHAIN } from '../platform/ledger.ts';
import { anyAccountExists, insertAccount, insertPerson } from './members.store.ts';
import { membersError } from './members-errors.ts';
import { hashPassword } from './password-hashing.ts';

const SETUP_LOCK_KEY = 4_240_002;

export async function createAdministrator(
  db: Db,
  input: { fullName: string; login: string; password: string },
  options: { onlyIfFirst: boolean },
): Promise<{ personId: string; fullName: string }> {
  const login = normaliseLogin(input.login);
  if (!login.ok) throw membersError('login-invalid', 'login');
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`.execute(tx);
    if (options.onlyIfFirst && (await anyAccountExists(tx))) throw membersError('setup-done');
    const personId = await insertPerson(tx, {
      fullName: input.fullName,
      email: login.kind === 'email' ? login.login : null,
      phone: login.kind === 'phone' ? login.login : null,
      homePlace: null,
      workPlace: null,
    });
    const inserted = await insertAccount(tx, {
      personId,
      login: login.login,
      kind: login.kind,
      passwordHash: hash,
      isAdmin: true,
    });
    if (!inserted) throw membersError('login-taken', 'login');
    await appendLedgerEntry(tx, {
      chainId: INSTANCE_CHAIN,
      kind: 'account.administrator-created',
      actorPersonId: null,
      payload: { personId, fullName: input.fullName },
    });
    return { personId, fullName: input.fullName };
  });
}
