// Opening a poll, for a council's secretary or chair: a motion (yes or no, with its majority, the
// base that majority is a share of, secrecy, and whether delegates may split their weight) or an
// election (method, seats, one option per line, how many marks). The same form serves a sitting
// (assemblyId) and a poll outside one (null); in a sitting the server refuses it without quorum.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Poll } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, CheckboxField, ErrorSummary, SelectField, TextArea, TextField } from '../ui/index.ts';
import { checkPoll, EMPTY_POLL, type PollValues, pollBody } from './decision-forms.ts';
import { useDecisionSubmit } from './use-decision-submit.ts';

const FIELDS = [
  'title',
  'body',
  'method',
  'options',
  'seats',
  'maxMarks',
  'majority',
  'majorityBase',
  'secrecy',
  'allowSplit',
] as const;
const METHODS = ['plurality', 'approval', 'irv', 'stv-scottish', 'stv-meek', 'stv-wigm', 'schulze'] as const;

export interface PollFormProps {
  councilId: string;
  assemblyId: string | null;
  /** Delegate bodies only: members have one vote each, nothing to split. */
  isDelegateBody: boolean;
  onOpened: (poll: Poll) => void;
}

export function PollForm({ councilId, assemblyId, isDelegateBody, onOpened }: PollFormProps) {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState<PollValues>(EMPTY_POLL);
  const { errors, setErrors, isSubmitting, run } = useDecisionSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const set = <K extends keyof PollValues>(key: K, value: PollValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkPoll(values);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const poll = await api.post<Poll>(
        `/councils/${encodeURIComponent(councilId)}/polls`,
        pollBody(values, assemblyId),
      );
      setValues(EMPTY_POLL);
      onOpened(poll);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <fieldset>
          <legend>{t('decisions.pollForm.kind')}</legend>
          <ul className="choice-list">
            {(['motion', 'election'] as const).map((kind) => (
              <li key={kind}>
                <label className="choice">
                  <input
                    type="radio"
                    name={`${base}-kind`}
                    checked={values.kind === kind}
                    onChange={() => set('kind', kind)}
                  />
                  <span>
                    <strong>{t(`decisions.pollForm.kind_${kind}`)}</strong>
                    <span className="choice-detail">{t(`decisions.pollForm.kindDetail_${kind}`)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField
          id={ids.title}
          label={t('decisions.pollForm.title')}
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          error={errors.fields.title}
          maxLength={300}
          required
        />
        <TextArea
          id={ids.body}
          label={
            values.kind === 'motion'
              ? t('decisions.pollForm.motionText')
              : t('decisions.pollForm.electionText')
          }
          isOptional
          value={values.body}
          onChange={(event) => set('body', event.target.value)}
          error={errors.fields.body}
          rows={3}
        />
        {values.kind === 'motion' ? (
          <>
            <SelectField
              id={ids.majority}
              label={t('decisions.pollForm.majority')}
              value={values.majority}
              onChange={(event) => set('majority', event.target.value as PollValues['majority'])}
              error={errors.fields.majority}
            >
              {(['simple', 'absolute', 'two-thirds'] as const).map((majority) => (
                <option key={majority} value={majority}>
                  {t(`decisions.majorityName.${majority}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={ids.majorityBase}
              label={t('decisions.pollForm.base')}
              hint={t('decisions.pollForm.baseHint')}
              value={values.majorityBase}
              onChange={(event) => set('majorityBase', event.target.value as PollValues['majorityBase'])}
              error={errors.fields.majorityBase}
            >
              {(['voting', 'present', 'entitled'] as const).map((item) => (
                <option key={item} value={item}>
                  {t(`decisions.baseName.${item}`)}
                </option>
              ))}
            </SelectField>
            {isDelegateBody && (
              <CheckboxField
                id={ids.allowSplit}
                label={t('decisions.pollForm.allowSplit')}
                hint={t('decisions.pollForm.allowSplitHint')}
                checked={values.allowSplit}
                onChange={(event) => set('allowSplit', event.target.checked)}
              />
            )}
          </>
        ) : (
          <>
            <SelectField
              id={ids.method}
              label={t('decisions.pollForm.method')}
              value={values.method}
              onChange={(event) => set('method', event.target.value as PollValues['method'])}
              error={errors.fields.method}
            >
              {METHODS.map((method) => (
                <option key={method} value={method}>
                  {t(`decisions.method.${method}`)}
                </option>
              ))}
            </SelectField>
            <TextArea
              id={ids.options}
              label={t('decisions.pollForm.options')}
              hint={t('decisions.pollForm.optionsHint')}
              value={values.options}
              onChange={(event) => set('options', event.target.value)}
              error={errors.fields.options}
              rows={5}
            />
            <div className="field-pair">
              <TextField
                id={ids.seats}
                label={t('decisions.pollForm.seats')}
                inputMode="numeric"
                className="input--short"
                value={values.seats}
                onChange={(event) => set('seats', event.target.value)}
                error={errors.fields.seats}
              />
              {values.method !== 'plurality' && (
                <TextField
                  id={ids.maxMarks}
                  label={
                    values.method === 'approval'
                      ? t('decisions.pollForm.maxMarksApproval')
                      : t('decisions.pollForm.maxMarksRanked')
                  }
                  inputMode="numeric"
                  className="input--short"
                  value={values.maxMarks}
                  onChange={(event) => set('maxMarks', event.target.value)}
                  error={errors.fields.maxMarks}
                />
              )}
            </div>
          </>
        )}
        <SelectField
          id={ids.secrecy}
          label={t('decisions.pollForm.secrecy')}
          hint={t(`decisions.pollForm.secrecyHint_${values.secrecy}`)}
          value={values.secrecy}
          onChange={(event) => set('secrecy', event.target.value as PollValues['secrecy'])}
          error={errors.fields.secrecy}
        >
          {(['secret', 'open', 'roll-call'] as const).map((secrecy) => (
            <option key={secrecy} value={secrecy}>
              {t(`decisions.secrecyName.${secrecy}`)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('decisions.pollForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
