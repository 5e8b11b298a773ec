// A line diff for showing an amendment: the longest common subsequence of the old and new lines, as
// hunks of kept, removed and added lines with their 1-based line numbers. Quadratic in the lines of the
// two texts (a motion has at most 20,000 characters, so at most a few thousand lines), which keeps it
// short and exact; ties prefer removals before additions, as `diff -u` shows them.

export type DiffKind = 'kept' | 'removed' | 'added';

export interface DiffHunk {
  kind: DiffKind;
  /** First line of the hunk in the old text (kept, removed) or where it would be (added). */
  oldLine: number;
  /** First line of the hunk in the new text (kept, added) or where it would be (removed). */
  newLine: number;
  lines: string[];
}

/** A text's lines; `\r\n` and `\r` count as line ends; the empty text has no lines. */
export function splitLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

export function joinLines(lines: readonly string[]): string {
  return lines.join('\n');
}

export function diffLines(oldLines: readonly string[], newLines: readonly string[]): DiffHunk[] {
  const n = oldLines.length;
  const m = newLines.length;
  const width = m + 1;
  // lcs[i * width + j]: the longest common subsequence of oldLines[i..] and newLines[j..].
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        oldLines[i] === newLines[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const hunks: DiffHunk[] = [];
  const push = (kind: DiffKind, line: string, i: number, j: number) => {
    const last = hunks.at(-1);
    if (last?.kind === kind) last.lines.push(line);
    else hunks.push({ kind, oldLine: i + 1, newLine: j + 1, lines: [line] });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && oldLines[i] === newLines[j]) {
      push('kept', oldLines[i] ?? '', i++, j++);
    } else if (j >= m || (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      push('removed', oldLines[i] ?? '', i++, j);
    } else {
      push('added', newLines[j] ?? '', i, j++);
    }
  }
  return hunks;
}

/**
 * For each old line (0-based), its index in the new text when the diff keeps it, else -1: how an
 * amendment drafted on an older version finds its lines in the current one.
 */
export function keptLineMap(oldLines: readonly string[], newLines: readonly string[]): number[] {
  const map = new Array<number>(oldLines.length).fill(-1);
  for (const hunk of diffLines(oldLines, newLines)) {
    if (hunk.kind !== 'kept') continue;
    for (let k = 0; k < hunk.lines.length; k++) map[hunk.oldLine - 1 + k] = hunk.newLine - 1 + k;
  }
  return map;
}
