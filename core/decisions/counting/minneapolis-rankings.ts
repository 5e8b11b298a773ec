// Reader for aggregated cast-vote-record rankings as Minneapolis (ES&S) exports them and RCTab reads
// them: `count,1ST CHOICE …,2ND CHOICE …,3RD CHOICE …`, one row per distinct ranking, with `undervote`
// for a rank left blank, `overvote` for a rank with several marks (names not recorded) and `UWI` for an
// undeclared write-in, which becomes the candidate "Undeclared Write-ins" as in RCTab's reports.
import { type CsvRankingsResult, readCsvRankings } from './csv-rankings.ts';

export const MINNEAPOLIS_TOKENS = {
  skipTokens: ['undervote'],
  overvoteTokens: ['overvote'],
  writeInTokens: ['UWI'],
  writeInName: 'Undeclared Write-ins',
} as const;

export function readMinneapolisRankings(
  input: Uint8Array | string,
  options: { title?: string; seats?: number } = {},
): CsvRankingsResult {
  return readCsvRankings(input, { ...options, ...MINNEAPOLIS_TOKENS });
}

const OVERVOTE_RULES: Record<string, 'exhaust' | 'skip'> = {
  exhaustImmediately: 'exhaust',
  alwaysSkipToNextRank: 'skip',
};

/**
 * The ballot-handling settings of an RCTab configuration (`rules` block of `*_config.json`) as
 * `countIrv` options. Only the settings that change a single-seat count are read.
 */
export function irvOptionsFromRctab(rules: Record<string, unknown>): {
  overvote: 'exhaust' | 'skip';
  skippedRankLimit: number | null;
  duplicates: 'skip' | 'exhaust';
  batchElimination: boolean;
  continueUntilTwo: boolean;
} {
  const maxSkipped = String(rules.maxSkippedRanksAllowed ?? '');
  const overvote = OVERVOTE_RULES[String(rules.overvoteRule)];
  // 'exhaustIfMultipleContinuing' needs the overvoted names, which aggregated exports do not keep.
  if (!overvote) throw new RangeError(`unsupported RCTab overvoteRule ${String(rules.overvoteRule)}`);
  return {
    overvote,
    skippedRankLimit: /^\d+$/.test(maxSkipped) ? Number(maxSkipped) : null,
    duplicates: rules.exhaustOnDuplicateCandidate === true ? 'exhaust' : 'skip',
    batchElimination: rules.batchElimination === true,
    continueUntilTwo: rules.continueUntilTwoCandidatesRemain === true,
  };
}
