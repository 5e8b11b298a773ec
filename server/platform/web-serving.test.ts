import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { buildHttpApp } from './http-app.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

let db: TestDatabase;
let app: Awaited<ReturnType<typeof buildHttpApp>>;
const webDir = mkdtempSync(join(tmpdir(), 'cabildo-web-'));

beforeAll(async () => {
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Cabildo</title>');
  writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
  db = await openTestDatabase();
  app = await buildHttpApp({ database: db, config: readConfig({}), routes: [], webDir });
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

describe('serving the web app', () => {
  it('serves the page at / and at any app path, uncached, with security headers', async () => {
    for (const url of ['/', '/councils/123', '/join?council=x']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>Cabildo</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves assets, and answers a missing asset or API path with a 404 in the error shape', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    writeFileSync(join(webDir, 'assets', 'rebuilt.js'), 'console.log(2)');
    expect((await app.inject({ method: 'GET', url: '/assets/rebuilt.js' })).statusCode).toBe(200);
    for (const url of ['/assets/missing.js', '/api/v1/missing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not-found');
    }
  });

  it('reports database reachability on /healthz', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', database: 'reachable', kind: db.kind });
  });
});
