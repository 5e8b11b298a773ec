// The convene and open-poll forms' pure part: what an officer typed becomes the request body, or a
// locale key per field. The server checks again (notice, quorum, the poll's shape); these checks catch
// what can be seen before sending. Also the order sittings are listed in.
import type {
  AssemblyInput,
  AssemblySummary,
  Majority,
  MajorityBase,
  PollInput,
  PollMethod,
  Secrecy,
} from '../app/api-types.ts';

export type Problems = Record<string, string>;

/** A datetime-local value (the reader's clock) as an instant; null when incomplete or invalid. */
export function instantFromLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface ConveneValues {
  title: string;
  startsAt: string;
  isExtraordinary: boolean;
  place: string;
  onlineUrl: string;
  quorumKind: 'more-than-half' | 'percent';
  quorumPercent: string;
  agenda: { title: string; notes: string }[];
}

export const EMPTY_CONVENE: ConveneValues = {
  title: '',
  startsAt: '',
  isExtraordinary: false,
  place: '',
  onlineUrl: '',
  quorumKind: 'more-than-half',
  quorumPercent: '',
  agenda: [{ title: '', notes: '' }],
};

/** Agenda rows are checked by position: `agenda.0` is the first row's title. */
export function checkConvene(values: ConveneValues, now: Date): Problems {
  const problems: Problems = {};
  if (!values.title.trim()) problems.title = 'decisions.convene.titleRequired';
  const startsAt = instantFromLocal(values.startsAt);
  if (!startsAt) problems.startsAt = 'decisions.convene.startsAtInvalid';
  else if (new Date(startsAt).getTime() <= now.getTime())
    problems.startsAt = 'decisions.convene.startsAtPast';
  if (!values.place.trim() && !values.onlineUrl.trim()) problems.place = 'decisions.convene.placeRequired';
  if (values.onlineUrl.trim() && !/^https?:\/\/\S+\.\S+/.test(values.onlineUrl.trim()))
    problems.onlineUrl = 'decisions.convene.onlineUrlInvalid';
  if (values.quorumKind === 'percent') {
    const percent = Number(values.quorumPercent);
    if (!/^\d+$/.test(values.quorumPercent.trim()) || percent < 1 || percent > 100)
      problems.quorumPercent = 'decisions.convene.percentInvalid';
  }
  values.agenda.forEach((item, index) => {
    if (!item.title.trim() && item.notes.trim())
      problems[`agenda.${index}`] = 'decisions.convene.itemTitleRequired';
  });
  return problems;
}

export function conveneBody(values: ConveneValues): AssemblyInput {
  return {
    title: values.title.trim(),
    startsAt: instantFromLocal(values.startsAt) ?? '',
    isExtraordinary: values.isExtraordinary,
    place: values.place.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    quorum:
      values.quorumKind === 'percent'
        ? { kind: 'percent', percent: Number(values.quorumPercent) }
        : { kind: 'more-than-half' },
    agenda: values.agenda
      .filter((item) => item.title.trim())
      .map((item) => ({ title: item.title.trim(), notes: item.notes.trim() || null })),
  };
}

export interface PollValues {
  kind: 'motion' | 'election';
  title: string;
  body: string;
  /** Motions are yes-no; elections pick one of the counting methods. */
  method: Exclude<PollMethod, 'yes-no'>;
  majority: Majority;
  majorityBase: MajorityBase;
  secrecy: Secrecy;
  allowSplit: boolean;
  /** One option per line. */
  options: string;
  seats: string;
  maxMarks: string;
}

export const EMPTY_POLL: PollValues = {
  kind: 'motion',
  title: '',
  body: '',
  method: 'plurality',
  majority: 'simple',
  majorityBase: 'voting',
  secrecy: 'secret',
  allowSplit: false,
  options: '',
  seats: '1',
  maxMarks: '1',
};

export function optionLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export function checkPoll(values: PollValues): Problems {
  const problems: Problems = {};
  if (!values.title.trim()) problems.title = 'decisions.pollForm.titleRequired';
  if (values.kind === 'motion') return problems;
  const options = optionLines(values.options);
  if (options.length < 2) problems.options = 'decisions.pollForm.optionsTwo';
  else if (new Set(options.map((o) => o.toLowerCase())).size !== options.length)
    problems.options = 'decisions.pollForm.optionsTwice';
  const seats = wholeNumber(values.seats);
  if (seats === null || seats < 1 || (options.length >= 2 && seats >= options.length))
    problems.seats = 'decisions.pollForm.seatsInvalid';
  else if (values.method === 'irv' && seats !== 1) problems.seats = 'decisions.pollForm.irvOneSeat';
  if (values.method !== 'plurality') {
    const marks = wholeNumber(values.maxMarks);
    if (marks === null || marks < 1 || (options.length >= 2 && marks > options.length))
      problems.maxMarks = 'decisions.pollForm.maxMarksInvalid';
  }
  return problems;
}

export function pollBody(values: PollValues, assemblyId: string | null): PollInput {
  const common = {
    assemblyId,
    title: values.title.trim(),
    body: values.body.trim() || null,
    secrecy: values.secrecy,
    closesAt: null,
  };
  if (values.kind === 'motion') {
    return {
      ...common,
      kind: 'motion',
      method: 'yes-no',
      options: [],
      seats: 1,
      maxMarks: 1,
      allowSplit: values.allowSplit,
      majority: values.majority,
      majorityBase: values.majorityBase,
    };
  }
  const options = optionLines(values.options);
  return {
    ...common,
    kind: 'election',
    method: values.method,
    options: options.map((label) => ({ label, personId: null })),
    seats: Number(values.seats),
    maxMarks: values.method === 'plurality' ? 1 : Number(values.maxMarks),
    allowSplit: false,
    majority: 'simple',
    majorityBase: 'voting',
  };
}

/** Sittings to come (or under way) first, soonest first; then past ones, latest first. */
export function orderAssemblies(assemblies: readonly AssemblySummary[]): AssemblySummary[] {
  const isAhead = (a: AssemblySummary) => a.status === 'convened' || a.status === 'in-session';
  const at = (a: AssemblySummary) => Date.parse(a.startsAt);
  const ahead = assemblies.filter(isAhead).sort((a, b) => at(a) - at(b));
  const past = assemblies.filter((a) => !isAhead(a)).sort((a, b) => at(b) - at(a));
  return [...ahead, ...past];
}
