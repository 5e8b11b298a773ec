// Sessions: a random token in an httpOnly SameSite=Lax cookie; the database keeps only its sha256, the
// person, and the CSRF token bound to it. Sessions last 30 days and end at logout.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type BatchQueue, createBatchQueue } from './batch-queue.ts';
import { newCsrfToken } from './csrf.ts';
import type { Db } from './database.ts';

export const SESSION_COOKIE = 'cabildo_session';
export const SESSION_DAYS = 30;

export interface Viewer {
  personId: string;
  fullName: string;
  isAdmin: boolean;
  csrfToken: string;
  sessionHash: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, personId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = newCsrfToken();
  await sql`insert into sessions (token_hash, person_id, csrf_token, expires_at)
            values (${hashToken(token)}, ${personId}, ${csrfToken}, now() + make_interval(days => ${SESSION_DAYS}))`.execute(
    db,
  );
  return { token, csrfToken };
}

// Resolved sessions are kept for a few seconds, so a burst of requests (a sitting voting at once) costs
// one lookup per person, not one per request. Logout and password changes in this process drop the
// entry at once; another process behind the same database may honour an ended session for at most
// SESSION_CACHE_MS. Bounded: the oldest entries go first.
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 20_000;
const resolved = new Map<string, { viewer: Viewer; until: number }>();

function remember(viewer: Viewer): void {
  if (resolved.size >= SESSION_CACHE_MAX) {
    const oldest = resolved.keys().next().value;
    if (oldest !== undefined) resolved.delete(oldest);
  }
  resolved.set(viewer.sessionHash, { viewer, until: Date.now() + SESSION_CACHE_MS });
}

export async function resolveSession(db: Db, token: string): Promise<Viewer | null> {
  if (token.length > 100) return null;
  const hash = hashToken(token);
  const cached = resolved.get(hash);
  if (cached && cached.until > Date.now()) return cached.viewer;
  if (cached) resolved.delete(hash);
  const found = await sessionLookups(db).push(hash);
  if (!found) return null;
  const viewer = { ...found, sessionHash: hash };
  remember(viewer);
  return viewer;
}

type FoundSession = Omit<Viewer, 'sessionHash'>;

// Cache misses that arrive together (a sitting opening its vote) are looked up in one query.
const lookups = new WeakMap<Db, BatchQueue<string, FoundSession | null>>();

function sessionLookups(db: Db): BatchQueue<string, FoundSession | null> {
  let queue = lookups.get(db);
  if (!queue) {
    queue = createBatchQueue({ run: (hashes) => findSessions(db, hashes), maxBatch: 256, maxInFlight: 2 });
    lookups.set(db, queue);
  }
  return queue;
}

async function findSessions(db: Db, hashes: string[]): Promise<Array<FoundSession | null>> {
  const { rows } = await sql<{
    token_hash: string;
    person_id: string;
    full_name: string;
    is_admin: boolean | null;
    csrf_token: string;
  }>`
    select s.token_hash, s.person_id, p.full_name, a.is_admin, s.csrf_token
      from sessions s join persons p on p.id = s.person_id left join accounts a on a.person_id = s.person_id
     where s.token_hash = any(${hashes}::text[]) and s.expires_at > now()`.execute(db);
  const byHash = new Map(rows.map((r) => [r.token_hash, r]));
  return hashes.map((h) => {
    const row = byHash.get(h);
    return row
      ? {
          personId: row.person_id,
          fullName: row.full_name,
          isAdmin: row.is_admin === true,
          csrfToken: row.csrf_token,
        }
      : null;
  });
}

export async function destroySession(db: Db, sessionHash: string): Promise<void> {
  resolved.delete(sessionHash);
  await sql`delete from sessions where token_hash = ${sessionHash}`.execute(db);
}

/** Ends every session of a person (after a password change by reset link). */
export async function destroySessionsOf(db: Db, personId: string): Promise<void> {
  for (const [hash, entry] of resolved) if (entry.viewer.personId === personId) resolved.delete(hash);
  await sql`delete from sessions where person_id = ${personId}`.execute(db);
}
