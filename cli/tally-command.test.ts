// Runs the real command (`node cli/cabildo.mjs tally …`) as a returning officer would.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'core/decisions/counting/fixtures/blt');
const scratch = mkdtempSync(join(tmpdir(), 'cabildo-tally-'));

function cabildo(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/cabildo.mjs', 'tally', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cabildo tally', () => {
  it('counts a Scottish ward and prints the elected names from the file as JSON', async () => {
    const r = await cabildo('--method', 'stv-scottish', '--json', join(fixtures, 'shetland_2017_ward6.blt'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    // Official result (scotland/expected/shetland_2017_ward6.json): Bell, Leask, Fraser.
    expect(json).toMatchObject({
      method: 'stv-scottish',
      seats: 3,
      quota: '249.00000',
      elected: ['Malcolm John BELL (Ind)', 'Stephen Arthur LEASK (Ind)', 'John Finlay Sinclair FRASER (Ind)'],
    });
    expect(json.rounds.length).toBeGreaterThan(1);
    expect(json.rounds[0].candidates[0]).toMatchObject({
      name: 'Malcolm John BELL (Ind)',
      total: '715.00000',
    });
  });

  it('prints the round table by default', async () => {
    const r = await cabildo('--method', 'stv-scottish', join(fixtures, 'shetland_2017_ward6.blt'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ward 6 - Lerwick North — Scottish STV');
    expect(r.stdout).toMatch(/Candidate\s+\| Stage 1/);
    expect(r.stdout).toContain('Non-transferable');
    expect(r.stdout).toContain('1. Malcolm John BELL (Ind)');
  });

  it('counts the 2001 Debian .HIL file under Schulze with a ranking', async () => {
    const r = await cabildo('--method', 'schulze', '--json', join(fixtures, 'D01.HIL'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.elected).toEqual(['Ben Collins']); // official 2001 winner
    expect(json.ranking[0]).toEqual(['Ben Collins']);
    expect(json.quota).toBeUndefined();
    expect(r.stderr).toContain('warning: the ballots are not ended by a 0 line');
  });

  it('reads a CSV of rankings and a Debian tally sheet, by extension or --format', async () => {
    const csv = join(scratch, 'club.csv');
    writeFileSync(csv, 'rank1,rank2,count\nAnn,Bob,3\nBob,,2\nCy,Bob,2\n');
    const irv = await cabildo('--method', 'irv', '--json', csv);
    expect(irv.code).toBe(0);
    expect(JSON.parse(irv.stdout).elected).toEqual(['Bob']);
    const sheet = join(scratch, 'sheet.txt');
    writeFileSync(
      sheet,
      [
        '     Option 1--->: Ann',
        '   /  Option 2-->: Bob',
        '   |/  Option 3->: Cy',
        '   ||/',
        'V: 123  aa',
        'V: 21-  bb',
        'V: 213  cc',
        '',
      ].join('\n'),
    );
    const debian = await cabildo('--method', 'schulze', '--format', 'debian', '--json', sheet);
    expect(debian.code).toBe(0);
    expect(JSON.parse(debian.stdout).elected).toEqual(['Bob']);
  });

  it('exits 2 naming the line of a bad ballot file', async () => {
    const bad = join(scratch, 'bad.blt');
    const text = readFileSync(join(fixtures, 'shetland_2017_ward6.blt'), 'utf8').replace(
      '\n33 1 2 0\n',
      '\n33 1 9 0\n',
    );
    writeFileSync(bad, text);
    const r = await cabildo('--method', 'stv-scottish', bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /bad\.blt: line 3: the ballot names candidate 9 but the header declares 4 candidates/,
    );
  });

  it('exits 2 on a truncated file', async () => {
    const cut = join(scratch, 'cut.blt');
    writeFileSync(cut, readFileSync(join(fixtures, 'SCw.blt')).subarray(0, 500));
    const r = await cabildo('--method', 'stv-meek', cut);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line \d+/);
  });

  it('exits 2 on bad arguments', async () => {
    const file = join(fixtures, 'D01.HIL');
    const cases: Array<[string[], RegExp]> = [
      [['--method', 'borda', file], /--method must be one of/],
      [['--method', 'irv', '--seats', 'two', file], /--seats must be a whole number/],
      [['--method', 'irv', '--seats', '2', file], /IRV fills one seat/],
      [['--method', 'stv-meek', '--seats', '7', file], /more than the 5 candidates/],
      [['--method', 'irv', '--format', 'xml', file], /--format must be one of/],
      [['--method', 'irv', join(scratch, 'missing.blt')], /cannot read/],
      [[file], /--method/],
    ];
    const results = await Promise.all(cases.map(([args]) => cabildo(...args)));
    for (const [k, [args, message]] of cases.entries()) {
      const r = results[k]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
