// For the secretary or chair of a council with seats above: record the election of its delegates from
// a paper count — winners and ranked substitutes chosen from the council's members with their votes,
// the two tellers who signed the tally sheet and its reference, and when the term ends.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council, CouncilMember, ElectionResult } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, Loading, Notice, TextField } from '../ui/index.ts';
import { CandidateRows } from './CandidateRows.tsx';
import {
  checkElectionForm,
  dateInYears,
  type ElectionFormValues,
  EMPTY_ROW,
  electionBody,
} from './mandates.ts';

// Names the server may blame, as the form's fields (`tellers` is shown on the first teller).
const FIELDS = [
  'sheetReference',
  'tellers',
  'tellerOne',
  'tellerTwo',
  'winners',
  'substitutes',
  'termEndsAt',
] as const;
const MAX_SUBSTITUTES = 20;

export interface ElectionResultFormProps {
  council: Council;
  parentName: string;
  /** Seats the council above apportioned this council. */
  seats: number;
  onRecorded: () => void;
}

const initialValues = (): ElectionFormValues => ({
  sheetReference: '',
  tellerOne: '',
  tellerTwo: '',
  winners: [{ ...EMPTY_ROW }],
  substitutes: [{ ...EMPTY_ROW }],
  termEndsAt: dateInYears(2),
});

export function ElectionResultForm({ council, parentName, seats, onRecorded }: ElectionResultFormProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const members = useApi<{ members: CouncilMember[] }>(
    `/councils/${encodeURIComponent(council.id)}/members?limit=500`,
  );
  const [values, setValues] = useState<ElectionFormValues>(initialValues);
  const [recorded, setRecorded] = useState<string | null>(null);
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);
  const ids = {
    sheetReference: `${base}-sheet`,
    tellers: `${base}-teller-one`,
    tellerOne: `${base}-teller-one`,
    tellerTwo: `${base}-teller-two`,
    winners: `${base}-winners-0-person`,
    substitutes: `${base}-substitutes-0-person`,
    termEndsAt: `${base}-term`,
  };
  const active = (members.data?.members ?? []).filter((member) => member.status === 'active');
  const set = <K extends keyof ElectionFormValues>(key: K, value: ElectionFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRecorded(null);
    const problems = checkElectionForm(values, seats);
    if (Object.keys(problems).length > 0) {
      setErrors(
        errorsFromProblems(problems, (key) => t(key, { count: seats, formatted: format.number(seats) })),
      );
      return;
    }
    await run(async () => {
      const result = await api.post<ElectionResult>(
        `/councils/${encodeURIComponent(council.id)}/election-results`,
        electionBody(values),
      );
      const names = result.mandates
        .map((mandate) => active.find((member) => member.personId === mandate.personId)?.fullName ?? '')
        .filter(Boolean)
        .join(', ');
      setRecorded(t('election.recorded', { names, name: parentName }));
      setValues(initialValues());
      onRecorded();
    });
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('election.title')}
      </h2>
      <p className="muted">
        {t('election.lead', { name: parentName, count: seats, formatted: format.number(seats) })}
      </p>
      <div role="status">
        {recorded && (
          <Notice tone="success">
            <p>{recorded}</p>
          </Notice>
        )}
      </div>
      {members.isLoading && <Loading label={t('election.loadingMembers')} />}
      {members.error !== null && (
        <Notice tone="error" live="alert">
          <p>{errorText(members.error, i18n)}</p>
        </Notice>
      )}
      {members.data && (
        <>
          <ErrorSummary items={summaryItems(errors, ids)} />
          <form className="form" noValidate onSubmit={submit}>
            <CandidateRows
              idPrefix={`${base}-winners`}
              legend={t('election.winners')}
              hint={t('election.winnersHint', { count: seats, formatted: format.number(seats) })}
              rankLabel={(rank) => t('election.winnerN', { rank })}
              addLabel={t('election.addWinner')}
              rows={values.winners}
              members={active}
              max={seats}
              error={errors.fields.winners}
              onChange={(rows) => set('winners', rows)}
            />
            <CandidateRows
              idPrefix={`${base}-substitutes`}
              legend={t('election.substitutes')}
              hint={t('election.substitutesHint')}
              rankLabel={(rank) => t('election.substituteN', { rank })}
              addLabel={t('election.addSubstitute')}
              rows={values.substitutes}
              members={active}
              max={MAX_SUBSTITUTES}
              error={errors.fields.substitutes}
              onChange={(rows) => set('substitutes', rows)}
            />
            <div className="field-pair">
              <TextField
                id={ids.tellerOne}
                label={t('election.tellerOne')}
                value={values.tellerOne}
                onChange={(event) => set('tellerOne', event.target.value)}
                error={errors.fields.tellerOne ?? errors.fields.tellers}
                maxLength={200}
                autoComplete="off"
                required
              />
              <TextField
                id={ids.tellerTwo}
                label={t('election.tellerTwo')}
                value={values.tellerTwo}
                onChange={(event) => set('tellerTwo', event.target.value)}
                error={errors.fields.tellerTwo}
                maxLength={200}
                autoComplete="off"
                required
              />
            </div>
            <TextField
              id={ids.sheetReference}
              label={t('election.sheet')}
              hint={t('election.sheetHint')}
              value={values.sheetReference}
              onChange={(event) => set('sheetReference', event.target.value)}
              error={errors.fields.sheetReference}
              maxLength={200}
              required
            />
            <TextField
              id={ids.termEndsAt}
              type="date"
              className="input--short"
              label={t('election.termEnds')}
              hint={t('election.termEndsHint')}
              value={values.termEndsAt}
              onChange={(event) => set('termEndsAt', event.target.value)}
              error={errors.fields.termEndsAt}
              required
            />
            <div className="actions">
              <Button type="submit" isBusy={isSubmitting}>
                {t('election.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
