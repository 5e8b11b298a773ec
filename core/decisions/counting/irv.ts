// Instant-runoff (single seat): count each paper for its highest-ranked continuing candidate; while no
// one has more than half of the papers still in the count, exclude the weakest and move their papers
// on. The settings that real jurisdictions differ on are options; defaults follow the plain rule with
// equal rankings treated as overvotes. Papers are aggregated (weight = identical papers), all integer.
import { createLot, DEFAULT_SEED } from './drawing-lots.ts';
import { type BallotRules, type InactiveCause, isBlank, readOn } from './irv-ballot-rules.ts';
import { chooseExclusion, type TieBreakPolicy } from './irv-elimination.ts';
import type { BallotProfile, CandidateStatus, Tally, TallyRound, TieBreak } from './tally.ts';

export interface IrvOptions {
  /** IRV fills one seat; anything else is refused. */
  seats?: 1;
  /** Seed for the lot when a tie is left to chance. */
  seed?: string;
  /** What an overvoted rank does to the paper: it leaves the count ('exhaust', default) or is passed over. */
  overvote?: 'exhaust' | 'skip';
  /** Most blank ranks in a row before a later mark (more: the paper leaves the count); null (default) = any. */
  skippedRankLimit?: number | null;
  /** A candidate ranked again: passed over ('skip', default) or the paper leaves the count. */
  duplicates?: 'skip' | 'exhaust';
  /** Exclude at once every lowest candidate who together cannot overtake the next one (default false). */
  batchElimination?: boolean;
  /** Tie for fewest votes: earlier stages newest first ('backwards', default) or oldest first, then lot; or lot. */
  tieBreak?: TieBreakPolicy;
  /** Keep excluding until two remain, even after someone has a majority (default false). */
  continueUntilTwo?: boolean;
}

const CAUSES: readonly InactiveCause[] = ['overvote', 'skippedRanks', 'duplicate', 'noFurtherPreference'];
const CAUSE_WORDS: Record<InactiveCause, string> = {
  overvote: 'reached an overvote',
  skippedRanks: 'skipped too many ranks',
  duplicate: 'ranked a candidate again',
  noFurtherPreference: 'have no further continuing preference',
};

export function countIrv(profile: BallotProfile, options: IrvOptions = {}): Tally {
  if (options.seats !== undefined && options.seats !== 1) {
    throw new RangeError(`IRV fills one seat; use STV for ${options.seats}`);
  }
  const rules: BallotRules = {
    overvote: options.overvote ?? 'exhaust',
    skippedRankLimit: options.skippedRankLimit ?? null,
    duplicates: options.duplicates ?? 'skip',
  };
  const lot = createLot(options.seed ?? DEFAULT_SEED);
  const names = profile.candidates;
  const n = names.length;
  const withdrawn = new Set(profile.withdrawn);
  const status: CandidateStatus[] = names.map((_, c) => (withdrawn.has(c) ? 'withdrawn' : 'continuing'));
  const isContinuing = (c: number) => c >= 0 && c < n && status[c] === 'continuing';

  // Each paper sits in the pile of the candidate it counts for; only excluded piles are re-read.
  const ballots = profile.ballots;
  const at = new Int32Array(ballots.length);
  const lastMarked = new Int32Array(ballots.length);
  const piles: number[][] = names.map(() => []);
  const totals = new Array<number>(n).fill(0);
  const inactive: Record<InactiveCause, number> = {
    overvote: 0,
    skippedRanks: 0,
    duplicate: 0,
    noFurtherPreference: 0,
  };
  let blank = 0;
  let valid = 0;

  const place = (b: number, from: number, last: number): number => {
    const ballot = ballots[b]!;
    const found = readOn(ballot, from, last, isContinuing, rules);
    lastMarked[b] = found.lastMarked;
    if ('candidate' in found) {
      at[b] = found.rank;
      piles[found.candidate]!.push(b);
      totals[found.candidate]! += ballot.weight;
      return found.candidate;
    }
    inactive[found.inactive] += ballot.weight;
    return -1;
  };

  ballots.forEach((ballot, b) => {
    if (isBlank(ballot)) {
      blank += ballot.weight;
      return;
    }
    valid += ballot.weight;
    place(b, 0, -1);
  });

  const rounds: TallyRound[] = [];
  const totalsByStage: number[][] = [];
  const tieBreaks: TieBreak[] = [];
  const elected: number[] = [];
  const exhaustedNow = () => CAUSES.reduce((sum, cause) => sum + inactive[cause], 0);

  const record = (
    action: TallyRound['action'],
    subjects: number[],
    before: number[] | null,
    notes: string[],
  ) => {
    const stage = rounds.length + 1;
    const active = totals.reduce((sum, t, c) => (status[c] === 'continuing' ? sum + t : sum), 0);
    const round: TallyRound = {
      stage,
      action,
      subjects,
      totals: totals.map(String),
      exhausted: String(exhaustedNow()),
      elected: [],
      excluded: action === 'exclusion' ? [...subjects] : [],
      statuses: [...status],
      notes,
      quota: String(Math.floor(active / 2) + 1),
      inactive: {
        overvote: String(inactive.overvote),
        skippedRanks: String(inactive.skippedRanks),
        duplicate: String(inactive.duplicate),
        noFurtherPreference: String(inactive.noFurtherPreference),
      },
    };
    if (before) round.transfers = totals.map((t, c) => String(t - before[c]!));
    rounds.push(round);
    totalsByStage.push([...totals]);
    return round;
  };

  const firstNotes = [
    `${valid} papers enter the count; ${blank} blank papers do not.`,
    ...CAUSES.filter((cause) => inactive[cause] > 0).map(
      (cause) => `${inactive[cause]} papers ${CAUSE_WORDS[cause]} before reaching a continuing candidate.`,
    ),
  ];
  let round = record('first-preferences', [], null, firstNotes);

  const writeIns = new Set(profile.undeclaredWriteIns ?? []);
  for (;;) {
    const continuing = status.flatMap((s, c) => (s === 'continuing' ? [c] : []));
    if (continuing.length === 0) break;
    const active = continuing.reduce((sum, c) => sum + totals[c]!, 0);
    const threshold = Math.floor(active / 2) + 1;
    const top = Math.max(...continuing.map((c) => totals[c]!));
    const leaders = continuing.filter((c) => totals[c] === top);
    const lastTwo = options.continueUntilTwo && continuing.length <= 2;
    const majority = !options.continueUntilTwo && top >= threshold;
    if (continuing.length === 1 || majority || (lastTwo && leaders.length === 1)) {
      const winner = leaders[0]!;
      status[winner] = 'elected';
      elected.push(winner);
      round.elected = [winner];
      round.statuses = [...status];
      round.notes.push(
        continuing.length === 1
          ? `${names[winner]} is the only continuing candidate and is elected with ${top} votes.`
          : majority
            ? `${names[winner]} has ${top} of the ${active} votes still in the count, at least the ${threshold} that make a majority, and is elected.`
            : `${names[winner]} leads the last two with ${top} of ${active} votes and is elected.`,
      );
      break;
    }

    const stage = rounds.length + 1;
    const exclusion = chooseExclusion(
      {
        continuing,
        totalsByStage,
        writeIns,
        batchElimination: options.batchElimination ?? false,
        tieBreak: options.tieBreak ?? 'backwards',
        lot,
        names,
      },
      stage,
    );
    if (exclusion.tieBreak) tieBreaks.push(exclusion.tieBreak);

    const before = [...totals];
    const exhaustedBefore = exhaustedNow();
    for (const c of exclusion.excluded) status[c] = 'excluded';
    for (const c of exclusion.excluded) {
      const pile = piles[c]!;
      piles[c] = [];
      totals[c] = 0;
      for (const b of pile) place(b, at[b]! + 1, lastMarked[b]!);
    }
    const moved = exclusion.excluded.reduce((sum, c) => sum + before[c]!, 0);
    const nowExhausted = exhaustedNow() - exhaustedBefore;
    round = record('exclusion', exclusion.excluded, before, [
      exclusion.note,
      `${moved} votes move on: ${moved - nowExhausted} to continuing candidates, ${nowExhausted} leave the count.`,
    ]);
  }

  const last = rounds[rounds.length - 1]!;
  return {
    method: 'irv',
    seats: 1,
    candidates: [...names],
    elected,
    rounds,
    valid: String(valid),
    ...(last.quota ? { quota: last.quota } : {}),
    tieBreaks,
    seed: lot.seed,
    rejected: { blank: String(blank), overvote: '0' },
  };
}
