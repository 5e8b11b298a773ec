// Exit codes of every `cabildo` command (DESIGN §5): 0 success, 1 the work failed, 2 bad usage or input.
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Bad arguments or a bad input file: printed as one line naming what was wrong, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The work itself failed (a broken ledger chain, an unreachable database): exit 1. */
export class WorkFailedError extends Error {
  override name = 'WorkFailedError';
}
