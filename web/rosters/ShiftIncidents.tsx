// A shift's incident log: what happened, when and who wrote it; the shift's lead records entries (the
// time typed on the council's clock, on the shift's day unless changed), its officers read them.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { localDate, zonedInstant } from '../../core/rosters/zoned-time.ts';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, ErrorSummary, Loading, Notice, TextArea, TextField } from '../ui/index.ts';
import { clockTime } from './roster-days.ts';
import { isClockTime } from './roster-forms.ts';
import { rostersErrorText, useRostersSubmit } from './rosters-text.ts';
import type { Incident } from './rosters-types.ts';

const FIELDS = ['text', 'occurredAt'] as const;

/** Entries newest first: when it happened on the council's clock, who wrote it, the text (line breaks kept). */
export function IncidentList({
  incidents,
  zone,
  withShift,
}: {
  incidents: readonly Incident[];
  zone: string;
  withShift: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className="plain-list roster-incidents">
      {incidents.map((incident) => (
        <li key={incident.id}>
          <p className="meta-line">
            <strong>
              {format.day(localDate(Date.parse(incident.occurredAt), zone))},{' '}
              {clockTime(incident.occurredAt, zone)}
            </strong>
            {withShift && (
              <Link href={`/shifts/${incident.shiftId}`}>
                {t('rosters.incidents.shiftLine', { role: incident.role, place: incident.place })}
              </Link>
            )}
            <span>{t('rosters.incidents.by', { name: incident.author.fullName })}</span>
          </p>
          <p className="roster-incident-text">{incident.text}</p>
        </li>
      ))}
    </ol>
  );
}

function IncidentForm({
  shiftId,
  zone,
  date,
  onRecorded,
}: {
  shiftId: string;
  zone: string;
  date: string;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [text, setText] = useState('');
  const [day, setDay] = useState(date);
  const [time, setTime] = useState('');
  const [recorded, setRecorded] = useState(false);
  const { errors, setErrors, isSubmitting, run } = useRostersSubmit(FIELDS);
  const ids = { text: `${base}-text`, occurredAt: `${base}-time` };
  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!text.trim()) problems.text = 'rosters.incidents.textRequired';
    if (time && (!isClockTime(time) || !day)) problems.occurredAt = 'rosters.define.timeInvalid';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    setRecorded(false);
    await run(async () => {
      await api.post(`/shifts/${encodeURIComponent(shiftId)}/incidents`, {
        text: text.trim(),
        occurredAt: time ? new Date(zonedInstant(day, time, zone)).toISOString() : null,
      });
      setText('');
      setTime('');
      setRecorded(true);
      onRecorded();
    });
  }
  return (
    <details className="disclosure">
      <summary>{t('rosters.incidents.record')}</summary>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">
        {recorded && (
          <Notice tone="success">
            <p>{t('rosters.incidents.recorded')}</p>
          </Notice>
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <TextArea
          id={ids.text}
          label={t('rosters.incidents.text')}
          hint={t('rosters.incidents.textHint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={errors.fields.text}
          maxLength={5000}
          required
        />
        <div className="roster-times">
          <TextField
            type="date"
            label={t('rosters.incidents.day')}
            value={day}
            onChange={(event) => setDay(event.target.value)}
            isOptional
          />
          <TextField
            id={ids.occurredAt}
            type="time"
            label={t('rosters.incidents.time')}
            hint={t('rosters.incidents.timeHint', { zone })}
            value={time}
            onChange={(event) => setTime(event.target.value)}
            error={errors.fields.occurredAt}
            isOptional
          />
        </div>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('rosters.incidents.submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}

export function ShiftIncidents({
  shiftId,
  zone,
  date,
  canRecord,
}: {
  shiftId: string;
  zone: string;
  date: string;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const base = useId();
  const incidents = useApi<{ incidents: Incident[] }>(`/shifts/${encodeURIComponent(shiftId)}/incidents`);
  return (
    <section className="panel" aria-labelledby={`${base}-incidents`}>
      <h2 className="panel-title" id={`${base}-incidents`}>
        {t('rosters.incidents.heading')}
      </h2>
      {incidents.isLoading && !incidents.data && <Loading label={t('common.loading')} />}
      {incidents.error !== null && (
        <LoadError error={incidents.error} onRetry={incidents.reload} explain={rostersErrorText} />
      )}
      {incidents.data &&
        (incidents.data.incidents.length === 0 ? (
          <p>{t('rosters.incidents.none')}</p>
        ) : (
          <IncidentList incidents={incidents.data.incidents} zone={zone} withShift={false} />
        ))}
      {canRecord && <IncidentForm shiftId={shiftId} zone={zone} date={date} onRecorded={incidents.reload} />}
    </section>
  );
}
