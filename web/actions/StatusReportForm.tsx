// The status report of a council in an action's scope, for its officers while the action is called or
// suspended: participating, not, or partly; how many take part; incidents. Shows the last report.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNCIL_ACTION_STATUSES } from '../../core/actions/action-status.ts';
import { api } from '../app/api-client.ts';
import type { MyCouncil } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { Button, ErrorSummary, SelectField, TextArea, TextField } from '../ui/index.ts';
import { useActionsSubmit } from './actions-text.ts';
import type { CouncilActionStatus, RollUp } from './actions-types.ts';
import { CouncilChoice } from './CouncilChoice.tsx';

const FIELDS = ['councilId', 'status', 'participants', 'incidents'] as const;

export function StatusReportForm({
  actionId,
  councils,
  rollUps,
  onReported,
}: {
  actionId: string;
  /** The councils in scope where the viewer holds an office. */
  councils: MyCouncil[];
  rollUps: Map<string, RollUp>;
  onReported: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [councilId, setCouncilId] = useState(councils[0]?.id ?? '');
  const [status, setStatus] = useState<CouncilActionStatus>('participating');
  const [participants, setParticipants] = useState('');
  const [incidents, setIncidents] = useState('');
  const [saved, setSaved] = useState(false);
  const { errors, setErrors, isSubmitting, run } = useActionsSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const own = rollUps.get(councilId)?.own ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const count = participants.trim() === '' ? null : Number(participants);
    if (count !== null && (!Number.isInteger(count) || count < 0)) {
      setErrors(errorsFromProblems({ participants: 'actions.report.participantsInvalid' }, t));
      return;
    }
    await run(async () => {
      await api.post(
        `/actions/${encodeURIComponent(actionId)}/councils/${encodeURIComponent(councilId)}/status`,
        { status, participants: count, incidents: incidents.trim() || null },
      );
      setSaved(true);
      setIncidents('');
      onReported();
    });
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('actions.report.heading')}
      </h2>
      <p className="meta-line">
        {own?.status
          ? t('actions.report.last', {
              status: t(`actions.map.state.${own.status}`),
              date: own.reportedAt ? format.dateTime(own.reportedAt) : '',
            })
          : t('actions.report.none')}
      </p>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <CouncilChoice
          id={ids.councilId}
          label={t('actions.report.council')}
          councils={councils}
          value={councilId}
          onChange={setCouncilId}
          error={errors.fields.councilId}
        />
        <SelectField
          id={ids.status}
          label={t('actions.report.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as CouncilActionStatus)}
          error={errors.fields.status}
        >
          {COUNCIL_ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`actions.map.state.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.participants}
          type="number"
          inputMode="numeric"
          min={0}
          label={t('actions.report.participants')}
          value={participants}
          onChange={(event) => setParticipants(event.target.value)}
          error={errors.fields.participants}
          isOptional
        />
        <TextArea
          id={ids.incidents}
          label={t('actions.report.incidents')}
          value={incidents}
          onChange={(event) => setIncidents(event.target.value)}
          error={errors.fields.incidents}
          rows={3}
          isOptional
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('actions.report.submit')}
          </Button>
        </div>
        <div role="status">{saved && <p>{t('actions.report.saved')}</p>}</div>
      </form>
    </section>
  );
}
