// The only file of calendar feed tokens that runs SQL. Only the sha256 of a token is stored.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface FeedRow {
  id: string;
  person_id: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

const feedColumns = sql`id, person_id, label, ${isoUs(sql`created_at`)} as created_at,
  ${isoUs(sql`revoked_at`)} as revoked_at`;

export async function insertFeed(
  tx: Db,
  personId: string,
  label: string,
  tokenHash: string,
): Promise<FeedRow> {
  return (
    await sql<FeedRow>`
      insert into roster_feed_tokens (person_id, label, token_hash) values (${personId}, ${label}, ${tokenHash})
      returning ${feedColumns}`.execute(tx)
  ).rows[0]!;
}

export async function feedsOf(db: Db, personId: string): Promise<FeedRow[]> {
  return (
    await sql<FeedRow>`
      select ${feedColumns} from roster_feed_tokens where person_id = ${personId}
       order by created_at desc limit 100`.execute(db)
  ).rows;
}

/** Locks the person's feed row (a revocation once). */
export async function lockFeed(tx: Db, id: string, personId: string): Promise<FeedRow | undefined> {
  return (
    await sql<FeedRow>`
      select ${feedColumns} from roster_feed_tokens where id = ${id} and person_id = ${personId} for update`.execute(
      tx,
    )
  ).rows[0];
}

export async function markFeedRevoked(tx: Db, id: string): Promise<void> {
  await sql`update roster_feed_tokens set revoked_at = now() where id = ${id}`.execute(tx);
}

/** The live feed a token opens, with its person's name. */
export async function liveFeedByHash(
  db: Db,
  tokenHash: string,
): Promise<(FeedRow & { full_name: string }) | undefined> {
  return (
    await sql<FeedRow & { full_name: string }>`
      select f.id, f.person_id, f.label, p.full_name, ${isoUs(sql`f.created_at`)} as created_at, null as revoked_at
        from roster_feed_tokens f join persons p on p.id = f.person_id
       where f.token_hash = ${tokenHash} and f.revoked_at is null`.execute(db)
  ).rows[0];
}
