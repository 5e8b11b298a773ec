// The identity document of a household's head is never stored: a keyed hash of it is, so that the same
// document registered in two councils is found without anyone — the officers, the administrator, a copy
// of the database without this instance's secret — being able to read or guess it back from a list of
// likely numbers (a plain hash of a 7-digit number falls to a dictionary in seconds; an HMAC under a
// 32-byte secret does not).
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../platform/database.ts';
import { identitySecret, insertIdentitySecret } from './households.store.ts';

const SECRET_NAME = 'household-identity';

/** "CI 4.567.890-LP" and "ci 4567890 lp" are one document: letters and digits only, upper case. */
export function normaliseIdentityDocument(document: string): string {
  return document
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const secrets = new WeakMap<Db, Buffer>();

/** This instance's secret, made once (insert … on conflict do nothing: two first callers agree). */
async function secretOf(db: Db): Promise<Buffer> {
  const known = secrets.get(db);
  if (known) return known;
  let secret = await identitySecret(db, SECRET_NAME);
  if (!secret) {
    await insertIdentitySecret(db, SECRET_NAME, randomBytes(32));
    secret = await identitySecret(db, SECRET_NAME);
  }
  if (!secret) throw new Error('household identity secret could not be created');
  secrets.set(db, secret);
  return secret;
}

export async function identityHashOf(db: Db, document: string): Promise<Buffer> {
  return createHmac('sha256', await secretOf(db))
    .update(normaliseIdentityDocument(document))
    .digest();
}
