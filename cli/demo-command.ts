// `cabildo demo seed`: seed the demo federation into an empty database (what `npm start` does on first run).
import type { Command } from 'commander';
import { withDatabase } from './cli-database.ts';
import { WorkFailedError } from './cli-errors.ts';

export function register(program: Command) {
  program
    .command('demo')
    .description('the demo federation')
    .command('seed')
    .description('seed the demo federation into an empty database')
    .action(async () => {
      const { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmptyInstance, seedDemoFederation } = await import(
        '../server/demo/index.ts'
      );
      const summary = await withDatabase(async (h) => {
        if (!(await isEmptyInstance(h.db)))
          throw new WorkFailedError('the database is not empty; the demo is only seeded into an empty one');
        return seedDemoFederation(h.db);
      });
      process.stdout.write(
        `demo federation seeded: ${summary.councils} councils, ${summary.members} members\n`,
      );
      process.stdout.write(
        `sign in as ${DEMO_ACCOUNTS.secretaryVillaAdela.login} or ${DEMO_ACCOUNTS.admin.login}, password ${DEMO_PASSWORD}\n`,
      );
    });
}
