// Minutes of a sitting, generated from its records: the sitting, agenda, attendance, quorum at opening
// and closing, and every poll in order with its settings, figures and outcome — elections with their
// count round by round. A pure function of plain facts (the server gathers them), so the same records
// always give the same text. Names and titles are escaped: a person called "A|B" cannot break a table.
// Instants are printed in UTC (the records' own zone) and weights in votes (millis / 1000).

import { stageLabel, statusLabel } from '../counting/explain-tally.ts';
import { type TallyTranslate, tallyTableModel } from '../counting/index.ts';
import type { Majority, MajorityBase, PollKind, PollMethod, Secrecy } from '../polls/poll-rules.ts';
import type { PollResult } from '../polls/poll-tally.ts';
import { type QuorumRule, type QuorumState, quorumState } from '../polls/quorum.ts';
import { escapeMarkdown } from './markdown-blocks.ts';

export interface MinutesAttendee {
  name: string;
  /** Null for a member; the mandate a delegate sat on otherwise. */
  mandateId: string | null;
  weightMillis: number;
  checkedInAt: string;
  checkedOutAt: string | null;
}

export interface MinutesPoll {
  title: string;
  kind: PollKind;
  method: PollMethod;
  secrecy: Secrecy;
  majority: Majority;
  majorityBase: MajorityBase;
  /** Option labels of an election, in ballot order; empty for yes-no. */
  options: string[];
  status: 'open' | 'closed' | 'cancelled';
  entitledMillis: number;
  presentAtOpenMillis: number | null;
  presentAtCloseMillis: number | null;
  result: PollResult | null;
  /** The motion the poll decided, when the poll is linked to one (filled once motions exist). */
  motionId?: string | null;
  motionTitle?: string | null;
}

export interface MinutesFacts {
  councilName: string;
  sitting: {
    title: string;
    isExtraordinary: boolean;
    startsAt: string;
    openedAt: string | null;
    closedAt: string | null;
    place: string | null;
    onlineUrl: string | null;
  };
  agenda: ReadonlyArray<{ position: number; title: string; notes: string | null }>;
  attendance: readonly MinutesAttendee[];
  quorumRule: QuorumRule;
  /** Weights present and entitled at the sitting's opening and closing instants (null if it never was). */
  presence: { atOpening: WeightsAt | null; atClosing: WeightsAt | null };
  polls: readonly MinutesPoll[];
}

export interface WeightsAt {
  presentMillis: number;
  entitledMillis: number;
}

const esc = escapeMarkdown;

/** An instant as "2026-12-01 18:00 UTC". */
export function minutesInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Millis as votes, up to three decimals, with the language's decimal mark. */
export function votesOf(millis: number, t: TallyTranslate): string {
  const text = (Math.round(millis) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return text.replace('.', t('minutes.decimal'));
}

export function generateMinutes(facts: MinutesFacts, t: TallyTranslate): string {
  const out: string[] = [];
  const s = facts.sitting;
  out.push(`# ${t('minutes.title', { title: esc(s.title) })}`, '');
  const field = (label: string, value: string) => out.push(`**${label}:** ${value}  `);
  field(t('minutes.council'), esc(facts.councilName));
  field(t('minutes.sitting'), t(s.isExtraordinary ? 'minutes.extraordinary' : 'minutes.ordinary'));
  field(t('minutes.convenedFor'), minutesInstant(s.startsAt));
  if (s.openedAt) field(t('minutes.openedAt'), minutesInstant(s.openedAt));
  if (s.closedAt) field(t('minutes.closedAt'), minutesInstant(s.closedAt));
  if (s.place) field(t('minutes.place'), esc(s.place));
  if (s.onlineUrl) field(t('minutes.online'), esc(s.onlineUrl));
  out[out.length - 1] = out[out.length - 1]!.trimEnd();
  out.push('');

  out.push(`## ${t('minutes.agenda')}`, '');
  if (facts.agenda.length === 0) out.push(t('minutes.noAgenda'));
  for (const item of facts.agenda) {
    out.push(`${item.position}. ${esc(item.title)}`);
    if (item.notes) out.push(`   ${esc(item.notes)}`);
  }
  out.push('');

  out.push(...attendanceSection(facts, t), ...quorumSection(facts, t));

  out.push(`## ${t('minutes.polls')}`, '');
  if (facts.polls.length === 0) out.push(t('minutes.noPolls'), '');
  facts.polls.forEach((poll, i) => {
    out.push(...pollSection(poll, i + 1, t));
  });
  out.push('---', '', `_${t('minutes.footer')}_`);
  return `${out.join('\n')}\n`;
}

function attendanceSection(facts: MinutesFacts, t: TallyTranslate): string[] {
  const out = [`## ${t('minutes.attendance')}`, ''];
  if (facts.attendance.length === 0) return [...out, t('minutes.nobody'), ''];
  let weight = 0;
  // A person checked in twice on the same seat counts once toward the total weight.
  const seats = new Map<string, number>();
  for (const a of facts.attendance) {
    const role =
      a.mandateId === null
        ? t('minutes.member')
        : t('minutes.delegate', { weight: votesOf(a.weightMillis, t) });
    const span = [t('minutes.from', { time: minutesInstant(a.checkedInAt) })];
    if (a.checkedOutAt) span.push(t('minutes.until', { time: minutesInstant(a.checkedOutAt) }));
    out.push(`- ${esc(a.name)} (${role}; ${span.join(', ')})`);
    seats.set(`${a.name}\u0000${a.mandateId ?? ''}`, a.weightMillis);
  }
  for (const w of seats.values()) weight += w;
  out.push('', t('minutes.presentTotal', { count: seats.size, weight: votesOf(weight, t) }), '');
  return out;
}

function quorumSection(facts: MinutesFacts, t: TallyTranslate): string[] {
  const rule = facts.quorumRule;
  const out = [`## ${t('minutes.quorum')}`, ''];
  out.push(
    rule.kind === 'percent'
      ? t('minutes.quorumRule.percent', { percent: rule.percent })
      : t('minutes.quorumRule.more-than-half'),
    '',
  );
  const line = (when: string, w: WeightsAt | null) => {
    if (!w) return;
    const q: QuorumState = quorumState(rule, w.presentMillis, w.entitledMillis);
    out.push(
      `- ${t('minutes.quorumAt', {
        when,
        present: votesOf(q.presentMillis, t),
        entitled: votesOf(q.entitledMillis, t),
        needed: votesOf(q.neededMillis, t),
        state: t(q.isQuorate ? 'minutes.quorate' : 'minutes.notQuorate'),
      })}`,
    );
  };
  line(t('minutes.atOpening'), facts.presence.atOpening);
  line(t('minutes.atClosing'), facts.presence.atClosing);
  out.push('');
  return out;
}

function pollSection(poll: MinutesPoll, n: number, t: TallyTranslate): string[] {
  const out = [`### ${n}. ${esc(poll.title)}`, ''];
  if (poll.motionId) {
    out.push(`#### ${t('minutes.motion')}: ${esc(poll.motionTitle ?? poll.title)}`, '');
    out.push(`<!-- motion:${poll.motionId} -->`, `_${t('minutes.motionPlaceholder')}_`, '');
  }
  const method = poll.method === 'yes-no' ? t('minutes.method.yes-no') : t(`tally.method.${poll.method}`);
  out.push(`- ${t('minutes.kind')}: ${t(`minutes.kind.${poll.kind}`)}`);
  out.push(`- ${t('minutes.method')}: ${method}`);
  out.push(`- ${t('minutes.secrecy')}: ${t(`minutes.secrecy.${poll.secrecy}`)}`);
  if (poll.method === 'yes-no') {
    out.push(
      `- ${t('minutes.majority')}: ${t(`minutes.majority.${poll.majority}`)}; ${t('minutes.base')}: ${t(`minutes.base.${poll.majorityBase}`)}`,
    );
  }
  if (poll.presentAtOpenMillis !== null || poll.presentAtCloseMillis !== null) {
    const w = (m: number | null) => (m === null ? '—' : votesOf(m, t));
    out.push(`- ${t('minutes.presence')}: ${w(poll.presentAtOpenMillis)} / ${w(poll.presentAtCloseMillis)}`);
  }
  const outcome = poll.result ? t(`minutes.outcome.${poll.result.outcome}`) : t('minutes.notClosed');
  out.push(`- ${t('minutes.outcome')}: **${outcome}**`, '');
  const r = poll.result;
  if (!r) return out;
  if (r.method === 'yes-no') {
    out.push(
      `| ${t('minutes.yes')} | ${t('minutes.no')} | ${t('minutes.abstain')} | ${t('minutes.ballots')} |`,
      '|---:|---:|---:|---:|',
      `| ${votesOf(r.totals.yes, t)} | ${votesOf(r.totals.no, t)} | ${votesOf(r.totals.abstain, t)} | ${r.ballots} |`,
      '',
    );
    return out;
  }
  const names = r.tally?.candidates ?? poll.options;
  const elected = r.elected.map((c) => esc(names[c] ?? `#${c + 1}`));
  out.push(`- ${t('minutes.ballots')}: ${r.ballots}; ${t('minutes.blank')}: ${r.blank}`);
  out.push(
    `- ${t('minutes.elected')}: ${elected.length > 0 ? elected.join(', ') : t('minutes.noneElected')}`,
    '',
  );
  if (r.tally) out.push(...roundTable(r.tally, t));
  return out;
}

/** The count as a Markdown table: one column per round (its total), then each candidate's result. */
function roundTable(
  tally: NonNullable<Extract<PollResult, { tally: unknown }>['tally']>,
  t: TallyTranslate,
): string[] {
  const m = tallyTableModel(tally);
  const quota = m.quota !== undefined ? t('minutes.quotaPart', { quota: m.quota }) : '';
  const out = [
    `${t('minutes.rounds', { method: t(`tally.method.${m.method}`), seats: m.seats, valid: m.valid, quota })}:`,
    '',
  ];
  const heads = m.stages.map((h) => esc(`${t('tally.stage', { stage: h.stage })}: ${stageLabel(h, t)}`));
  out.push(`| ${t('tally.candidate')} | ${heads.join(' | ')} | ${t('tally.result')} |`);
  out.push(`|---|${m.stages.map(() => '---:').join('|')}|---|`);
  for (const row of m.candidates) {
    const cells = row.cells.map((c) => c.total);
    out.push(`| ${esc(row.name)} | ${cells.join(' | ')} | ${statusLabel(row, t)} |`);
  }
  if (m.stages.length > 1 || m.exhausted.some((c) => c.total !== '0')) {
    out.push(`| ${t('tally.exhausted')} | ${m.exhausted.map((c) => c.total).join(' | ')} | |`);
  }
  out.push('');
  return out;
}
