// Build-time budget for the JavaScript a phone must download before the first page can render:
// the entry chunk plus every chunk it imports statically (lazy pages are dynamic imports and do not
// count). Sizes are gzip (what the server sends); the build fails when the sum is over the limit.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The part of a Rollup/Rolldown output item this budget reads. */
export interface BudgetChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface ChunkSize {
  fileName: string;
  gzipBytes: number;
}

export interface InitialJsReport {
  files: ChunkSize[];
  totalGzipBytes: number;
}

/** File names of the entry chunks and, transitively, the chunks they import statically. */
export function initialChunkFiles(bundle: Record<string, BudgetChunk>): string[] {
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const pending = chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  while (pending.length > 0) {
    const fileName = pending.pop()!;
    if (seen.has(fileName)) continue;
    const chunk = byName.get(fileName);
    if (!chunk) continue; // an external import: not part of the download
    seen.add(fileName);
    pending.push(...(chunk.imports ?? []));
  }
  return [...seen].sort();
}

export function gzipSize(code: string): number {
  return gzipSync(Buffer.from(code, 'utf8')).length;
}

export function measureInitialJs(bundle: Record<string, BudgetChunk>): InitialJsReport {
  const files = initialChunkFiles(bundle).map((fileName) => ({
    fileName,
    gzipBytes: gzipSize(bundle[fileName]?.code ?? ''),
  }));
  return { files, totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The verdict line printed at the end of the build; `ok` is false when the budget is exceeded. */
export function judgeBudget(report: InitialJsReport, limitBytes: number): { ok: boolean; message: string } {
  const figure = `initial JavaScript ${formatKilobytes(report.totalGzipBytes)} gzip in ${report.files.length} file(s), budget ${formatKilobytes(limitBytes)}`;
  if (report.totalGzipBytes > limitBytes) {
    const detail = report.files
      .map((file) => `  ${file.fileName} ${formatKilobytes(file.gzipBytes)}`)
      .join('\n');
    return { ok: false, message: `Over budget: ${figure}\n${detail}` };
  }
  return { ok: true, message: figure };
}

export function bundleBudget(options: { limitBytes: number }): Plugin {
  return {
    name: 'cabildo-bundle-budget',
    apply: 'build',
    enforce: 'post',
    // writeBundle sees the final, minified code exactly as it is written to disk.
    writeBundle(_output, bundle) {
      const report = measureInitialJs(bundle as unknown as Record<string, BudgetChunk>);
      const verdict = judgeBudget(report, options.limitBytes);
      if (!verdict.ok) this.error(verdict.message);
      console.log(`\n${verdict.message}`);
    },
  };
}
