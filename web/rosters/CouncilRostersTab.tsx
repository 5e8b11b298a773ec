// The "Shifts" tab of a council page: the week's roster on the council's clock, day by day (a list on
// phones, a grid of days on wide screens), each shift with its places, its gap in words and my Sign-up /
// Cancel button; earlier and later weeks; the fairness rules. Officers also get the shift form, the weekly
// templates, the rules form, trainings, attendance counts and the link to the incident log.
import './rosters.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { addDays } from '../../core/rosters/zoned-time.ts';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Stats } from '../ui/index.ts';
import { DefineShiftForm } from './DefineShiftForm.tsx';
import { AttendanceSection, TrainingsSection } from './OfficerRecords.tsx';
import { RosterSettingsSection } from './RosterSettingsSection.tsx';
import { dayHeading, groupByDay, mondayOf, todayIn } from './roster-days.ts';
import { rostersErrorText } from './rosters-text.ts';
import type { Roster, Shift } from './rosters-types.ts';
import { PlacesLine, ShiftTime, SignUpAction } from './ShiftParts.tsx';
import { TemplatesSection } from './TemplatesSection.tsx';

function ShiftItem({
  shift,
  zone,
  maySignUp,
  onChanged,
}: {
  shift: Shift;
  zone: string;
  maySignUp: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const isOpen = shift.cancelledAt === null && Date.parse(shift.startsAt) > Date.now();
  return (
    <li
      className={
        shift.gap > 0 && shift.cancelledAt === null ? 'roster-shift roster-shift--gap' : 'roster-shift'
      }
    >
      <h4 className="item-title">
        <Link href={`/shifts/${shift.id}`}>
          <ShiftTime shift={shift} zone={zone} /> · {shift.role}
        </Link>
      </h4>
      <p className="meta-line">
        <span>{shift.place}</span>
        {shift.lead && <span>{t('rosters.shift.leadIs', { name: shift.lead.fullName })}</span>}
        {shift.requiredTraining && (
          <span>{t('rosters.shift.trainingIs', { training: shift.requiredTraining })}</span>
        )}
      </p>
      <p>
        <PlacesLine shift={shift} />
        {shift.mine && <strong className="roster-mine"> {t('rosters.signUp.mine')}</strong>}
      </p>
      <SignUpAction
        shift={shift}
        canSignUp={maySignUp && isOpen && !shift.mine && shift.gap > 0}
        canCancel={isOpen && shift.mine}
        onChanged={onChanged}
      />
    </li>
  );
}

function Week({ roster, onChanged }: { roster: Roster; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const zone = roster.settings.timeZone;
  const today = todayIn(zone);
  const days = groupByDay(roster.shifts, zone, roster.from, roster.to);
  return (
    <div className="roster-days">
      {days.map((day) => (
        <section key={day.date} className="roster-day" aria-labelledby={`${base}-${day.date}`}>
          <h3 id={`${base}-${day.date}`} className="roster-day-title">
            {dayHeading(day.date, [i18n.language, 'es'])}
            {day.date === today && <span className="muted"> · {t('rosters.week.today')}</span>}
          </h3>
          {day.shifts.length === 0 ? (
            <p className="muted">{t('rosters.week.noShifts')}</p>
          ) : (
            <ul className="plain-list">
              {day.shifts.map((shift) => (
                <ShiftItem
                  key={shift.id}
                  shift={shift}
                  zone={zone}
                  maySignUp={roster.viewer.canSignUp}
                  onChanged={onChanged}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

export default function CouncilRostersTab({ council }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [from, setFrom] = useState(() => mondayOf(todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone)));
  const to = addDays(from, 6);
  const path = `/councils/${encodeURIComponent(council.id)}`;
  const roster = useApi<Roster>(`${path}/roster?from=${from}&to=${to}`);
  const data = roster.data;
  const locales = [i18n.language, 'es'];
  return (
    <div className="rosters-tab">
      <section className="panel" aria-labelledby={`${base}-week`}>
        <h2 className="panel-title" id={`${base}-week`}>
          {t('rosters.week.heading')}
        </h2>
        <p>
          {t('rosters.week.range', { from: dayHeading(from, locales), to: dayHeading(to, locales) })}
          {data && (
            <span className="muted"> · {t('rosters.week.zone', { zone: data.settings.timeZone })}</span>
          )}
        </p>
        <div className="actions roster-nav">
          <Button variant="secondary" onClick={() => setFrom(addDays(from, -7))}>
            {t('rosters.week.earlier')}
          </Button>
          <Button
            variant="quiet"
            onClick={() => setFrom(mondayOf(todayIn(data?.settings.timeZone ?? 'UTC')))}
          >
            {t('rosters.week.current')}
          </Button>
          <Button variant="secondary" onClick={() => setFrom(addDays(from, 7))}>
            {t('rosters.week.later')}
          </Button>
        </div>
        {roster.isLoading && <Loading label={t('common.loading')} />}
        {roster.error !== null && (
          <LoadError error={roster.error} onRetry={roster.reload} explain={rostersErrorText} />
        )}
        {data && (
          <>
            <Stats
              items={[
                {
                  key: 'shifts',
                  label: t('rosters.totals.shifts'),
                  value: format.number(data.totals.shifts),
                },
                {
                  key: 'needed',
                  label: t('rosters.totals.needed'),
                  value: format.number(data.totals.needed),
                },
                {
                  key: 'signedUp',
                  label: t('rosters.totals.signedUp'),
                  value: format.number(data.totals.signedUp),
                },
                { key: 'gap', label: t('rosters.totals.gap'), value: format.number(data.totals.gap) },
              ]}
            />
            {data.totals.shiftsWithGap > 0 && (
              <p>
                <strong>{t('rosters.totals.shiftsWithGap', { count: data.totals.shiftsWithGap })}</strong>
              </p>
            )}
            <Week roster={data} onChanged={roster.reload} />
            <p className="meta-line">
              <Link href="/me/shifts">{t('rosters.week.myShifts')}</Link>
              {data.viewer.canReadIncidents && (
                <Link href={`${path}/incidents`}>{t('rosters.week.incidents')}</Link>
              )}
            </p>
          </>
        )}
      </section>
      {data && (data.viewer.canDefineShifts || data.viewer.canDefineDistributionShifts) && (
        <section className="panel" aria-labelledby={`${base}-define`}>
          <h2 className="panel-title" id={`${base}-define`}>
            {t('rosters.define.heading')}
          </h2>
          <details className="disclosure">
            <summary>{t('rosters.define.open')}</summary>
            <DefineShiftForm
              councilId={council.id}
              zone={data.settings.timeZone}
              tiedOnly={!data.viewer.canDefineShifts}
              onDefined={roster.reload}
            />
          </details>
        </section>
      )}
      {data?.viewer.canKeepTemplates && (
        <TemplatesSection councilId={council.id} zone={data.settings.timeZone} onExpanded={roster.reload} />
      )}
      {data?.viewer.canReadAttendance && <TrainingsSection councilId={council.id} />}
      {data?.viewer.canReadAttendance && <AttendanceSection councilId={council.id} />}
      {data && (
        <RosterSettingsSection
          councilId={council.id}
          settings={data.settings}
          canSet={data.viewer.canSetSettings}
          onSaved={roster.reload}
        />
      )}
    </div>
  );
}
