// "My shifts": the signed-in person's shifts in every council, upcoming (with Cancel while the council's
// window allows) and past (with the attendance recorded), the no-show count, and the calendar feeds.
// Times are on the reader's own clock: the shifts may come from councils with different roster zones.
import './rosters.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Loading, PageHeader, Stats } from '../ui/index.ts';
import { RosterFeeds } from './RosterFeeds.tsx';
import { dayHeading, shiftTimes, splitByEnd } from './roster-days.ts';
import { rostersErrorText } from './rosters-text.ts';
import type { MyShift, MyShifts } from './rosters-types.ts';
import { PlacesLine, ShiftTime, SignUpAction } from './ShiftParts.tsx';

const DAY_MS = 86_400_000;
const PAST_DAYS = 90;
const AHEAD_DAYS = 90;
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function MyShiftItem({
  shift,
  isPast,
  onChanged,
}: {
  shift: MyShift;
  isPast: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const zone = readerZone();
  const started = Date.parse(shift.startsAt) <= Date.now();
  return (
    <li>
      <h3 className="item-title">
        <Link href={`/shifts/${shift.id}`}>
          {dayHeading(shiftTimes(shift, zone).date, [i18n.language, 'es'])},{' '}
          <ShiftTime shift={shift} zone={zone} /> · {shift.role}
        </Link>
      </h3>
      <p className="meta-line">
        <span>{shift.place}</span>
        <Link href={`/councils/${shift.councilId}`}>{shift.councilName}</Link>
        {shift.lead && <span>{t('rosters.shift.leadIs', { name: shift.lead.fullName })}</span>}
      </p>
      {isPast ? (
        <p>
          {shift.attendance ? (
            <Badge tone={shift.attendance === 'attended' ? 'success' : 'danger'}>
              {t(`rosters.attendance.${shift.attendance}`)}
            </Badge>
          ) : (
            <Badge>{t('rosters.attendance.unmarked')}</Badge>
          )}
        </p>
      ) : (
        <>
          <p>
            <PlacesLine shift={shift} />
          </p>
          <SignUpAction
            shift={shift}
            canSignUp={false}
            canCancel={!started && shift.cancelledAt === null}
            onChanged={onChanged}
          />
        </>
      )}
    </li>
  );
}

function MyShiftsList() {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [range] = useState(() => {
    const now = Date.now();
    return {
      from: new Date(now - PAST_DAYS * DAY_MS).toISOString(),
      to: new Date(now + AHEAD_DAYS * DAY_MS).toISOString(),
    };
  });
  const mine = useApi<MyShifts>(
    `/me/shifts?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`,
  );
  if (mine.isLoading && !mine.data) return <Loading label={t('common.loading')} />;
  if (!mine.data) return <LoadError error={mine.error} onRetry={mine.reload} explain={rostersErrorText} />;
  const { upcoming, past } = splitByEnd(mine.data.shifts, Date.now());
  const names = new Map(mine.data.shifts.map((s) => [s.councilId, s.councilName]));
  const noShows = mine.data.noShows.reduce((n, c) => n + c.noShows, 0);
  const attended = mine.data.noShows.reduce((n, c) => n + c.attended, 0);
  return (
    <>
      <Stats
        items={[
          {
            key: 'upcoming',
            label: t('rosters.myShifts.upcomingCount'),
            value: format.number(upcoming.length),
          },
          { key: 'attended', label: t('rosters.myShifts.attended'), value: format.number(attended) },
          { key: 'noShows', label: t('rosters.myShifts.noShows'), value: format.number(noShows) },
        ]}
      />
      {mine.data.noShows.length > 1 && (
        <ul>
          {mine.data.noShows.map((c) => (
            <li key={c.councilId}>
              {t('rosters.myShifts.perCouncil', {
                council: names.get(c.councilId) ?? t('rosters.council'),
                attended: c.attended,
                noShows: c.noShows,
              })}
            </li>
          ))}
        </ul>
      )}
      <section className="panel" aria-labelledby={`${base}-upcoming`}>
        <h2 className="panel-title" id={`${base}-upcoming`}>
          {t('rosters.myShifts.upcoming')}
        </h2>
        {upcoming.length === 0 ? (
          <p>{t('rosters.myShifts.noneUpcoming')}</p>
        ) : (
          <ul className="plain-list">
            {upcoming.map((shift) => (
              <MyShiftItem key={shift.signUpId} shift={shift} isPast={false} onChanged={mine.reload} />
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby={`${base}-past`}>
        <h2 className="panel-title" id={`${base}-past`}>
          {t('rosters.myShifts.past')}
        </h2>
        {past.length === 0 ? (
          <p>{t('rosters.myShifts.nonePast')}</p>
        ) : (
          <ul className="plain-list">
            {past.map((shift) => (
              <MyShiftItem key={shift.signUpId} shift={shift} isPast onChanged={mine.reload} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default function MyShiftsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <PageHeader title={t('rosters.myShifts.title')} lead={t('rosters.myShifts.lead')} />
      <MyShiftsList />
      <RosterFeeds />
    </RequireSignIn>
  );
}
