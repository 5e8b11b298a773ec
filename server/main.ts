// `npm start`: open the database (PGlite in CABILDO_DATA_DIR, or DATABASE_URL), migrate, seed the demo
// federation into an empty database unless CABILDO_DEMO=0, and serve the API and the web app.
import { buildServer, WEB_DIST } from './build-server.ts';
import { closeDuePolls } from './decisions/index.ts';
import { isEmptyInstance, seedDemoFederation } from './demo/index.ts';
import { expireMandates } from './federation/index.ts';
import { openConfiguredDatabase } from './open-configured-database.ts';
import { ConfigError, readConfig } from './platform/config.ts';
import { DataDirLockedError } from './platform/data-dir-lock.ts';
import { startScheduledTasks } from './platform/scheduled-tasks.ts';

async function main() {
  const config = readConfig();
  const started = Date.now();
  const where = config.databaseUrl
    ? 'the PostgreSQL server in DATABASE_URL'
    : `embedded PGlite in ${config.dataDir}`;
  process.stdout.write(`cabildo: opening ${where}…\n`);
  const database = await openConfiguredDatabase(config);
  if (config.seedDemo && (await isEmptyInstance(database.db))) {
    process.stdout.write('cabildo: empty database — seeding the demo federation (CABILDO_DEMO=0 to skip)…\n');
    const summary = await seedDemoFederation(database.db);
    process.stdout.write(
      `cabildo: demo federation ready: ${summary.councils} councils, ${summary.members} members\n`,
    );
  }
  const app = await buildServer(database, config, { logger: true, webDir: WEB_DIST });
  // Polls past their closing time are counted; mandates past their term end with what depends on them.
  const stopTasks = startScheduledTasks([
    { name: 'close-due-polls', everyMs: 15_000, run: () => closeDuePolls(database.db) },
    { name: 'expire-mandates', everyMs: 60_000, run: () => expireMandates(database.db) },
  ]);
  const stop = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await stopTasks();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  process.stdout.write(
    `cabildo: serving http://${shownHost}:${config.port} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`cabildo: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `cabildo: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
