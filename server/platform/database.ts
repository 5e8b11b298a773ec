// The database port: one Kysely handle over either embedded PGlite (a data directory, one owner) or a
// PostgreSQL server (DATABASE_URL). Stores write plain SQL with Kysely's `sql` tag so the same text runs
// on both; counts are cast to int in SQL because pg returns bigint as a string and PGlite as a number.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type RawBuilder, sql } from 'kysely';
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
  /**
   * LISTENs on `channel` outside any pool or transaction; resolves once listening, to a function that
   * stops. On PostgreSQL a dedicated connection that reconnects with backoff when it drops:
   * notifications sent while it was down are lost, so `onReconnect` tells the listener to resync.
   */
  listen?: (
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ) => Promise<() => Promise<void>>;
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
    listen: (channel, onPayload, onReconnect) => listenPostgres(url, channel, onPayload, onReconnect),
    close: () => db.destroy(),
  };
}

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

async function listenPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: (() => void) | undefined,
): Promise<() => Promise<void>> {
  // Interpolated into LISTEN, which takes no parameters: only a plain identifier is accepted.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new RangeError(`bad channel name ${channel}`);
  let current: pg.Client | undefined;
  let isStopped = false;
  let retryMs = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    // Without an 'error' listener a dropped connection would crash the process; 'end' reconnects.
    client.on('error', (error) =>
      process.stderr.write(`cabildo: listen connection (${channel}) error: ${error.message}\n`),
    );
    client.on('end', () => {
      if (isStopped || current !== client) return;
      current = undefined;
      process.stderr.write(`cabildo: listen connection (${channel}) lost; reconnecting\n`);
      schedule();
    });
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      // The connect or LISTEN error is the one worth reporting; ending a half-open client may fail too.
      await client.end().catch(() => {});
      throw error;
    }
    if (isStopped) {
      await client.end();
      return;
    }
    current = client;
    retryMs = FIRST_RETRY_MS;
  };
  const schedule = () => {
    retry = setTimeout(async () => {
      try {
        await connect();
        if (isStopped) return;
        process.stderr.write(`cabildo: listen connection (${channel}) restored\n`);
        onReconnect?.();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
        process.stderr.write(
          `cabildo: listen reconnect (${channel}) failed: ${why}; retry in ${retryMs} ms\n`,
        );
        if (!isStopped) schedule();
      }
    }, retryMs);
  };

  // The first connection fails loudly: a server that cannot listen should not start.
  await connect();
  return async () => {
    isStopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end();
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
    // In-process: PGlite calls back after the notifying transaction commits; it never disconnects.
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(channel, onPayload);
      return () => unlisten();
    },
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

/**
 * A timestamptz column as ISO 8601 UTC text with microseconds (2026-11-29T10:00:00.123456Z): instants
 * that decide rights travel as this text, never as a JavaScript Date (milliseconds), so "before" and
 * "after" compare exactly what PostgreSQL compares.
 */
export const isoUs = (column: RawBuilder<unknown>) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** True when the database answers a trivial query (GET /healthz). */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
