// The operator's commands against a real embedded database, run as a user would: as processes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-cli-'));
const env = { ...process.env, CABILDO_DATA_DIR: dataDir, DATABASE_URL: '', CABILDO_DEMO: '0' };
const cabildo = (args: string[], input?: string) =>
  spawnSync('node', ['cli/cabildo.mjs', ...args], { env, input, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  const r = cabildo(['db', 'migrate', '--json']);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('cabildo operator commands', () => {
  it('creates an administrator from stdin and refuses a short password with exit 2 naming it', () => {
    const bad = cabildo(
      ['admin', 'create', '--name', 'Ana', '--login', 'ana@example.org', '--password-stdin'],
      'short\n',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('password: at least 10 characters');
    const ok = cabildo(
      ['admin', 'create', '--name', 'Ana', '--login', 'ana@example.org', '--password-stdin', '--json'],
      'a-long-password\n',
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ fullName: 'Ana' });
    const again = cabildo(
      ['admin', 'create', '--name', 'Ana', '--login', 'ANA@example.org', '--password-stdin'],
      'a-long-password\n',
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('login');
  });

  it('imports councils all or nothing and reports the rejected line', () => {
    const bad = join(dataDir, 'bad.csv');
    writeFileSync(
      bad,
      'key,name,kind,level,territory,parent_key\nfed,Federación,federation,regional,Oruro,\nm1,Mina,mine,,Huanuni,fed\nm2,Mina 2,castle,,Huanuni,fed\n',
    );
    const rejected = cabildo(['import', 'councils', bad]);
    expect(rejected.status).toBe(2);
    expect(rejected.stdout).toContain('line 4: rejected (kind)');
    const good = join(dataDir, 'good.csv');
    writeFileSync(
      good,
      'key,name,kind,level,territory,parent_key\nfed,Federación,federation,regional,Oruro,\nm1,Mina,mine,,Huanuni,fed\n',
    );
    const imported = cabildo(['import', 'councils', good, '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.imported).toBe(2);
    const members = join(dataDir, 'members.csv');
    writeFileSync(members, 'full_name,phone\nJuan Mamani,+591 71000001\nRosa Quispe,+591 71000002\n');
    const m = cabildo(['import', 'members', members, '--council', report.ids.m1, '--json']);
    expect(m.status, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ imported: 2, rejected: 0 });
    expect(cabildo(['import', 'members', members, '--council', 'nope']).status).toBe(2);
    expect(
      cabildo(['import', 'members', join(dataDir, 'missing.csv'), '--council', report.ids.m1]).stderr,
    ).toContain('no such file');
  });

  it('verifies the ledgers and exits 1 when an entry was edited', async () => {
    const ok = cabildo(['ledger', 'verify', '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).broken).toEqual([]);
    const { openDatabase } = await import('../server/platform/database.ts');
    const { sql } = await import('kysely');
    const h = await openDatabase({ kind: 'pglite', dataDir });
    await sql`update ledger_entries set payload = '{"forged": true}'::jsonb where seq = 1 and kind = 'council.created'
              and chain_id = (select chain_id from ledger_entries where kind = 'council.created' order by recorded_at limit 1)`.execute(
      h.db,
    );
    await h.close();
    const broken = cabildo(['ledger', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN chain [0-9a-f-]{36}: entry 1 \(payload-digest\)/);
  });

  it('lets only one process own the embedded data directory', async () => {
    const server = spawn('node', ['--import', 'tsx', 'server/main.ts'], {
      env: { ...env, PORT: '0', HOST: '127.0.0.1', CABILDO_LOG_LEVEL: 'silent' },
    });
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
        server.stdout.on('data', () => {
          if (out.includes('serving')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const second = cabildo(['db', 'status']);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`the data directory ${dataDir} is in use by process ${server.pid}`);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    expect(cabildo(['db', 'status']).status).toBe(0);
  });
});
