// The seal of a closed poll (ADR 0005): digests of who took part and of the published ballots, written
// into the closing ledger entry. Recomputing them later and comparing says whether any voter row or
// ballot was edited after closing. Digests are sha256 over RFC 8785 canonical JSON (the ledger's own).
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';
import { digestPayload } from '../platform/ledger.ts';
import { ballotsOfPoll, type PollRow, voterKeysOfPoll } from './polls.store.ts';

export interface PollSeal {
  voters: number;
  votersDigest: string;
  ballots: number;
  ballotsDigest: string;
}

export async function computePollSeal(db: Db, poll: Pick<PollRow, 'id' | 'secrecy'>): Promise<PollSeal> {
  const voters = await voterKeysOfPoll(db, poll.id);
  const ballots = (await ballotsOfPoll(db, poll)).map((b) => ({
    receiptCode: b.receipt_code,
    contents: b.contents,
    weightMillis: b.weight_millis,
    baseCouncilId: b.base_council_id,
  }));
  return {
    voters: voters.length,
    votersDigest: digestPayload(voters),
    ballots: ballots.length,
    ballotsDigest: digestPayload(ballots),
  };
}

/** The seal written when the poll closed, read back from its council's ledger. */
export async function recordedPollSeal(
  db: Db,
  poll: Pick<PollRow, 'id' | 'council_id'>,
): Promise<PollSeal | null> {
  const { rows } = await sql<{ payload: { seal?: PollSeal } }>`
    select payload from ledger_entries
     where chain_id = ${poll.council_id} and kind = 'poll.closed' and payload->>'pollId' = ${poll.id}
     order by seq desc limit 1`.execute(db);
  return rows[0]?.payload.seal ?? null;
}
