// One shift: when and where on the council's clock, its places and gap, my Sign-up / Cancel; for its
// officers and lead the people signed up and, once it has started, their attendance; its incident log
// (the lead writes, officers read); and for officers, cancelling it with a reason.
import './rosters.css';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, ErrorSummary, Loading, Notice, PageHeader, TextArea } from '../ui/index.ts';
import { dayHeading, shiftTimes } from './roster-days.ts';
import { rostersErrorText, useRostersAct, useRostersSubmit } from './rosters-text.ts';
import type { Attendance, Roster, ShiftDetail, SignUp } from './rosters-types.ts';
import { ShiftIncidents } from './ShiftIncidents.tsx';
import { ActFailure, PlacesLine, ShiftTies, ShiftTime, SignUpAction } from './ShiftParts.tsx';

function SignUpRow({
  shiftId,
  signUp,
  canMark,
  onChanged,
}: {
  shiftId: string;
  signUp: SignUp;
  canMark: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { busy, failure, act } = useRostersAct();
  async function mark(attendance: Attendance) {
    const path = `/shifts/${encodeURIComponent(shiftId)}/sign-ups/${encodeURIComponent(signUp.personId)}/attendance`;
    if (await act(attendance, () => api.put(path, { attendance }))) onChanged();
  }
  return (
    <li>
      <strong>{signUp.fullName}</strong>{' '}
      {signUp.attendance && (
        <Badge tone={signUp.attendance === 'attended' ? 'success' : 'danger'}>
          {t(`rosters.attendance.${signUp.attendance}`)}
        </Badge>
      )}
      <span className="choice-detail">
        {t('rosters.detail.signedUpAt', { date: format.dateTime(signUp.signedUpAt) })}
      </span>
      {canMark && (
        <div className="actions">
          <Button
            variant="secondary"
            isBusy={busy === 'attended'}
            aria-pressed={signUp.attendance === 'attended'}
            onClick={() => void mark('attended')}
          >
            {t('rosters.attendance.markAttended', { name: signUp.fullName })}
          </Button>
          <Button
            variant="secondary"
            isBusy={busy === 'no-show'}
            aria-pressed={signUp.attendance === 'no-show'}
            onClick={() => void mark('no-show')}
          >
            {t('rosters.attendance.markNoShow', { name: signUp.fullName })}
          </Button>
        </div>
      )}
      <ActFailure text={failure?.text} />
    </li>
  );
}

const CANCEL_FIELDS = ['reason'] as const;

function CancelShiftForm({ shiftId, onCancelled }: { shiftId: string; onCancelled: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [reason, setReason] = useState('');
  const { errors, setErrors, isSubmitting, run } = useRostersSubmit(CANCEL_FIELDS);
  const ids = { reason: `${base}-reason` };
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setErrors(errorsFromProblems({ reason: 'rosters.detail.reasonRequired' }, t));
      return;
    }
    await run(async () => {
      await api.post(`/shifts/${encodeURIComponent(shiftId)}/cancellation`, { reason: reason.trim() });
      onCancelled();
    });
  }
  return (
    <details className="disclosure">
      <summary>{t('rosters.detail.cancelShift')}</summary>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextArea
          id={ids.reason}
          label={t('rosters.detail.reason')}
          hint={t('rosters.detail.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.fields.reason}
          maxLength={500}
          required
        />
        <div className="actions">
          <Button type="submit" variant="danger" isBusy={isSubmitting}>
            {t('rosters.detail.cancelSubmit')}
          </Button>
        </div>
      </form>
    </details>
  );
}

function ShiftView({ shiftId }: { shiftId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const detail = useApi<ShiftDetail>(`/shifts/${encodeURIComponent(shiftId)}`);
  const councilId = detail.data?.shift.councilId ?? null;
  const council = useApi<Council>(councilId ? `/councils/${encodeURIComponent(councilId)}` : null);
  // The roster's clock: the settings of the shift's council (members may read them).
  const settings = useApi<Roster['settings']>(
    councilId ? `/councils/${encodeURIComponent(councilId)}/roster-settings` : null,
  );
  if (detail.isLoading && !detail.data) return <Loading label={t('common.loading')} />;
  if (!detail.data) {
    return (
      <>
        <PageHeader
          title={t('rosters.detail.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={detail.error} onRetry={detail.reload} explain={rostersErrorText} />
      </>
    );
  }
  const { shift, signUps, viewer } = detail.data;
  const zone = settings.data?.timeZone ?? 'UTC';
  const times = shiftTimes(shift, zone);
  // Officers and the shift's lead read who signed up (they call them, mark attendance).
  const seesNames = viewer.canReadIncidents;
  const reload = detail.reload;
  return (
    <>
      <PageHeader
        title={t('rosters.detail.title', { role: shift.role, place: shift.place })}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${shift.councilId}`, label: council.data?.name ?? t('rosters.council') },
        ]}
      />
      {shift.cancelledAt && (
        <Notice
          tone="warning"
          title={t('rosters.detail.cancelledOn', { date: format.dateTime(shift.cancelledAt) })}
        >
          {shift.cancellationReason && <p>{shift.cancellationReason}</p>}
        </Notice>
      )}
      <section className="panel" aria-labelledby={`${base}-facts`}>
        <h2 className="panel-title" id={`${base}-facts`}>
          {t('rosters.detail.facts')}
        </h2>
        <dl className="roster-facts">
          <dt>{t('rosters.detail.when')}</dt>
          <dd>
            {settings.data ? (
              <>
                {dayHeading(times.date, [i18n.language, 'es'])}, <ShiftTime shift={shift} zone={zone} />
                <span className="muted"> · {t('rosters.week.zone', { zone })}</span>
              </>
            ) : (
              format.dateTime(shift.startsAt)
            )}
          </dd>
          <dt>{t('rosters.shift.place')}</dt>
          <dd>{shift.place}</dd>
          <dt>{t('rosters.shift.role')}</dt>
          <dd>{shift.role}</dd>
          <dt>{t('rosters.shift.lead')}</dt>
          <dd>{shift.lead?.fullName ?? t('rosters.detail.noLead')}</dd>
          <dt>{t('rosters.shift.training')}</dt>
          <dd>{shift.requiredTraining ?? t('rosters.detail.noTraining')}</dd>
          <dt>{t('rosters.detail.hours')}</dt>
          <dd>
            {shift.weightedHours !== shift.hours
              ? t('rosters.detail.hoursWeighted', {
                  hours: format.number(shift.hours),
                  weighted: format.number(shift.weightedHours),
                })
              : format.number(shift.hours)}
          </dd>
          <dt>{t('rosters.detail.places')}</dt>
          <dd>
            <PlacesLine shift={shift} />
            {shift.mine && <strong className="roster-mine"> {t('rosters.signUp.mine')}</strong>}
          </dd>
          {(shift.depotId || shift.distributionRoundId) && (
            <>
              <dt>{t('rosters.detail.tiedTo')}</dt>
              <dd>
                <ShiftTies shift={shift} />
              </dd>
            </>
          )}
        </dl>
        <SignUpAction
          shift={shift}
          canSignUp={viewer.canSignUp}
          canCancel={viewer.canCancelSignUp && shift.cancelledAt === null}
          onChanged={reload}
        />
        {shift.mine && !viewer.canCancelSignUp && shift.cancelledAt === null && (
          <p className="muted">{t('rosters.detail.tooLateToCancel')}</p>
        )}
        {viewer.canCancelShift && <CancelShiftForm shiftId={shift.id} onCancelled={reload} />}
      </section>
      <section className="panel" aria-labelledby={`${base}-people`}>
        <h2 className="panel-title" id={`${base}-people`}>
          {t('rosters.detail.signUps')}
        </h2>
        {!seesNames ? (
          <p>{t('rosters.places.taken', { signedUp: shift.signedUp, needed: shift.needed })}</p>
        ) : signUps.length === 0 ? (
          <p>{t('rosters.detail.nobody')}</p>
        ) : (
          <>
            {!viewer.canMarkAttendance && shift.cancelledAt === null && (
              <p className="muted">{t('rosters.attendance.afterStart')}</p>
            )}
            <ul className="plain-list">
              {signUps.map((signUp) => (
                <SignUpRow
                  key={signUp.id}
                  shiftId={shift.id}
                  signUp={signUp}
                  canMark={viewer.canMarkAttendance}
                  onChanged={reload}
                />
              ))}
            </ul>
          </>
        )}
      </section>
      {viewer.canReadIncidents && (
        <ShiftIncidents
          shiftId={shift.id}
          zone={zone}
          date={times.date}
          canRecord={viewer.canRecordIncident}
        />
      )}
    </>
  );
}

export default function ShiftPage({ shiftId }: { shiftId: string }) {
  return (
    <RequireSignIn>
      <ShiftView shiftId={shiftId} />
    </RequireSignIn>
  );
}
