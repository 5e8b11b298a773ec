import { defineConfig } from 'vitest/config';

// Whole-corpus checks against the real elections and price series in ../shared/data (or
// CABILDO_SHARED_DATA). Run by `.ci/run`; a user's clone has no ../shared, so `npm test` skips these.
export default defineConfig({
  test: {
    include: ['{core,server,cli}/**/*.corpus.test.ts'],
    testTimeout: 600_000,
    pool: 'forks',
  },
});
