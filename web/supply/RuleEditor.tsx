// The ration rule editor: the quantity per person in the item's unit, each age band's weight in percent
// of a full person, the priority classes (each flag's class number; flags without one are served with
// everyone else, last), and an optional cap per household. Saving proposes a new version; the council
// adopts it by vote.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, SelectField, TextArea, TextField } from '../ui/index.ts';
import { checkRule, type RuleValues, ruleBody } from './ration-rule-form.ts';
import { useSupplySubmit } from './supply-text.ts';
import { AGE_BANDS, type Item, PRIORITY_FLAGS, type RationRule } from './supply-types.ts';

const FIELDS = [
  'perPersonMilli',
  'weightsPermille',
  'infant',
  'child',
  'adult',
  'elder',
  'priorityClasses',
  'capPerHouseholdMilli',
  'note',
] as const;
const CLASS_NUMBERS = ['1', '2', '3', '4'];

export function RuleEditor({
  councilId,
  item,
  initial,
  onProposed,
}: {
  councilId: string;
  item: Item;
  initial: RuleValues;
  onProposed: (rule: RationRule) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState<RuleValues>(initial);
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  ids.weightsPermille = ids.adult ?? '';
  ids.priorityClasses = `${base}-class-${PRIORITY_FLAGS[0]}`;
  const set = <K extends keyof RuleValues>(key: K, value: RuleValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));
  const unit = item.baseUnit;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkRule(values);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const rule = await api.post<RationRule>(`/councils/${encodeURIComponent(councilId)}/ration-rules`, {
        itemId: item.id,
        ...ruleBody(values),
      });
      onProposed(rule);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.perPersonMilli}
          label={t('supply.rule.perPerson', { unit })}
          hint={t('supply.rule.perPersonHint')}
          inputMode="decimal"
          autoComplete="off"
          className="input--short"
          value={values.perPerson}
          onChange={(event) => set('perPerson', event.target.value)}
          error={errors.fields.perPersonMilli}
        />
        <fieldset>
          <legend>{t('supply.rule.weights')}</legend>
          <p className="field-hint">{t('supply.rule.weightsHint')}</p>
          {errors.fields.weightsPermille && <p className="field-error">{errors.fields.weightsPermille}</p>}
          <div className="band-grid">
            {AGE_BANDS.map((band) => (
              <TextField
                key={band}
                id={ids[band]}
                label={t('supply.rule.weightOf', { band: t(`supply.band.${band}`) })}
                inputMode="decimal"
                className="input--short"
                value={values.weights[band]}
                onChange={(event) => set('weights', { ...values.weights, [band]: event.target.value })}
                error={errors.fields[band]}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('supply.rule.classes')}</legend>
          <p className="field-hint">{t('supply.rule.classesHint')}</p>
          {errors.fields.priorityClasses && <p className="field-error">{errors.fields.priorityClasses}</p>}
          <div className="band-grid">
            {PRIORITY_FLAGS.map((flag) => (
              <SelectField
                key={flag}
                id={`${base}-class-${flag}`}
                label={t(`supply.flag.${flag}`)}
                value={values.classOf[flag]}
                onChange={(event) => set('classOf', { ...values.classOf, [flag]: event.target.value })}
              >
                <option value="">{t('supply.rule.generalClass')}</option>
                {CLASS_NUMBERS.map((n) => (
                  <option key={n} value={n}>
                    {t('supply.rule.classNumber', { number: n })}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
        </fieldset>
        <TextField
          id={ids.capPerHouseholdMilli}
          label={t('supply.rule.cap', { unit })}
          hint={t('supply.rule.capHint')}
          isOptional
          inputMode="decimal"
          autoComplete="off"
          className="input--short"
          value={values.cap}
          onChange={(event) => set('cap', event.target.value)}
          error={errors.fields.capPerHouseholdMilli}
        />
        <TextArea
          id={ids.note}
          label={t('supply.rule.note')}
          hint={t('supply.rule.noteHint')}
          isOptional
          rows={3}
          maxLength={2000}
          value={values.note}
          onChange={(event) => set('note', event.target.value)}
          error={errors.fields.note}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.rule.propose')}
          </Button>
        </div>
      </form>
    </>
  );
}
