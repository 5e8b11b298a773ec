// Creates a council: beneath a federation (its officers, or the administrator) or, with no parent,
// the first council of the tree (the administrator). A federation also takes a level.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { CreatedCouncil } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, SelectField, TextField } from '../ui/index.ts';
import {
  ANSWER_DAYS,
  type CouncilFormValues,
  checkCouncilForm,
  EMPTY_COUNCIL_FORM,
  KIND_CHOICES,
  LEVEL_CHOICES,
  type LevelChoice,
  newCouncilBody,
} from './council-form.ts';

const FIELDS = ['name', 'kind', 'level', 'territory', 'sector', 'answerDays', 'parentId'] as const;

export interface CouncilFormProps {
  /** Prefix of the field ids, unique on the page. */
  idPrefix: string;
  parentId: string | null;
  initialKind?: CouncilFormValues['kind'];
  submitLabel: string;
  onCreated: (council: CreatedCouncil) => void;
}

export function CouncilForm({
  idPrefix,
  parentId,
  initialKind = '',
  submitLabel,
  onCreated,
}: CouncilFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<CouncilFormValues>({ ...EMPTY_COUNCIL_FORM, kind: initialKind });
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);
  const ids = {
    name: `${idPrefix}-name`,
    kind: `${idPrefix}-kind`,
    level: values.level === 'other' ? `${idPrefix}-other-level` : `${idPrefix}-level`,
    territory: `${idPrefix}-territory`,
    sector: `${idPrefix}-sector`,
    answerDays: `${idPrefix}-answer-days`,
  };

  const set = <K extends keyof CouncilFormValues>(key: K, value: CouncilFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkCouncilForm(values);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, (key) => t(key, ANSWER_DAYS)));
      return;
    }
    await run(async () => {
      const created = await api.post<CreatedCouncil>('/councils', newCouncilBody(values, parentId));
      setValues({ ...EMPTY_COUNCIL_FORM, kind: initialKind });
      onCreated(created);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.name}
          label={t('councilForm.name')}
          hint={t('councilForm.nameHint')}
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={errors.fields.name}
          required
        />
        <SelectField
          id={ids.kind}
          label={t('councilForm.kind')}
          value={values.kind}
          onChange={(event) => set('kind', event.target.value as CouncilFormValues['kind'])}
          error={errors.fields.kind}
          required
        >
          <option value="">{t('councilForm.choose')}</option>
          {KIND_CHOICES.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        {values.kind === 'federation' && (
          <>
            <SelectField
              id={`${idPrefix}-level`}
              label={t('councilForm.level')}
              hint={t('councilForm.levelHint')}
              value={values.level}
              onChange={(event) => set('level', event.target.value as LevelChoice | '')}
              error={values.level === 'other' ? undefined : errors.fields.level}
              required
            >
              <option value="">{t('councilForm.choose')}</option>
              {LEVEL_CHOICES.map((level) => (
                <option key={level} value={level}>
                  {level === 'other' ? t('councilForm.otherLevelChoice') : t(`level.${level}`)}
                </option>
              ))}
            </SelectField>
            {values.level === 'other' && (
              <TextField
                id={`${idPrefix}-other-level`}
                label={t('councilForm.otherLevel')}
                hint={t('councilForm.otherLevelHint')}
                value={values.otherLevel}
                maxLength={40}
                onChange={(event) => set('otherLevel', event.target.value)}
                error={errors.fields.level}
                required
              />
            )}
          </>
        )}
        <TextField
          id={ids.territory}
          label={t('councilForm.territory')}
          hint={t('councilForm.territoryHint')}
          value={values.territory}
          onChange={(event) => set('territory', event.target.value)}
          error={errors.fields.territory}
          required
        />
        <TextField
          id={ids.sector}
          label={t('councilForm.sector')}
          hint={t('councilForm.sectorHint')}
          value={values.sector}
          onChange={(event) => set('sector', event.target.value)}
          error={errors.fields.sector}
          isOptional
        />
        <TextField
          id={ids.answerDays}
          type="number"
          inputMode="numeric"
          min={ANSWER_DAYS.min}
          max={ANSWER_DAYS.max}
          className="input--short"
          label={t('councilForm.answerDays')}
          hint={t('councilForm.answerDaysHint', ANSWER_DAYS)}
          value={values.answerDays}
          onChange={(event) => set('answerDays', event.target.value)}
          error={errors.fields.answerDays}
          required
        />
        <Button type="submit" isBusy={isSubmitting}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
