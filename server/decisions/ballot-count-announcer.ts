// Live ballot counts for the room: after a ballot commits, the number of ballots cast in its poll (never
// their contents) is pushed to the poll's and the sitting's subscribers — at most twice a second per poll
// and process, so a burst of 1,000 ballots costs a handful of notifications, not 1,000.
import type { DatabaseHandle } from '../platform/database.ts';
import { publishEvent } from '../platform/realtime.ts';
import { countVoters, findPoll } from './polls.store.ts';

const INTERVAL_MS = 500;

export interface BallotCountAnnouncer {
  announce(pollId: string): void;
  /** Drops what is pending (the server is closing). */
  close(): void;
}

export function ballotCountAnnouncer(database: DatabaseHandle): BallotCountAnnouncer {
  const pending = new Map<string, NodeJS.Timeout>();
  return {
    announce(pollId) {
      if (pending.has(pollId)) return;
      const timer = setTimeout(() => {
        pending.delete(pollId);
        publishCount(database, pollId).catch((error: unknown) => {
          process.stderr.write(`cabildo: ballot count for poll ${pollId} not announced: ${String(error)}\n`);
        });
      }, INTERVAL_MS);
      timer.unref();
      pending.set(pollId, timer);
    },
    close() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

async function publishCount(database: DatabaseHandle, pollId: string): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    const poll = await findPoll(tx, pollId);
    if (!poll) return;
    const event = { type: 'ballot-count', data: { pollId, ballotsCast: await countVoters(tx, pollId) } };
    await publishEvent(tx, `poll:${pollId}`, event);
    if (poll.assembly_id) await publishEvent(tx, `assembly:${poll.assembly_id}`, event);
  });
}
