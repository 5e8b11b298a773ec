// vitest globalSetup: build the migrated PGlite template once before the test files start.
import { ensurePgliteTemplate } from './test-database.ts';

export default async function setup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) await ensurePgliteTemplate();
}
