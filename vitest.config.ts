import { defineConfig } from 'vitest/config';

// Storage tests run on real PostgreSQL: PGlite by default, the server when TEST_DATABASE_URL is set.
// Whole-corpus checks (*.corpus.test.ts) read ../shared/data and run from vitest.corpus.config.ts.
export default defineConfig({
  test: {
    include: ['{core,server,cli,web}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/*.corpus.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['server/platform/test-database.setup.ts'],
  },
});
