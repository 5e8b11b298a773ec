// The shapes every counting method shares: the ballot profile it reads and the tally it returns.
// Candidates are 0-based indexes into `candidates`. Quantities that a rule rounds or truncates are
// carried as exact decimal strings (fixed-point underneath), never as binary floating point.

/** One line of a ballot file: `weight` identical papers with the same ranking. */
export interface RankedBallot {
  /** Number of identical papers (BLT multiplier). A positive integer. */
  weight: number;
  /** ranks[0] holds the first preference; more than one candidate at a rank is an equal ranking (or an overvote). */
  ranks: number[][];
  /**
   * 0-based rank positions where the paper was overvoted but the names were not recorded (cast-vote
   * record exports write just `overvote`); `ranks` holds an empty list there. A method that does not
   * read this sees a skipped rank.
   */
  overvotedRanks?: number[];
}

export interface BallotProfile {
  title: string;
  seats: number;
  /** Display names, in file order. */
  candidates: string[];
  /** Candidates withdrawn before the count (BLT negative ids or [withdrawn]). */
  withdrawn: number[];
  ballots: RankedBallot[];
  /**
   * Candidates that stand for undeclared write-ins in a cast-vote record; US tabulators (RCTab) drop
   * them at the first elimination whatever their total.
   */
  undeclaredWriteIns?: number[];
}

export type CountingMethod =
  | 'plurality'
  | 'approval'
  | 'irv'
  | 'stv-scottish'
  | 'stv-meek'
  | 'stv-wigm'
  | 'schulze';

export type CandidateStatus = 'continuing' | 'elected' | 'excluded' | 'withdrawn';

export type RoundAction =
  | 'first-preferences'
  | 'surplus'
  | 'exclusion'
  | 'elect-remaining'
  | 'iteration'
  | 'count';

/** How a tie was broken, so a count is reproducible and explainable. */
export interface TieBreak {
  stage: number;
  tied: number[];
  /** Who won (for a surplus) or lost (for an exclusion) the tie. */
  chosen: number;
  by: 'earlier-stage' | 'lot' | 'order' | 'forwards' | 'backwards';
  /** The stage whose totals decided it, when `by` is 'earlier-stage'. */
  decidingStage?: number;
  seed?: string;
}

export interface TallyRound {
  stage: number;
  action: RoundAction;
  /** Candidates whose surplus was transferred or who were excluded at this stage. */
  subjects: number[];
  /** Each candidate's value after this stage, exact decimal string. */
  totals: string[];
  /** Each candidate's change at this stage (absent on the first stage). */
  transfers?: string[];
  /** Cumulative non-transferable value after this stage. */
  exhausted: string;
  /** Value lost to truncation so far (rules that truncate), exact decimal string. */
  lost?: string;
  elected: number[];
  excluded: number[];
  statuses: CandidateStatus[];
  /** Why each election or exclusion happened, in words a returning officer prints (English; the UI localises by `action`). */
  notes: string[];
  /** Meek: keep values after this stage, exact decimal strings. */
  keepValues?: string[];
  quota?: string;
  /**
   * Cumulative papers that left the count by cause (IRV): overvote reached, too many skipped ranks,
   * a repeated candidate, or no continuing candidate left on the paper. They sum to `exhausted`.
   */
  inactive?: { overvote: string; skippedRanks: string; duplicate: string; noFurtherPreference: string };
}

export interface Tally {
  method: CountingMethod;
  seats: number;
  candidates: string[];
  /** Elected candidates in order of election. */
  elected: number[];
  rounds: TallyRound[];
  /** Total valid value counted at the first stage, exact decimal string. */
  valid: string;
  quota?: string;
  /** Full ranking in tiers (Schulze, plurality, approval): ranking[0] are the winners. */
  ranking?: number[][];
  tieBreaks: TieBreak[];
  /** Seed for random tie-breaks, always recorded when one could have been needed. */
  seed?: string;
  /** Papers set aside before the count: blank, or overvoted where one mark is allowed (plurality). */
  rejected?: { blank: string; overvote: string };
  /** Schulze: pairwise[i][j] = value of papers ranking i above j. */
  pairwise?: number[][];
  /**
   * Schulze: strength of the strongest path from i to j under the chosen variant: a number (winning
   * votes, margin) or an exact ratio `"num/den"` (ratio); 0 or `"0"` where there is no path.
   */
  strongestPaths?: (number | string)[][];
}
