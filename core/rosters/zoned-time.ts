// Wall-clock time in an IANA time zone through Intl alone (no date library): the local parts of an
// instant, the instant of a local date and time (DST-correct), local dates and ISO weeks. Councils do
// not store a zone, so the roster settings carry one (default 'UTC'). Instants are epoch milliseconds.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl knows the zone (e.g. 'America/La_Paz', 'Europe/Madrid', 'UTC'). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(instant: number, zone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (La Paz: −4 h). */
export function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const p = localParts(whole, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

export const isLocalTime = (time: string): boolean => TIME.test(time);

/** Midnight UTC of a 'YYYY-MM-DD' date: the day number used for calendar arithmetic. */
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOfDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => dateOfDay(dayOf(date) + days * DAY_MS);
export const daysBetween = (from: string, to: string): number =>
  Math.round((dayOf(to) - dayOf(from)) / DAY_MS);
/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => new Date(dayOf(date)).getUTCDay() || 7;

/**
 * The instant of a local date and time in the zone. When the clock falls back and the time happens
 * twice, the earlier one; when it springs forward over the time, the time as if the clock had not yet
 * moved (02:30 in a 02:00→03:00 gap is 03:30) — what RFC 5545 and Temporal's 'compatible' do.
 */
export function zonedInstant(date: string, time: string, zone: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const wall = dayOf(date) + h * 3_600_000 + m * 60_000;
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const valid = [before, after].map((o) => wall - o).filter((t) => wall - offsetAt(t, zone) === t);
  if (valid.length > 0) return Math.min(...valid);
  return wall - before;
}

export function localDate(instant: number, zone: string): string {
  const p = localParts(instant, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The ISO week ('2026-W09') of a local date: weeks start on Monday, week 1 holds the first Thursday. */
export function isoWeekOfDate(date: string): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = 1 + Math.floor(daysBetween(`${year}-01-01`, thursday) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const isoWeekOf = (instant: number, zone: string): string => isoWeekOfDate(localDate(instant, zone));
