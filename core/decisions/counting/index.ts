// The counting engine's front door: ballot readers and writer, one dispatcher over every counting
// method, and the explanation of a count. Callers outside core/decisions/counting import from here.
import { type ApprovalOptions, countApproval } from './approval.ts';
import type { StvOptions } from './gregory-stv.ts';
import { countIrv, type IrvOptions } from './irv.ts';
import { countMeekStv, type MeekOptions } from './meek-stv.ts';
import { countPlurality, type PluralityOptions } from './plurality.ts';
import { countSchulze, type SchulzeOptions } from './schulze.ts';
import { countScottishStv } from './scottish-stv.ts';
import type { BallotProfile, CountingMethod, Tally } from './tally.ts';
import { countWigmStv } from './wigm-stv.ts';

export { type BltEncoding, type BltReadOptions, type BltReadResult, readBlt } from './blt-read.ts';
export { writeBlt } from './blt-write.ts';
export { type CsvRankingsOptions, type CsvRankingsResult, readCsvRankings } from './csv-rankings.ts';
export { type DebianTallyResult, readDebianTally } from './debian-tally.ts';
export {
  englishTallyText,
  explainTallyJson,
  explainTallyText,
  TALLY_TEXT,
  type TallyJson,
  type TallyTableModel,
  type TallyTranslate,
  tallyTableModel,
} from './explain-tally.ts';
export type {
  BallotProfile,
  CandidateStatus,
  CountingMethod,
  RankedBallot,
  RoundAction,
  Tally,
  TallyRound,
  TieBreak,
} from './tally.ts';
export {
  type ApprovalOptions,
  countApproval,
  countIrv,
  countMeekStv,
  countPlurality,
  countSchulze,
  countScottishStv,
  countWigmStv,
  type IrvOptions,
  type MeekOptions,
  type PluralityOptions,
  type SchulzeOptions,
  type StvOptions,
};

/** Every method `countBallots` knows, in the order the CLI lists them. */
export const COUNTING_METHODS = [
  'plurality',
  'approval',
  'irv',
  'stv-scottish',
  'stv-meek',
  'stv-wigm',
  'schulze',
] as const satisfies readonly CountingMethod[];

/** Options every method takes, plus each family's own settings (ignored by the other methods). */
export interface CountOptions {
  /** Seats to fill; defaults to the ballot file's. IRV fills exactly one. */
  seats?: number;
  /** Seed for every tie settled by lot; recorded in the tally. */
  seed?: string;
  irv?: Omit<IrvOptions, 'seats' | 'seed'>;
  stv?: Omit<StvOptions, 'seats' | 'seed'>;
  meek?: Omit<MeekOptions, 'seats' | 'seed'>;
  schulze?: Omit<SchulzeOptions, 'seats' | 'seed'>;
}

/**
 * Count a ballot profile under a method. Throws a RangeError when the options do not fit the method
 * (e.g. IRV for more than one seat, or seats that are not a whole number from 1).
 */
export function countBallots(
  method: CountingMethod,
  profile: BallotProfile,
  options: CountOptions = {},
): Tally {
  const common: { seats?: number; seed?: string } = {};
  if (options.seats !== undefined) common.seats = options.seats;
  if (options.seed !== undefined) common.seed = options.seed;
  switch (method) {
    case 'plurality':
      return countPlurality(profile, common);
    case 'approval':
      return countApproval(profile, common);
    case 'irv': {
      if (common.seats !== undefined && common.seats !== 1) {
        throw new RangeError(`IRV fills one seat; use an STV method for ${common.seats} seats`);
      }
      const irv: IrvOptions = { ...options.irv };
      if (common.seed !== undefined) irv.seed = common.seed;
      return countIrv(profile, irv);
    }
    case 'stv-scottish':
      return countScottishStv(profile, { ...options.stv, ...common });
    case 'stv-wigm':
      return countWigmStv(profile, { ...options.stv, ...common });
    case 'stv-meek':
      return countMeekStv(profile, { ...options.meek, ...common });
    case 'schulze':
      return countSchulze(profile, { ...options.schulze, ...common });
    default: {
      const never: never = method;
      throw new RangeError(`unknown counting method ${String(never)}`);
    }
  }
}
