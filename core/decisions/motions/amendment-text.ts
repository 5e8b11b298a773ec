// What an amendment does to a motion's text. An amendment replaces lines lineFrom..lineTo (1-based,
// inclusive) of the version it was drafted on (its base) with its replacement lines; lineTo = lineFrom - 1
// inserts before lineFrom (lineFrom = lines + 1 appends). When the motion has moved on since the base
// (another amendment was adopted), the amendment still applies if the lines it touches — and, for an
// insertion, the lines on either side of the gap — are unchanged and still side by side in the current
// text; otherwise it is stale and must be proposed again on the current version.
import type { Result } from '../polls/poll-rules.ts';
import { type DiffHunk, diffLines, joinLines, keptLineMap, splitLines } from './line-diff.ts';

export interface AmendmentLines {
  baseVersion: number;
  lineFrom: number;
  lineTo: number;
  replacementLines: readonly string[];
}

export interface TextVersion {
  version: number;
  text: string;
}

/** Whether the amendment fits its base text: lines inside it, and a change. */
export function checkAmendment(base: TextVersion, a: AmendmentLines): Result<AmendmentLines> {
  const lines = splitLines(base.text);
  if (a.baseVersion !== base.version)
    return { ok: false, error: 'amendment-base-invalid', field: 'baseVersion' };
  if (!Number.isInteger(a.lineFrom) || a.lineFrom < 1 || a.lineFrom > lines.length + 1)
    return { ok: false, error: 'amendment-base-invalid', field: 'lineFrom' };
  if (!Number.isInteger(a.lineTo) || a.lineTo < a.lineFrom - 1 || a.lineTo > lines.length)
    return { ok: false, error: 'amendment-base-invalid', field: 'lineTo' };
  if (a.replacementLines.some((l) => /[\r\n]/.test(l)))
    return { ok: false, error: 'amendment-base-invalid', field: 'replacementLines' };
  const replaced = lines.slice(a.lineFrom - 1, a.lineTo);
  // A motion keeps some text: an amendment that deletes every line is a vote against it.
  if (lines.length - replaced.length + a.replacementLines.length === 0)
    return { ok: false, error: 'amendment-base-invalid', field: 'replacementLines' };
  if (
    replaced.length === a.replacementLines.length &&
    replaced.every((line, k) => line === a.replacementLines[k])
  )
    return { ok: false, error: 'amendment-changes-nothing', field: 'replacementLines' };
  return { ok: true, value: a };
}

/** The base text with the amendment applied (no checks: call checkAmendment first). */
function replaceLines(lines: readonly string[], from: number, to: number, replacement: readonly string[]) {
  return [...lines.slice(0, from - 1), ...replacement, ...lines.slice(to)];
}

/** The amended base text and its diff from the base: what readers are shown. */
export function amendmentDiff(base: TextVersion, a: AmendmentLines): DiffHunk[] {
  const lines = splitLines(base.text);
  return diffLines(lines, replaceLines(lines, a.lineFrom, a.lineTo, a.replacementLines));
}

/**
 * The current text with the amendment applied, or `amendment-stale` when the lines it touches changed
 * since its base version. `base` is the amendment's base version, `current` the motion's version in force.
 */
export function applyAmendment(base: TextVersion, current: TextVersion, a: AmendmentLines): Result<string> {
  const checked = checkAmendment(base, a);
  if (!checked.ok) return checked;
  const baseLines = splitLines(base.text);
  const currentLines = splitLines(current.text);
  if (current.version === base.version)
    return { ok: true, value: joinLines(replaceLines(baseLines, a.lineFrom, a.lineTo, a.replacementLines)) };
  const map = keptLineMap(baseLines, currentLines);
  // The base lines that must be kept and adjacent: the replaced ones, or the two around an insertion.
  // Position 0 and lines + 1 stand for the start and the end of the text, which map to themselves.
  const first = a.lineTo >= a.lineFrom ? a.lineFrom : a.lineFrom - 1;
  const last = Math.max(a.lineTo, a.lineFrom);
  const mapped = (line: number) =>
    line === 0 ? 0 : line === baseLines.length + 1 ? currentLines.length + 1 : (map[line - 1] ?? -1) + 1;
  for (let line = first; line <= last; line++) {
    const at = mapped(line);
    if (at === 0 && line !== 0) return { ok: false, error: 'amendment-stale', field: 'baseVersion' };
    if (line > first && at !== mapped(line - 1) + 1)
      return { ok: false, error: 'amendment-stale', field: 'baseVersion' };
  }
  const from = a.lineTo >= a.lineFrom ? mapped(a.lineFrom) : mapped(a.lineFrom - 1) + 1;
  const to = from + (a.lineTo - a.lineFrom);
  return { ok: true, value: joinLines(replaceLines(currentLines, from, to, a.replacementLines)) };
}
