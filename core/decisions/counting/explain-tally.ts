// Explanation of a count, round by round: (a) the plain-text result sheet a returning officer prints,
// one column per stage with every candidate's transfer and total, the non-transferable (exhausted) value,
// value lost to truncation, the quota, and the notes saying why each candidate was elected or excluded;
// (b) the same as a JSON object keyed by the names in the ballot file. The web app renders the same
// rows through `tallyTableModel` (web/decisions/TallyTable.tsx).
import type { CandidateStatus, CountingMethod, RoundAction, Tally, TallyRound } from './tally.ts';

/** A translate function: the web app passes i18next's `t`; the CLI uses `englishTallyText`. */
export type TallyTranslate = (key: string, vars?: Record<string, unknown>) => string;

/** English wording of every key the explanation uses, for the CLI and as the source strings to localise. */
export const TALLY_TEXT: Record<string, string> = {
  'tally.method.plurality': 'Plurality',
  'tally.method.approval': 'Approval voting',
  'tally.method.irv': 'Instant-runoff voting',
  'tally.method.stv-scottish': 'Scottish STV (SSI 2007/42)',
  'tally.method.stv-meek': 'Meek STV',
  'tally.method.stv-wigm': 'STV, weighted inclusive Gregory',
  'tally.method.schulze': 'Schulze method',
  'tally.caption': '{{method}}: {{seats}} seat(s), round by round',
  'tally.seats': 'Seats',
  'tally.valid': 'Valid poll',
  'tally.quota': 'Quota',
  'tally.seed': 'Seed for drawing lots',
  'tally.candidate': 'Candidate',
  'tally.stage': 'Stage {{stage}}',
  'tally.transfer': 'Transfer',
  'tally.total': 'Total',
  'tally.result': 'Result',
  'tally.exhausted': 'Non-transferable',
  'tally.lost': 'Lost to rounding',
  'tally.sum': 'Total (check)',
  'tally.action.first-preferences': 'First preferences',
  'tally.action.surplus': 'Surplus of {{names}}',
  'tally.action.exclusion': 'Exclusion of {{names}}',
  'tally.action.elect-remaining': 'Remaining elected',
  'tally.action.iteration': 'Iteration',
  'tally.action.count': 'Count',
  'tally.status.elected': 'Elected at stage {{stage}}',
  'tally.status.excluded': 'Excluded at stage {{stage}}',
  'tally.status.withdrawn': 'Withdrawn',
  'tally.status.continuing': 'Not elected',
  'tally.keepValues': 'Keep values',
  'tally.notes': 'Notes',
  'tally.tieBreaks': 'Ties',
  'tally.tieBreak': 'Stage {{stage}}: {{tied}} tied; {{chosen}} chosen by {{by}}{{deciding}}{{seed}}',
  'tally.elected': 'Elected, in order of election',
  'tally.ranking': 'Ranking',
};

/** The English text of a key with `{{var}}` substituted: the CLI's translate function. */
export const englishTallyText: TallyTranslate = (key, vars) => {
  const template = TALLY_TEXT[key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = vars?.[name];
    return v === undefined || v === null ? '' : String(v);
  });
};

// ---------------------------------------------------------------------------------------------------
// The model both renderings (text and React) share.

export interface TallyCell {
  /** Change at this stage (absent on the first stage or when the count does not record it). */
  transfer?: string;
  total: string;
}

export interface TallyRow {
  candidate: number;
  name: string;
  cells: TallyCell[];
  status: CandidateStatus;
  /** Stage at which the candidate was elected or excluded. */
  stage?: number;
}

export interface TallyStageHead {
  stage: number;
  action: RoundAction;
  subjects: string[];
  quota?: string;
}

export interface TallyTableModel {
  method: CountingMethod;
  seats: number;
  valid: string;
  quota?: string;
  seed?: string;
  stages: TallyStageHead[];
  candidates: TallyRow[];
  exhausted: TallyCell[];
  /** Present when some round records value lost to rounding. */
  lost?: TallyCell[];
  /** Sum of every candidate, exhausted and lost value at each stage: equals the valid poll when value is conserved. */
  sums: string[];
  hasTransfers: boolean;
  /** Meek: keepValues[candidate][stage], present when the count records keep values. */
  keepValues?: string[][];
  notes: Array<{ stage: number; action: RoundAction; subjects: string[]; notes: string[] }>;
}

/** Build the table both renderings share. */
export function tallyTableModel(tally: Tally): TallyTableModel {
  const names = tally.candidates;
  const nameOf = (c: number) => names[c] ?? `#${c + 1}`;
  const rounds = tally.rounds;
  const hasTransfers = rounds.some((r) => r.transfers !== undefined);
  const events = new Map<number, { status: CandidateStatus; stage: number }>();
  for (const r of rounds) {
    for (const c of r.elected) if (!events.has(c)) events.set(c, { status: 'elected', stage: r.stage });
    for (const c of r.excluded) if (!events.has(c)) events.set(c, { status: 'excluded', stage: r.stage });
  }
  const lastStatuses = rounds.at(-1)?.statuses;

  const candidates: TallyRow[] = names.map((name, c) => {
    const event = events.get(c);
    let status: CandidateStatus = event?.status ?? lastStatuses?.[c] ?? 'continuing';
    if (!event && tally.elected.includes(c)) status = 'elected';
    const row: TallyRow = {
      candidate: c,
      name,
      status,
      cells: rounds.map((r, k) => cellOf(r.totals[c] ?? '0', k === 0 ? undefined : r.transfers?.[c])),
    };
    if (event && event.status === status) row.stage = event.stage;
    return row;
  });

  const exhausted = rounds.map((r, k) => {
    const before = k === 0 ? undefined : rounds[k - 1]!.exhausted;
    return cellOf(r.exhausted, before === undefined ? undefined : subtract(r.exhausted, before));
  });
  const anyLost = rounds.some((r) => r.lost !== undefined);
  const lost = anyLost
    ? rounds.map((r, k) => {
        const now = r.lost ?? '0';
        const before = k === 0 ? undefined : (rounds[k - 1]!.lost ?? '0');
        return cellOf(now, before === undefined ? undefined : subtract(now, before));
      })
    : undefined;
  const sums = rounds.map((r) => sumDecimals([...r.totals, r.exhausted, r.lost ?? '0']));

  const model: TallyTableModel = {
    method: tally.method,
    seats: tally.seats,
    valid: tally.valid,
    stages: rounds.map((r) => {
      const head: TallyStageHead = { stage: r.stage, action: r.action, subjects: r.subjects.map(nameOf) };
      if (r.quota !== undefined) head.quota = r.quota;
      return head;
    }),
    candidates,
    exhausted,
    sums,
    hasTransfers,
    notes: rounds.map((r) => ({
      stage: r.stage,
      action: r.action,
      subjects: r.subjects.map(nameOf),
      notes: r.notes,
    })),
  };
  if (lost) model.lost = lost;
  if (rounds.some((r) => r.keepValues !== undefined)) {
    model.keepValues = names.map((_, c) => rounds.map((r) => r.keepValues?.[c] ?? ''));
  }
  if (tally.quota !== undefined) model.quota = tally.quota;
  if (tally.seed !== undefined) model.seed = tally.seed;
  return model;
}

function cellOf(total: string, transfer: string | undefined): TallyCell {
  return transfer === undefined ? { total } : { transfer, total };
}

/** The heading of a stage: "Surplus of A", "Exclusion of B", … */
export function stageLabel(head: Pick<TallyStageHead, 'action' | 'subjects'>, t: TallyTranslate): string {
  return t(`tally.action.${head.action}`, { names: head.subjects.join(', '), count: head.subjects.length });
}

/** What happened to a candidate: "Elected at stage 3", "Excluded at stage 2", "Withdrawn", "Not elected". */
export function statusLabel(row: Pick<TallyRow, 'status' | 'stage'>, t: TallyTranslate): string {
  return t(`tally.status.${row.status}`, { stage: row.stage ?? '' });
}

/** A transfer as printed: signed, and blank when nothing moved. */
export function formatTransfer(value: string | undefined): string {
  if (value === undefined || isZero(value)) return '';
  return value.startsWith('-') ? value : `+${value}`;
}

// ---------------------------------------------------------------------------------------------------
// (a) Plain text

export interface ExplainTextOptions {
  /** Heading printed above the table, e.g. the election title from the ballot file. */
  title?: string;
  t?: TallyTranslate;
}

/** The result sheet a returning officer prints: a table with one column per stage, then the notes. */
export function explainTallyText(tally: Tally, options: ExplainTextOptions = {}): string {
  const t = options.t ?? englishTallyText;
  const m = tallyTableModel(tally);
  const names = tally.candidates;
  const out: string[] = [];
  const methodName = t(`tally.method.${m.method}`);
  out.push(options.title ? `${options.title} — ${methodName}` : methodName);
  const facts = [`${t('tally.seats')}: ${m.seats}`, `${t('tally.valid')}: ${m.valid}`];
  if (m.quota !== undefined) facts.push(`${t('tally.quota')}: ${m.quota}`);
  if (m.seed !== undefined) facts.push(`${t('tally.seed')}: ${m.seed}`);
  out.push(facts.join(' · '), '');

  // Columns: candidate name, then per stage (transfer, total) or (total) for the first stage, then result.
  const firstColumn: Column = {
    header: [t('tally.candidate'), '', ''],
    cells: [
      ...m.candidates.map((r) => r.name),
      t('tally.exhausted'),
      ...(m.lost ? [t('tally.lost')] : []),
      t('tally.sum'),
      ...(m.stages.some((s) => s.quota !== undefined) ? [t('tally.quota')] : []),
    ],
    align: 'left',
  };
  const columns: Column[] = [firstColumn];
  const showQuotaRow = m.stages.some((s) => s.quota !== undefined);
  m.stages.forEach((head, k) => {
    const label = truncate(stageLabel(head, t), 40);
    const stageTitle = t('tally.stage', { stage: head.stage });
    const pick = (cells: TallyCell[] | undefined) => cells?.[k];
    if (k > 0 && m.hasTransfers) {
      columns.push({
        header: [stageTitle, label, t('tally.transfer')],
        cells: [
          ...m.candidates.map((r) => formatTransfer(r.cells[k]?.transfer)),
          formatTransfer(pick(m.exhausted)?.transfer),
          ...(m.lost ? [formatTransfer(pick(m.lost)?.transfer)] : []),
          '',
          ...(showQuotaRow ? [''] : []),
        ],
        align: 'right',
      });
    }
    columns.push({
      header: k > 0 && m.hasTransfers ? ['', '', t('tally.total')] : [stageTitle, label, t('tally.total')],
      cells: [
        ...m.candidates.map((r) => r.cells[k]?.total ?? ''),
        pick(m.exhausted)?.total ?? '',
        ...(m.lost ? [pick(m.lost)?.total ?? ''] : []),
        m.sums[k] ?? '',
        ...(showQuotaRow ? [head.quota ?? m.quota ?? ''] : []),
      ],
      align: 'right',
    });
  });
  columns.push({
    header: [t('tally.result'), '', ''],
    cells: [
      ...m.candidates.map((r) => statusLabel(r, t)),
      '',
      ...(m.lost ? [''] : []),
      '',
      ...(showQuotaRow ? [''] : []),
    ],
    align: 'left',
  });

  out.push(...renderColumns(columns, m.candidates.length));
  out.push('');

  if (m.keepValues) {
    out.push(`${t('tally.keepValues')}:`);
    const keep = m.keepValues;
    out.push(
      ...renderColumns(
        [
          { header: [t('tally.candidate')], cells: m.candidates.map((r) => r.name), align: 'left' },
          ...m.stages.map((head, k) => ({
            header: [t('tally.stage', { stage: head.stage })],
            cells: m.candidates.map((r) => keep[r.candidate]?.[k] ?? ''),
            align: 'right' as const,
          })),
        ],
        m.candidates.length,
      ),
      '',
    );
  }
  const withNotes = m.notes.filter((n) => n.notes.length > 0);
  if (withNotes.length > 0) {
    out.push(`${t('tally.notes')}:`);
    for (const n of withNotes) {
      out.push(`  ${t('tally.stage', { stage: n.stage })} — ${stageLabel(n, t)}`);
      for (const note of n.notes) out.push(`    - ${note}`);
    }
    out.push('');
  }
  if (tally.tieBreaks.length > 0) {
    out.push(`${t('tally.tieBreaks')}:`);
    for (const tb of tally.tieBreaks) {
      out.push(
        `  ${t('tally.tieBreak', {
          stage: tb.stage,
          tied: tb.tied.map((c) => names[c] ?? `#${c + 1}`).join(', '),
          chosen: names[tb.chosen] ?? `#${tb.chosen + 1}`,
          by: tb.by,
          deciding: tb.decidingStage !== undefined ? ` (stage ${tb.decidingStage})` : '',
          seed: tb.seed !== undefined ? ` (seed ${tb.seed})` : '',
        })}`,
      );
    }
    out.push('');
  }
  if (tally.ranking && tally.ranking.length > 0) {
    out.push(`${t('tally.ranking')}:`);
    tally.ranking.forEach((tier, i) => {
      out.push(`  ${i + 1}. ${tier.map((c) => names[c] ?? `#${c + 1}`).join(' = ')}`);
    });
    out.push('');
  }
  out.push(`${t('tally.elected')}:`);
  tally.elected.forEach((c, i) => {
    out.push(`  ${i + 1}. ${names[c] ?? `#${c + 1}`}`);
  });
  return `${out.join('\n')}\n`;
}

type Column = { header: string[]; cells: string[]; align: 'left' | 'right' };

/** Lay columns out as fixed-width text; a rule under the headers and after `ruleAfter` body rows. */
function renderColumns(columns: Column[], ruleAfter: number): string[] {
  const out: string[] = [];
  const widths = columns.map((c) => Math.max(...c.header.map(width), ...c.cells.map(width)));
  const pad = (text: string, w: number, align: 'left' | 'right') =>
    align === 'left' ? text + ' '.repeat(w - width(text)) : ' '.repeat(w - width(text)) + text;
  const renderRow = (cells: string[], headerRow: boolean) =>
    cells
      .map((text, i) => pad(text, widths[i]!, headerRow ? 'left' : columns[i]!.align))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const headerRows = Math.max(...columns.map((c) => c.header.length));
  for (let h = 0; h < headerRows; h++) {
    const cells = columns.map((c) => c.header[h] ?? '');
    if (cells.some((x) => x !== '')) out.push(renderRow(cells, true));
  }
  out.push(rule);
  const rowCount = Math.max(...columns.map((c) => c.cells.length));
  for (let r = 0; r < rowCount; r++) {
    if (r === ruleAfter && r > 0) out.push(rule);
    out.push(
      renderRow(
        columns.map((c) => c.cells[r] ?? ''),
        false,
      ),
    );
  }
  return out;
}

function truncate(text: string, max: number): string {
  return width(text) <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
}

/** Display width in code points (good enough for names; combining marks are rare in ballots). */
function width(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue; // combining diacritics take no column
    n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------
// (b) JSON

export interface TallyJsonRound {
  stage: number;
  action: RoundAction;
  subjects: string[];
  candidates: Array<{
    name: string;
    total: string;
    transfer?: string;
    status: CandidateStatus;
    keepValue?: string;
  }>;
  exhausted: string;
  lost?: string;
  quota?: string;
  elected: string[];
  excluded: string[];
  notes: string[];
}

export interface TallyJson {
  method: CountingMethod;
  seats: number;
  /** Names from the ballot file, in order of election. */
  elected: string[];
  rounds: TallyJsonRound[];
  quota?: string;
  /** Tiers of names, winners first. */
  ranking?: string[][];
  candidates: string[];
  valid: string;
  tieBreaks: Array<{
    stage: number;
    tied: string[];
    chosen: string;
    by: string;
    decidingStage?: number;
    seed?: string;
  }>;
  seed?: string;
}

/** The tally as a JSON-ready object, with names from the ballot file in place of indexes. */
export function explainTallyJson(tally: Tally): TallyJson {
  const names = tally.candidates;
  const nameOf = (c: number) => names[c] ?? `#${c + 1}`;
  const json: TallyJson = {
    method: tally.method,
    seats: tally.seats,
    elected: tally.elected.map(nameOf),
    rounds: tally.rounds.map((r) => roundJson(r, names)),
    candidates: [...names],
    valid: tally.valid,
    tieBreaks: tally.tieBreaks.map((tb) => {
      const out: TallyJson['tieBreaks'][number] = {
        stage: tb.stage,
        tied: tb.tied.map(nameOf),
        chosen: nameOf(tb.chosen),
        by: tb.by,
      };
      if (tb.decidingStage !== undefined) out.decidingStage = tb.decidingStage;
      if (tb.seed !== undefined) out.seed = tb.seed;
      return out;
    }),
  };
  if (tally.quota !== undefined) json.quota = tally.quota;
  if (tally.ranking !== undefined) json.ranking = tally.ranking.map((tier) => tier.map(nameOf));
  if (tally.seed !== undefined) json.seed = tally.seed;
  return json;
}

function roundJson(r: TallyRound, names: string[]): TallyJsonRound {
  const nameOf = (c: number) => names[c] ?? `#${c + 1}`;
  const out: TallyJsonRound = {
    stage: r.stage,
    action: r.action,
    subjects: r.subjects.map(nameOf),
    candidates: names.map((name, c) => {
      const entry: TallyJsonRound['candidates'][number] = {
        name,
        total: r.totals[c] ?? '0',
        status: r.statuses[c] ?? 'continuing',
      };
      const transfer = r.transfers?.[c];
      if (transfer !== undefined) entry.transfer = transfer;
      const keep = r.keepValues?.[c];
      if (keep !== undefined) entry.keepValue = keep;
      return entry;
    }),
    exhausted: r.exhausted,
    elected: r.elected.map(nameOf),
    excluded: r.excluded.map(nameOf),
    notes: [...r.notes],
  };
  if (r.lost !== undefined) out.lost = r.lost;
  if (r.quota !== undefined) out.quota = r.quota;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Exact decimal-string arithmetic (sums and differences of the tally's decimal strings).

interface Scaled {
  value: bigint;
  places: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

function parseScaled(text: string): Scaled | null {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const digits = `${m[2] || '0'}${frac}`;
  const value = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return { value, places: frac.length };
}

function align(a: Scaled, places: number): bigint {
  return a.value * 10n ** BigInt(places - a.places);
}

function formatScaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = places === 0 ? digits : digits.slice(0, digits.length - places);
  const frac = places === 0 ? '' : `.${digits.slice(digits.length - places)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/** Exact sum of decimal strings, printed with the most places any of them has. */
export function sumDecimals(values: string[]): string {
  const parsed = values.map(parseScaled);
  if (parsed.some((p) => p === null)) return '';
  const places = Math.max(0, ...parsed.map((p) => p!.places));
  let total = 0n;
  for (const p of parsed) total += align(p!, places);
  return formatScaled(total, places);
}

/** Exact a − b of decimal strings. */
export function subtract(a: string, b: string): string {
  const pb = parseScaled(b);
  if (!pb) return '';
  return sumDecimals([a, formatScaled(-pb.value, pb.places)]);
}

function isZero(text: string): boolean {
  const p = parseScaled(text);
  return p !== null && p.value === 0n;
}
