// `cabildo db migrate` applies pending migrations; `cabildo db status` lists applied and pending ones.
import type { Command } from 'commander';
import { withDatabase } from './cli-database.ts';

export function register(program: Command) {
  const db = program.command('db').description('database schema: migrations');
  db.command('migrate')
    .description('apply pending forward-only migrations (also done at every start)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const { migrate } = await import('../server/platform/migrate.ts');
      const result = await withDatabase((h) => migrate(h), { migrate: false });
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else if (result.applied.length === 0) process.stdout.write('database is up to date\n');
      else process.stdout.write(`applied: ${result.applied.join(', ')}\n`);
    });
  db.command('status')
    .description('list applied and pending migrations')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const { appliedMigrations, listMigrations } = await import('../server/platform/migrate.ts');
      const applied = await withDatabase((h) => appliedMigrations(h));
      const pending = listMigrations().filter((m) => !applied.includes(m));
      if (opts.json) process.stdout.write(`${JSON.stringify({ applied, pending })}\n`);
      else
        process.stdout.write(
          `applied: ${applied.length}\npending: ${pending.length ? pending.join(', ') : 'none'}\n`,
        );
    });
}
