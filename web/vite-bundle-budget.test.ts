import { describe, expect, it } from 'vitest';
import {
  type BudgetChunk,
  gzipSize,
  initialChunkFiles,
  judgeBudget,
  measureInitialJs,
} from './vite-bundle-budget.ts';

function chunk(fileName: string, code: string, imports: string[] = [], isEntry = false): BudgetChunk {
  return { type: 'chunk', fileName, code, imports, isEntry };
}

const bundle: Record<string, BudgetChunk> = {
  'index.js': chunk('index.js', 'import "./vendor.js"; import("./lazy-page.js");', ['vendor.js'], true),
  'vendor.js': chunk('vendor.js', 'import "./runtime.js"; export const react = 1;', ['runtime.js']),
  'runtime.js': chunk('runtime.js', 'export const r = 1;'),
  'lazy-page.js': chunk('lazy-page.js', 'import "./vendor.js"; export default 1;', ['vendor.js']),
  'index.css': { type: 'asset', fileName: 'index.css' },
};

describe('initial JavaScript budget', () => {
  it('counts the entry chunk and everything it imports statically, transitively', () => {
    expect(initialChunkFiles(bundle)).toEqual(['index.js', 'runtime.js', 'vendor.js']);
  });

  it('leaves out lazily imported chunks and assets', () => {
    const files = initialChunkFiles(bundle);
    expect(files).not.toContain('lazy-page.js');
    expect(files).not.toContain('index.css');
  });

  it('survives import cycles and imports of chunks that are not in the bundle', () => {
    const cyclic = {
      'a.js': chunk('a.js', 'a', ['b.js', 'external.js'], true),
      'b.js': chunk('b.js', 'b', ['a.js']),
    };
    expect(initialChunkFiles(cyclic)).toEqual(['a.js', 'b.js']);
  });

  it('measures the gzip size of the code, which is smaller than the code for repetitive text', () => {
    const code = 'const council = "Cabildo";\n'.repeat(500);
    const size = gzipSize(code);
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(code.length / 10);
  });

  it('sums the gzip sizes of the initial chunks only', () => {
    const report = measureInitialJs(bundle);
    const expected = ['index.js', 'runtime.js', 'vendor.js'].reduce(
      (sum, name) => sum + gzipSize(bundle[name]?.code ?? ''),
      0,
    );
    expect(report.totalGzipBytes).toBe(expected);
    expect(report.files.map((file) => file.fileName)).toEqual(['index.js', 'runtime.js', 'vendor.js']);
  });

  it('fails above the limit, naming the figure and each file', () => {
    const verdict = judgeBudget(
      { files: [{ fileName: 'index.js', gzipBytes: 150_001 }], totalGzipBytes: 150_001 },
      150_000,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain('150.0 kB');
    expect(verdict.message).toContain('index.js');
  });

  it('passes at or under the limit and still prints the figure', () => {
    const verdict = judgeBudget(
      { files: [{ fileName: 'index.js', gzipBytes: 97_100 }], totalGzipBytes: 97_100 },
      150_000,
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.message).toContain('97.1 kB');
  });
});
