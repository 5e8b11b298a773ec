// Reader for approval cast-vote records in JSON as approval.vote publishes them: an array of papers,
// each an object whose `vote_1`, `vote_2`, … fields name the approved candidates (other fields, such
// as the `tracking` code, are ignored). Candidates are numbered in order of first appearance. A
// malformed record yields `{ ok: false, error: { line, message } }`, where `line` is the 1-based index
// of the paper in the array (0 for the file as a whole); it never throws.
import type { BallotProfile, RankedBallot } from './tally.ts';

export type ApprovalCvrResult =
  | { ok: true; profile: BallotProfile; warnings: string[] }
  | { ok: false; error: { line: number; message: string } };

const VOTE_FIELD = /^vote_(\d+)$/;

export function readApprovalCvr(
  input: Uint8Array | string,
  options: { title?: string; seats?: number } = {},
): ApprovalCvrResult {
  let records: unknown;
  try {
    records = JSON.parse(typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input));
  } catch (error) {
    return {
      ok: false,
      error: { line: 0, message: `not JSON: ${error instanceof Error ? error.message : error}` },
    };
  }
  if (!Array.isArray(records))
    return { ok: false, error: { line: 0, message: 'expected an array of papers' } };

  const candidates: string[] = [];
  const index = new Map<string, number>();
  const ballots: RankedBallot[] = [];
  for (let k = 0; k < records.length; k++) {
    const record: unknown = records[k];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return {
        ok: false,
        error: { line: k + 1, message: 'expected an object with vote_1, vote_2, … fields' },
      };
    }
    const marks: { order: number; name: string }[] = [];
    for (const [field, value] of Object.entries(record)) {
      const match = VOTE_FIELD.exec(field);
      if (!match) continue;
      if (typeof value !== 'string' || value.trim() === '') {
        return { ok: false, error: { line: k + 1, message: `${field} must name a candidate` } };
      }
      marks.push({ order: Number(match[1]), name: value.trim() });
    }
    marks.sort((a, b) => a.order - b.order);
    const ranks = marks.map(({ name }) => {
      let c = index.get(name);
      if (c === undefined) {
        c = candidates.length;
        candidates.push(name);
        index.set(name, c);
      }
      return [c];
    });
    ballots.push({ weight: 1, ranks });
  }
  return {
    ok: true,
    profile: { title: options.title ?? '', seats: options.seats ?? 1, candidates, withdrawn: [], ballots },
    warnings: [],
  };
}
