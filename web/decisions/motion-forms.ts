// The browser side of the motions forms: checks before sending (locale keys per field, as
// decision-forms.ts), the request bodies, and an amendment's preview — the same diff the server will
// show, computed by the pure core rule so the proposer sees what they send.
import { amendmentDiff, checkAmendment } from '../../core/decisions/motions/amendment-text.ts';
import { type DiffHunk, splitLines } from '../../core/decisions/motions/line-diff.ts';
import type { AmendmentInput, MotionInput, MotionStatus } from '../app/api-types.ts';

type Problems = Record<string, string>;

export interface MotionValues {
  title: string;
  text: string;
  /** A sitting of the council whose agenda takes it ('' for none). */
  assemblyId: string;
}

export const EMPTY_MOTION: MotionValues = { title: '', text: '', assemblyId: '' };

export function checkMotion(values: MotionValues): Problems {
  const problems: Problems = {};
  if (!values.title.trim()) problems.title = 'decisions.motions.form.titleRequired';
  if (!values.text.trim()) problems.text = 'decisions.motions.form.textRequired';
  return problems;
}

export function motionBody(values: MotionValues): MotionInput {
  return {
    title: values.title.trim(),
    text: values.text.trim(),
    assemblyId: values.assemblyId || null,
    agendaPosition: null,
  };
}

export interface AmendmentValues {
  /** Insert new lines before `lineFrom` instead of replacing lines. */
  isInsertion: boolean;
  lineFrom: string;
  lineTo: string;
  /** One line of the new text per line; empty deletes the chosen lines. */
  replacement: string;
}

export const EMPTY_AMENDMENT: AmendmentValues = {
  isInsertion: false,
  lineFrom: '1',
  lineTo: '1',
  replacement: '',
};

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** The replacement lines as typed; a trailing line break does not add an empty line. */
export function replacementLines(text: string): string[] {
  const lines = splitLines(text);
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}

/** The request for the amendment, or null while the line numbers are not whole numbers. */
export function amendmentInput(values: AmendmentValues, baseVersion: number): AmendmentInput | null {
  const from = wholeNumber(values.lineFrom);
  const to = values.isInsertion ? (from === null ? null : from - 1) : wholeNumber(values.lineTo);
  if (from === null || to === null) return null;
  return { baseVersion, lineFrom: from, lineTo: to, replacementLines: replacementLines(values.replacement) };
}

/** Checks the amendment against the text it is drafted on, as the server will (checkAmendment). */
export function checkAmendmentForm(
  values: AmendmentValues,
  base: { version: number; text: string },
): Problems {
  const problems: Problems = {};
  const lines = splitLines(base.text).length;
  const from = wholeNumber(values.lineFrom);
  if (from === null || from < 1 || from > lines + (values.isInsertion ? 1 : 0))
    problems.lineFrom = 'decisions.motions.amend.lineFromInvalid';
  if (!values.isInsertion) {
    const to = wholeNumber(values.lineTo);
    if (to === null || to > lines || (from !== null && to < from))
      problems.lineTo = 'decisions.motions.amend.lineToInvalid';
  }
  if (Object.keys(problems).length > 0) return problems;
  const input = amendmentInput(values, base.version);
  if (!input) return problems;
  if (values.isInsertion && input.replacementLines.length === 0) {
    problems.replacementLines = 'decisions.motions.amend.insertNothing';
    return problems;
  }
  const checked = checkAmendment(base, input);
  if (!checked.ok)
    problems[checked.field ?? 'replacementLines'] =
      checked.error === 'amendment-changes-nothing'
        ? 'decisions.motions.amend.changesNothing'
        : 'decisions.motions.amend.deletesAll';
  return problems;
}

/** The diff the amendment would make, or null while it does not fit the text. */
export function amendmentPreview(
  values: AmendmentValues,
  base: { version: number; text: string },
): DiffHunk[] | null {
  if (Object.keys(checkAmendmentForm(values, base)).length > 0) return null;
  const input = amendmentInput(values, base.version);
  return input ? amendmentDiff(base, input) : null;
}

/** The lines of a diff with both line numbers, for a table a screen reader reads row by row. */
export interface DiffRow {
  kind: DiffHunk['kind'];
  oldLine: number | null;
  newLine: number | null;
  text: string;
}

/**
 * Rows of a diff; long runs of kept lines are cut to `context` lines either side of a change (a
 * `null` row stands for the lines left out).
 */
export function diffRows(hunks: readonly DiffHunk[], context = 2): (DiffRow | null)[] {
  const rows: (DiffRow | null)[] = [];
  hunks.forEach((hunk, index) => {
    const all = hunk.lines.map((text, k) => ({
      kind: hunk.kind,
      oldLine: hunk.kind === 'added' ? null : hunk.oldLine + k,
      newLine: hunk.kind === 'removed' ? null : hunk.newLine + k,
      text,
    }));
    if (hunk.kind !== 'kept') {
      rows.push(...all);
      return;
    }
    const head = index === 0 ? 0 : context;
    const tail = index === hunks.length - 1 ? 0 : context;
    if (all.length <= head + tail + 1) {
      rows.push(...all);
      return;
    }
    rows.push(...all.slice(0, head), null, ...all.slice(all.length - tail));
  });
  return rows;
}

/** Where each status sorts in the council's list: open business first, then decided, then gone. */
const STATUS_ORDER: Record<MotionStatus, number> = {
  voted: 0,
  debated: 1,
  admitted: 2,
  submitted: 3,
  adopted: 4,
  rejected: 5,
  referred: 6,
  withdrawn: 7,
};

export const MOTION_STATUS_ORDER = (Object.keys(STATUS_ORDER) as MotionStatus[]).sort(
  (a, b) => STATUS_ORDER[a] - STATUS_ORDER[b],
);

/** Motions grouped by status in MOTION_STATUS_ORDER, empty groups left out, newest first in each. */
export function motionsByStatus<T extends { status: MotionStatus; submittedAt: string }>(
  motions: readonly T[],
): { status: MotionStatus; motions: T[] }[] {
  return MOTION_STATUS_ORDER.map((status) => ({
    status,
    motions: motions
      .filter((m) => m.status === status)
      .sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt)),
  })).filter((group) => group.motions.length > 0);
}

/** A motion is open to support and amendments until its vote opens. */
export const isMotionOpen = (status: MotionStatus) =>
  status === 'submitted' || status === 'admitted' || status === 'debated';
