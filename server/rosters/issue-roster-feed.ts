// A signed-in person makes a calendar feed of their shifts for a phone or desktop calendar, which
// subscribes with no cookie: the feed's URL carries a 256-bit random token, shown once; only its sha256
// is stored. A person may have several feeds (one per device), each revocable. The feed is personal,
// not a council's act: its entry goes to the instance chain, naming the feed, never the token.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry, INSTANCE_CHAIN } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type FeedRow, insertFeed, lockFeed, markFeedRevoked } from './roster-feeds.store.ts';
import { rostersError } from './rosters-errors.ts';

export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const feedTokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function issueRosterFeed(
  db: Db,
  viewer: Viewer,
  label: string,
): Promise<{ feed: FeedRow; token: string }> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (tx) => {
    const feed = await insertFeed(tx, viewer.personId, label, feedTokenHash(token));
    await appendLedgerEntry(tx, {
      chainId: INSTANCE_CHAIN,
      kind: 'roster-feed.issued',
      actorPersonId: viewer.personId,
      payload: { feedId: feed.id },
    });
    return { feed, token };
  });
}

/** Revokes one of the signed-in person's feeds: its URL answers 404 from then on. Lock: the feed row. */
export async function revokeRosterFeed(db: Db, viewer: Viewer, feedId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const feed = await lockFeed(tx, feedId, viewer.personId);
    if (!feed || feed.revoked_at) throw rostersError('feed-not-found', 'id');
    await markFeedRevoked(tx, feed.id);
    await appendLedgerEntry(tx, {
      chainId: INSTANCE_CHAIN,
      kind: 'roster-feed.revoked',
      actorPersonId: viewer.personId,
      payload: { feedId: feed.id },
    });
  });
}
