import { defineConfig } from 'vitest/config';

// Storage tests run on real PostgreSQL: PGlite by default, the server when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'cli/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
