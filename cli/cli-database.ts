// Commands that touch data open the same database the server would (DATABASE_URL, or the PGlite data
// directory — which fails clearly while a server holds it) and close it when done.
// Server modules load only when a command needs the database, so `cabildo --help` and `cabildo tally`
// start without loading PGlite and Fastify.
import type { DatabaseHandle } from '../server/platform/database.ts';
import { UsageError, WorkFailedError } from './cli-errors.ts';

export async function withDatabase<T>(
  work: (handle: DatabaseHandle) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const [{ openConfiguredDatabase }, { ConfigError, readConfig }, { DataDirLockedError }] = await Promise.all(
    [
      import('../server/open-configured-database.ts'),
      import('../server/platform/config.ts'),
      import('../server/platform/data-dir-lock.ts'),
    ],
  );
  let handle: DatabaseHandle;
  try {
    handle = await openConfiguredDatabase(readConfig(), options);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    if (error instanceof DataDirLockedError) throw new WorkFailedError(error.message);
    throw new WorkFailedError(
      `could not open the database: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Parses a value with a zod-like schema and turns a failure into a usage error naming the option. */
export function parseOption<T>(
  name: string,
  result: { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } },
): T {
  if (!result.success) throw new UsageError(`${name}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}
