// A shift as the API shows it: its hours and night-weighted hours on the council's clock, its places
// signed up and open (the gap), its lead.
import type { FairnessSettings } from '../../core/rosters/fairness.ts';
import { loadHours, weightedLoad } from '../../core/rosters/shift-hours.ts';
import type { ShiftRow } from './shifts.store.ts';

const iso = (t: string | null) => (t === null ? null : new Date(t).toISOString());

export function shiftOut(s: ShiftRow, settings: FairnessSettings, signedUp: number, mine: boolean) {
  const interval = { startsAt: Date.parse(s.starts_at), endsAt: Date.parse(s.ends_at) };
  return {
    id: s.id,
    councilId: s.council_id,
    place: s.place,
    role: s.role,
    startsAt: iso(s.starts_at)!,
    endsAt: iso(s.ends_at)!,
    hours: loadHours((interval.endsAt - interval.startsAt) * 100),
    weightedHours: loadHours(weightedLoad(interval, settings.timeZone, settings.nightWeightPercent)),
    needed: s.needed,
    signedUp,
    gap: s.cancelled_at ? 0 : Math.max(0, s.needed - signedUp),
    requiredTraining: s.required_training,
    depotId: s.depot_id,
    distributionRoundId: s.distribution_round_id,
    templateSlotId: s.template_slot_id,
    lead: s.lead_person_id ? { personId: s.lead_person_id, fullName: s.lead_name ?? '' } : null,
    cancelledAt: iso(s.cancelled_at),
    cancellationReason: s.cancellation_reason,
    mine,
  };
}

export { iso as isoOut };
