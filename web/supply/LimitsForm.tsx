// A federated council's limits on the ration rules of the councils under it, for one item: the most
// per person, the largest cap per household (their rules must then have a cap), and flags whose
// households are served before everyone else. Empty fields set no limit.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, CheckboxField, ErrorSummary, Notice, TextField } from '../ui/index.ts';
import { checkLimits, type LimitsValues, limitsBody, limitsValues } from './ration-rule-form.ts';
import { useSupplySubmit } from './supply-text.ts';
import { type Item, PRIORITY_FLAGS, type RationLimits } from './supply-types.ts';

const FIELDS = ['maxPerPersonMilli', 'maxCapPerHouseholdMilli', 'servedFirstFlags'] as const;

export function LimitsForm({
  councilId,
  item,
  own,
  onSaved,
}: {
  councilId: string;
  item: Item;
  own: RationLimits | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState<LimitsValues>(() => limitsValues(own));
  const [saved, setSaved] = useState(false);
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const unit = item.baseUnit;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems = checkLimits(values);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      await api.put(
        `/councils/${encodeURIComponent(councilId)}/ration-limits/${encodeURIComponent(item.id)}`,
        limitsBody(values),
      );
      setSaved(true);
      onSaved();
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">{saved && <Notice tone="success" title={t('supply.limits.saved')} />}</div>
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.maxPerPersonMilli}
          label={t('supply.limits.maxPerPerson', { unit })}
          isOptional
          inputMode="decimal"
          className="input--short"
          value={values.maxPerPerson}
          onChange={(event) => setValues({ ...values, maxPerPerson: event.target.value })}
          error={errors.fields.maxPerPersonMilli}
        />
        <TextField
          id={ids.maxCapPerHouseholdMilli}
          label={t('supply.limits.maxCap', { unit })}
          hint={t('supply.limits.maxCapHint')}
          isOptional
          inputMode="decimal"
          className="input--short"
          value={values.maxCap}
          onChange={(event) => setValues({ ...values, maxCap: event.target.value })}
          error={errors.fields.maxCapPerHouseholdMilli}
        />
        <fieldset id={ids.servedFirstFlags}>
          <legend>{t('supply.limits.servedFirst')}</legend>
          <p className="field-hint">{t('supply.limits.servedFirstHint')}</p>
          {PRIORITY_FLAGS.map((flag) => (
            <CheckboxField
              key={flag}
              label={t(`supply.flag.${flag}`)}
              checked={values.servedFirst.includes(flag)}
              onChange={(event) =>
                setValues({
                  ...values,
                  servedFirst: event.target.checked
                    ? [...values.servedFirst, flag]
                    : values.servedFirst.filter((f) => f !== flag),
                })
              }
            />
          ))}
        </fieldset>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.limits.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
