// A person's shifts as an iCalendar feed (RFC 5545, written by ical-generator), the way
// decisions/assembly-calendar.ts writes a sitting: one event per live sign-up, its UID the shift's id
// (so an updated feed replaces the event), cancelled shifts kept as CANCELLED so calendars drop them.
import ical, { ICalEventStatus } from 'ical-generator';
import type { MyShiftRow } from './shifts.store.ts';

export function rosterCalendar(personName: string, shifts: readonly MyShiftRow[], origin: string): string {
  const calendar = ical({
    name: `Cabildo — ${personName}`,
    prodId: { company: 'Cabildo', product: 'rosters', language: 'ES' },
    ttl: 3600,
  });
  for (const s of shifts)
    calendar.createEvent({
      id: `shift-${s.id}@cabildo`,
      start: new Date(s.starts_at),
      end: new Date(s.ends_at),
      stamp: new Date(s.signed_up_at),
      summary: `${s.role} — ${s.council_name}`,
      description: [
        `${s.role}, ${s.place}`,
        ...(s.lead_name ? [`Lead: ${s.lead_name}`] : []),
        ...(s.cancellation_reason ? [`Cancelled: ${s.cancellation_reason}`] : []),
      ].join('\n'),
      location: s.place,
      url: `${origin}/shifts/${s.id}`,
      status: s.cancelled_at ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  return calendar.toString();
}
