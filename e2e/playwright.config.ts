// Browser journeys in Debian's Chromium (/usr/bin/chromium; never a downloaded browser) against a
// server started fresh for the run: its own temporary PGlite data directory, seeded with the demo
// federation. Run: npx playwright test --config e2e/playwright.config.ts
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.CABILDO_E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${port}`;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: join(repoRoot, 'test-results'),
  timeout: 240_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'es-BO',
    timezoneId: 'America/La_Paz',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // `npm start` (build the web app, serve it and the API, seed the demo) on a fresh temporary
    // CABILDO_DATA_DIR that the script deletes after the server stops.
    command: 'sh e2e/start-server.sh',
    cwd: repoRoot,
    url: `${baseURL}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      CABILDO_DEMO: '1',
      CABILDO_LOG_LEVEL: 'warn',
    },
  },
});
