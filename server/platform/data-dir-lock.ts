// One owner per embedded data directory. Two processes writing one PGlite directory lose data
// silently, so the first process holds an exclusive lock (refreshed every few seconds) and any other
// process that tries to open the directory fails with a clear error instead.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

const STALE_MS = 10_000;

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const lockfilePath = join(dataDir, 'cabildo-owner.lock');
  const ownerFile = join(dataDir, 'cabildo-owner.pid');
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath,
      stale: STALE_MS,
      update: STALE_MS / 4,
      retries: 0,
      realpath: false,
      onCompromised: (error) => {
        // Another process took the directory (e.g. after this one was suspended past the stale time):
        // stop at once rather than write beside it.
        process.stderr.write(`cabildo: lost ownership of ${dataDir}: ${error.message}; stopping\n`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      let owner = 'another process';
      try {
        owner = `process ${readFileSync(ownerFile, 'utf8').trim()}`;
      } catch {
        // The pid file is informative only; the lock itself is the source of truth.
      }
      throw new DataDirLockedError(
        `the data directory ${dataDir} is in use by ${owner}. Only one Cabildo process may open an embedded ` +
          `database: stop the other one, point CABILDO_DATA_DIR elsewhere, or use DATABASE_URL for a PostgreSQL ` +
          `server. (A lock left by a killed process expires after ${STALE_MS / 1000} s.)`,
      );
    }
    throw error;
  }
  writeFileSync(ownerFile, `${process.pid}\n`);
  return release;
}
