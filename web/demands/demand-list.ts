// Pure helpers of the demands pages: a typed list turned into demands (one a line), proposals grouped by
// the batch one vote decides, the status changes the table allows next, and the progress bar's shares.
import {
  DEMAND_TRANSITIONS,
  isListed,
  LISTED_STATUSES,
  type ListedStatus,
} from '../../core/actions/demand-status.ts';
import type { Demand, DemandProgress, DemandStatus } from './demands-types.ts';

/** The most demands one vote adopts (server/actions/demands.schema.ts). */
export const MAX_DEMANDS_PER_BATCH = 200;
/** The longest text of one demand. */
export const MAX_DEMAND_TEXT = 4000;

/** A list marker typed or pasted before a point: "1.", "2)", "3 -", "-", "•", "*". */
const MARKER = /^(?:\d{1,3}\s*[.)-]|[-•*])\s+/;

/** The demands of a typed list, one a line: blank lines dropped, spaces trimmed, list markers removed. */
export function demandLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(MARKER, '').trim())
    .filter((line) => line.length > 0);
}

export interface PendingBatch {
  batchId: string;
  /** The vote on it, once opened. */
  pollId: string | null;
  proposedAt: string;
  demands: Demand[];
}

/** Proposed demands grouped by batch (the demands one vote decides), in the order they came. */
export function pendingBatches(demands: readonly Demand[]): PendingBatch[] {
  const batches = new Map<string, PendingBatch>();
  for (const demand of demands) {
    if (demand.status !== 'proposed') continue;
    const batch = batches.get(demand.batchId);
    if (batch) {
      batch.demands.push(demand);
      batch.pollId ??= demand.pollId;
    } else {
      batches.set(demand.batchId, {
        batchId: demand.batchId,
        pollId: demand.pollId,
        proposedAt: demand.proposedAt,
        demands: [demand],
      });
    }
  }
  return [...batches.values()];
}

/** The statuses an officer may move a demand to from `status` (none while proposed, rejected or met). */
export function nextStatuses(status: DemandStatus): readonly ListedStatus[] {
  return isListed(status) ? DEMAND_TRANSITIONS[status] : [];
}

/** The progress bar's parts: each listed status with demands, its count and its share in percent. */
export function progressShares(
  progress: DemandProgress,
): Array<{ status: ListedStatus; count: number; percent: number }> {
  if (progress.total === 0) return [];
  return LISTED_STATUSES.filter((status) => progress[status] > 0).map((status) => ({
    status,
    count: progress[status],
    percent: (progress[status] / progress.total) * 100,
  }));
}

/** The badge tone of a status; its words say it too (colour is never the only sign). */
export const STATUS_TONE: Record<DemandStatus, 'neutral' | 'accent' | 'warning' | 'success' | 'danger'> = {
  proposed: 'neutral',
  raised: 'accent',
  'in-negotiation': 'warning',
  'partly-met': 'warning',
  met: 'success',
  refused: 'danger',
  rejected: 'danger',
};

/** Today in the reader's own calendar (YYYY-MM-DD), not UTC's: the latest day an answer may bear. */
export function readerToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export { LISTED_STATUSES };
