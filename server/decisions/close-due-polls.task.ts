// Closes polls whose closing time has passed (recall votes run seven days; any poll may set closesAt).
// A poll is counted by the same closePoll an officer uses, with no viewer: the time is the authority.
// Two processes closing one poll: the second waits on the poll's row lock and finds it closed.
import type { Db } from '../platform/database.ts';
import { AppError } from '../platform/http-errors.ts';
import { closePoll } from './close-poll.ts';
import { duePollIds } from './polls.store.ts';

export async function closeDuePolls(db: Db): Promise<string[]> {
  const closed: string[] = [];
  for (const id of await duePollIds(db)) {
    try {
      await closePoll(db, null, id);
      closed.push(id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'poll-closed')) throw error;
    }
  }
  return closed;
}
