// Opens the database the configuration names (PostgreSQL server or embedded PGlite data directory)
// and brings its schema up to date.
import type { Config } from './platform/config.ts';
import { type DatabaseHandle, openDatabase } from './platform/database.ts';
import { migrate } from './platform/migrate.ts';

export async function openConfiguredDatabase(
  config: Config,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const handle = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  if (options.migrate !== false) {
    try {
      await migrate(handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}
