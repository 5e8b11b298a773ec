// The only file of roster settings that runs SQL: a council's fairness rules and wall clock (defaults
// until its officers set them).
import { sql } from 'kysely';
import { DEFAULT_FAIRNESS, type FairnessSettings } from '../../core/rosters/fairness.ts';
import type { Db } from '../platform/database.ts';

export async function loadRosterSettings(db: Db, councilId: string): Promise<FairnessSettings> {
  const r = (
    await sql<{
      time_zone: string;
      max_hours_per_week: number | null;
      night_weight_percent: number;
      horizon_days: number;
      cancellation_window_hours: number;
    }>`
      select time_zone, max_hours_per_week, night_weight_percent, horizon_days, cancellation_window_hours
        from roster_settings where council_id = ${councilId}`.execute(db)
  ).rows[0];
  if (!r) return DEFAULT_FAIRNESS;
  return {
    timeZone: r.time_zone,
    maxHoursPerWeek: r.max_hours_per_week,
    nightWeightPercent: r.night_weight_percent,
    horizonDays: r.horizon_days,
    cancellationWindowHours: r.cancellation_window_hours,
  };
}

export async function saveRosterSettings(tx: Db, councilId: string, s: FairnessSettings, by: string) {
  await sql`
    insert into roster_settings (council_id, time_zone, max_hours_per_week, night_weight_percent,
                                 horizon_days, cancellation_window_hours, updated_by)
    values (${councilId}, ${s.timeZone}, ${s.maxHoursPerWeek}, ${s.nightWeightPercent}, ${s.horizonDays},
            ${s.cancellationWindowHours}, ${by})
    on conflict (council_id) do update set
      time_zone = excluded.time_zone, max_hours_per_week = excluded.max_hours_per_week,
      night_weight_percent = excluded.night_weight_percent, horizon_days = excluded.horizon_days,
      cancellation_window_hours = excluded.cancellation_window_hours, updated_at = now(),
      updated_by = excluded.updated_by`.execute(tx);
}
