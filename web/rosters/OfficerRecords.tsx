// What the council's officers keep about its volunteers: the trainings on record (which shifts requiring
// one each member may take) with the form to record one, and each member's attendance and no-shows.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { TableScroll } from '../supply/index.ts';
import { Button, ErrorSummary, Loading, Notice, SelectField, TextField } from '../ui/index.ts';
import { rostersErrorText, useRostersSubmit } from './rosters-text.ts';
import type { AttendanceCount, Training } from './rosters-types.ts';
import { useActiveMembers } from './use-active-members.ts';

const TRAINING_FIELDS = ['personId', 'training'] as const;

function TrainingForm({ councilId, onRecorded }: { councilId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const members = useActiveMembers(councilId);
  const [personId, setPersonId] = useState('');
  const [training, setTraining] = useState('');
  const [recorded, setRecorded] = useState<Training | null>(null);
  const { errors, setErrors, isSubmitting, run } = useRostersSubmit(TRAINING_FIELDS);
  const ids = { personId: `${base}-person`, training: `${base}-training` };
  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!personId) problems.personId = 'rosters.trainings.personRequired';
    if (!training.trim()) problems.training = 'rosters.trainings.trainingRequired';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    setRecorded(null);
    await run(async () => {
      setRecorded(
        await api.post<Training>(`/councils/${encodeURIComponent(councilId)}/trainings`, {
          personId,
          training: training.trim(),
        }),
      );
      setTraining('');
      onRecorded();
    });
  }
  return (
    <details className="disclosure">
      <summary>{t('rosters.trainings.record')}</summary>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">
        {recorded && (
          <Notice tone="success">
            <p>{t('rosters.trainings.recorded', { name: recorded.fullName, training: recorded.training })}</p>
          </Notice>
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id={ids.personId}
          label={t('rosters.trainings.person')}
          hint={members.unavailable ? t('rosters.define.membersUnavailable') : undefined}
          value={personId}
          onChange={(event) => setPersonId(event.target.value)}
          error={errors.fields.personId}
          required
        >
          <option value="">{t('rosters.trainings.choosePerson')}</option>
          {members.members.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.fullName}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.training}
          label={t('rosters.trainings.training')}
          hint={t('rosters.trainings.trainingHint')}
          value={training}
          onChange={(event) => setTraining(event.target.value)}
          error={errors.fields.training}
          maxLength={100}
          required
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('rosters.trainings.submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}

export function TrainingsSection({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const trainings = useApi<{ trainings: Training[] }>(`/councils/${encodeURIComponent(councilId)}/trainings`);
  return (
    <section className="panel" aria-labelledby={`${base}-trainings`}>
      <h2 className="panel-title" id={`${base}-trainings`}>
        {t('rosters.trainings.heading')}
      </h2>
      {trainings.isLoading && !trainings.data && <Loading label={t('common.loading')} />}
      {trainings.error !== null && (
        <LoadError error={trainings.error} onRetry={trainings.reload} explain={rostersErrorText} />
      )}
      {trainings.data &&
        (trainings.data.trainings.length === 0 ? (
          <p>{t('rosters.trainings.none')}</p>
        ) : (
          <ul className="plain-list">
            {trainings.data.trainings.map((row) => (
              <li key={row.id}>
                <strong>{row.fullName}</strong>: {row.training}
                <span className="choice-detail">
                  {t('rosters.trainings.recordedOn', { date: format.date(row.recordedAt) })}
                </span>
              </li>
            ))}
          </ul>
        ))}
      <TrainingForm councilId={councilId} onRecorded={trainings.reload} />
    </section>
  );
}

export function AttendanceSection({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const counts = useApi<{ members: AttendanceCount[] }>(
    `/councils/${encodeURIComponent(councilId)}/attendance`,
  );
  return (
    <section className="panel" aria-labelledby={`${base}-attendance`}>
      <h2 className="panel-title" id={`${base}-attendance`}>
        {t('rosters.attendanceTable.heading')}
      </h2>
      {counts.isLoading && !counts.data && <Loading label={t('common.loading')} />}
      {counts.error !== null && (
        <LoadError error={counts.error} onRetry={counts.reload} explain={rostersErrorText} />
      )}
      {counts.data &&
        (counts.data.members.length === 0 ? (
          <p>{t('rosters.attendanceTable.none')}</p>
        ) : (
          <TableScroll labelledBy={`${base}-caption`}>
            <table className="data-table">
              <caption id={`${base}-caption`}>{t('rosters.attendanceTable.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rosters.attendanceTable.member')}</th>
                  <th scope="col">{t('rosters.myShifts.attended')}</th>
                  <th scope="col">{t('rosters.myShifts.noShows')}</th>
                </tr>
              </thead>
              <tbody>
                {counts.data.members.map((row) => (
                  <tr key={row.personId}>
                    <th scope="row">{row.fullName}</th>
                    <td>{format.number(row.attended)}</td>
                    <td>{format.number(row.noShows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
    </section>
  );
}
