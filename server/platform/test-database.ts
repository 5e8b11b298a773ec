// Real PostgreSQL for tests (STYLE: storage tests never mock): an in-memory PGlite by default, or a
// fresh database on the server named by TEST_DATABASE_URL, dropped when the test file ends.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from './database.ts';
import { listMigrations, MIGRATIONS_DIR, migrate } from './migrate.ts';

// A migrated PGlite, dumped once per migration set, loads in well under a second where initdb plus
// migrations take several.
function templatePath(): string {
  // Keyed by the migrations' contents, so an edited migration never reuses a stale template.
  const hash = createHash('sha256');
  for (const name of listMigrations()) hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  const key = hash.digest('hex').slice(0, 16);
  return join(tmpdir(), 'cabildo-test-templates', `${key}.tar.gz`);
}

/** Called once by vitest's globalSetup, so parallel test files do not all build the template. */
export async function ensurePgliteTemplate(): Promise<void> {
  const path = templatePath();
  if (existsSync(path)) return;
  const handle = await openDatabase({ kind: 'pglite-memory' });
  await migrate(handle);
  const dump = await handle.dump?.();
  await handle.close();
  if (!dump) return;
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(`${path}.part`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${path}.part`, path);
}

export interface TestDatabase extends DatabaseHandle {
  drop(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const path = templatePath();
    const template = existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
    const handle = await openDatabase({ kind: 'pglite-memory', ...(template ? { template } : {}) });
    await migrate(handle);
    return { ...handle, drop: () => handle.close() };
  }
  const name = `cabildo_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrate(handle);
  return {
    ...handle,
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
