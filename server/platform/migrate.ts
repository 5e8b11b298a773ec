// Forward-only migrations: db/migrations/NNNN-name.sql, applied in name order, each once, each in its
// own transaction. A server-wide advisory lock keeps two starting processes from racing.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../db/migrations');
const MIGRATION_LOCK_KEY = 4_240_001;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort();
}

export async function migrate(handle: DatabaseHandle, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await handle.execScript(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const name of listMigrations(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    // Lock, check and apply in one transaction so a concurrent migrator waits and then skips.
    await handle
      .execScript(`begin;
select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});
do $$ begin
  if exists (select 1 from schema_migrations where name = '${name}') then
    raise exception using errcode = 'P0001', message = 'cabildo-migration-already-applied';
  end if;
end $$;
${text}
;
insert into schema_migrations (name) values ('${name}');
commit;`)
      .then(
        () => applied.push(name),
        (error: Error) => {
          if (error.message.includes('cabildo-migration-already-applied')) alreadyApplied++;
          else throw new Error(`migration ${name} failed: ${error.message}`);
        },
      );
  }
  return { applied, alreadyApplied };
}

export async function appliedMigrations(handle: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(
    handle.db,
  );
  return rows.map((r) => r.name);
}
