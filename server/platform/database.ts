// The database port: one Kysely handle over either embedded PGlite (a data directory, one owner) or a
// PostgreSQL server (DATABASE_URL). Stores write plain SQL with Kysely's `sql` tag so the same text runs
// on both; counts are cast to int in SQL because pg returns bigint as a string and PGlite as a number.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';

// biome-ignore lint/suspicious/noExplicitAny: stores run typed raw SQL; the query builder's table typing is not used.
export type Db = Kysely<any>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a script of several statements (migrations), outside Kysely's parameterised path. */
  execScript(text: string): Promise<void>;
  /** PGlite only: the whole data directory as a gzipped tarball (test templates, backups). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; template?: Blob | File };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') return openPostgres(target.url);
  return openPglite(target);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', (error) => process.stderr.write(`cabildo: database connection error: ${error.message}\n`));
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async execScript(text) {
      const client = await pool.connect();
      try {
        await client.query(text);
      } catch (error) {
        // A failed script leaves its explicit transaction aborted on this connection: end it here.
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

async function openPglite(
  target: { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory'; template?: Blob | File },
): Promise<DatabaseHandle> {
  const release = target.kind === 'pglite' ? await lockDataDir(target.dataDir) : async () => {};
  let pglite: PGlite;
  try {
    pglite =
      target.kind === 'pglite'
        ? await PGlite.create(target.dataDir)
        : await PGlite.create(target.template ? { loadDataDir: target.template } : {});
  } catch (error) {
    await release();
    throw error;
  }
  const db: Db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    dump: async () => (await pglite.dumpDataDir('gzip')) as Blob,
    async execScript(text) {
      try {
        await pglite.exec(text);
      } catch (error) {
        await pglite.exec('rollback').catch(() => {});
        throw error;
      }
    },
    async close() {
      await db.destroy();
      await release();
    },
  };
}

/** True when the database answers a trivial query (GET /healthz). */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
