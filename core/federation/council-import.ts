// Validation of a councils CSV before anything is written: every row is checked, rows refer to their
// parents by a `key` given in the same file (or to the import's parent when `parent_key` is empty),
// and the accepted rows come out in an order where each parent precedes its children. One rejected
// row rejects the import: the report says which rows and why, and nothing is written.
import { COUNCIL_KINDS, type CouncilKind } from './councils.ts';

export const COUNCIL_CSV_COLUMNS = [
  'key',
  'name',
  'kind',
  'level',
  'territory',
  'sector',
  'parent_key',
  'answer_days',
] as const;

export interface CouncilImportRow {
  key: string;
  name: string;
  kind: CouncilKind;
  level: string | null;
  territory: string;
  sector: string | null;
  parentKey: string | null;
  answerDays: number;
}

export interface RowVerdict {
  /** 1-based line in the file, counting the header as line 1. */
  line: number;
  status: 'accepted' | 'rejected';
  field?: string;
  reason?: string;
}

export interface CouncilImportPlan {
  rows: CouncilImportRow[];
  report: RowVerdict[];
  ok: boolean;
}

const clean = (v: string | undefined) => (v ?? '').trim();

export function planCouncilImport(records: Array<Record<string, string>>, firstLine = 2): CouncilImportPlan {
  const report: RowVerdict[] = [];
  const parsed: Array<CouncilImportRow & { line: number }> = [];
  const keys = new Map<string, number>();
  for (const [i, r] of records.entries()) {
    const line = firstLine + i;
    const reject = (field: string, reason: string) =>
      report.push({ line, status: 'rejected', field, reason });
    const key = clean(r.key);
    const name = clean(r.name);
    const kind = clean(r.kind) as CouncilKind;
    const level = clean(r.level) || null;
    const territory = clean(r.territory);
    const answerText = clean(r.answer_days);
    const answerDays = answerText === '' ? 7 : Number(answerText);
    if (!key || key.length > 100) {
      reject('key', 'a key of 1–100 characters is required');
      continue;
    }
    if (keys.has(key)) {
      reject('key', `key "${key}" already used on line ${keys.get(key)}`);
      continue;
    }
    keys.set(key, line);
    if (!name || name.length > 200) {
      reject('name', 'a name of 1–200 characters is required');
      continue;
    }
    if (!COUNCIL_KINDS.includes(kind)) {
      reject('kind', `kind must be one of ${COUNCIL_KINDS.join(', ')}`);
      continue;
    }
    if (kind === 'federation' && !level) {
      reject('level', 'a federated council needs a level');
      continue;
    }
    if (kind !== 'federation' && level) {
      reject('level', 'a base council has no level');
      continue;
    }
    if (level && level.length > 40) {
      reject('level', 'level is at most 40 characters');
      continue;
    }
    if (!territory || territory.length > 200) {
      reject('territory', 'a territory of 1–200 characters is required');
      continue;
    }
    if (!Number.isInteger(answerDays) || answerDays < 1 || answerDays > 90) {
      reject('answer_days', 'answer_days must be a whole number of days from 1 to 90');
      continue;
    }
    const sector = clean(r.sector) || null;
    if (sector && sector.length > 200) {
      reject('sector', 'sector is at most 200 characters');
      continue;
    }
    parsed.push({
      line,
      key,
      name,
      kind,
      level,
      territory,
      sector,
      parentKey: clean(r.parent_key) || null,
      answerDays,
    });
    report.push({ line, status: 'accepted' });
  }
  const byKey = new Map(parsed.map((p) => [p.key, p]));
  for (const p of parsed) {
    if (!p.parentKey) continue;
    const parent = byKey.get(p.parentKey);
    const verdict = report.find((v) => v.line === p.line)!;
    if (!parent) {
      Object.assign(verdict, {
        status: 'rejected',
        field: 'parent_key',
        reason: `no row has key "${p.parentKey}"`,
      });
    } else if (parent.kind !== 'federation') {
      Object.assign(verdict, {
        status: 'rejected',
        field: 'parent_key',
        reason: `"${p.parentKey}" is not a federated council`,
      });
    }
  }
  const ordered = orderParentsFirst(parsed, report);
  report.sort((a, b) => a.line - b.line);
  const ok = report.every((v) => v.status === 'accepted');
  return { rows: ok ? ordered : [], report, ok };
}

function orderParentsFirst(
  rows: Array<CouncilImportRow & { line: number }>,
  report: RowVerdict[],
): CouncilImportRow[] {
  const out: CouncilImportRow[] = [];
  const placed = new Set<string>();
  let pending = rows;
  while (pending.length > 0) {
    const next = pending.filter((r) => r.parentKey && !placed.has(r.parentKey));
    const ready = pending.filter((r) => !r.parentKey || placed.has(r.parentKey));
    if (ready.length === 0) {
      for (const r of next) {
        const verdict = report.find((v) => v.line === r.line)!;
        if (verdict.status === 'accepted') {
          Object.assign(verdict, {
            status: 'rejected',
            field: 'parent_key',
            reason: 'parent keys form a cycle',
          });
        }
      }
      break;
    }
    for (const { line: _line, ...r } of ready) {
      out.push(r);
      placed.add(r.key);
    }
    pending = next;
  }
  return out;
}
