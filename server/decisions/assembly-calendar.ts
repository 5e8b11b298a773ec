// The iCalendar invitation to a sitting (RFC 5545, written by ical-generator): one event with the
// sitting's time (two hours unless it has closed), place or online link, and the agenda as the
// description. The UID is the assembly's id, so re-importing an updated invitation replaces the old one.
import ical, { ICalEventStatus } from 'ical-generator';
import type { AgendaItemRow, AssemblyRow } from './assemblies.store.ts';

const DEFAULT_LENGTH_MS = 2 * 3_600_000;

export function assemblyCalendar(
  assembly: AssemblyRow,
  councilName: string,
  agenda: readonly AgendaItemRow[],
  pageUrl: string,
): string {
  const calendar = ical({
    name: councilName,
    prodId: { company: 'Cabildo', product: 'assemblies', language: 'ES' },
  });
  const start = new Date(assembly.starts_at);
  const end = assembly.closed_at
    ? new Date(assembly.closed_at)
    : new Date(start.getTime() + DEFAULT_LENGTH_MS);
  const description = [
    ...agenda.map((item) => `${item.position}. ${item.title}`),
    ...(assembly.online_url ? ['', assembly.online_url] : []),
  ].join('\n');
  calendar.createEvent({
    id: assembly.id,
    start,
    end: end > start ? end : new Date(start.getTime() + DEFAULT_LENGTH_MS),
    stamp: new Date(assembly.convened_at),
    summary: `${assembly.title} — ${councilName}`,
    description,
    location: assembly.place ?? assembly.online_url ?? undefined,
    url: pageUrl,
    status: assembly.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
