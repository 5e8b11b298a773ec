// Registering a household, or changing one: its head, address and phone, its people by age band, the
// flags that put it in a priority class, and (optionally) an identity document, used only to warn of
// the same household registered by another council.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, CheckboxField, ErrorSummary, TextField } from '../ui/index.ts';
import { checkHousehold, EMPTY_HOUSEHOLD, type HouseholdValues, householdBody } from './household-form.ts';
import { useSupplySubmit } from './supply-text.ts';
import { AGE_BANDS, type HouseholdInput, PRIORITY_FLAGS } from './supply-types.ts';

const FIELDS = [
  'headName',
  'address',
  'phone',
  'people',
  'infant',
  'child',
  'adult',
  'elder',
  'flags',
  'identityDocument',
] as const;

export function HouseholdForm({
  initial = EMPTY_HOUSEHOLD,
  hasDocument = false,
  submitLabel,
  onSubmit,
}: {
  initial?: HouseholdValues;
  /** Editing a household whose document is on file: an empty field keeps it. */
  hasDocument?: boolean;
  submitLabel: string;
  onSubmit: (body: HouseholdInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState<HouseholdValues>(initial);
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  ids.people = ids.adult ?? '';
  const isChange = initial !== EMPTY_HOUSEHOLD;
  const set = <K extends keyof HouseholdValues>(key: K, value: HouseholdValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkHousehold(values);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(() => onSubmit(householdBody(values, isChange)));
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.headName}
          label={t('supply.household.headName')}
          autoComplete="off"
          value={values.headName}
          onChange={(event) => set('headName', event.target.value)}
          error={errors.fields.headName}
          maxLength={200}
          required
        />
        <TextField
          id={ids.address}
          label={t('supply.household.address')}
          autoComplete="off"
          value={values.address}
          onChange={(event) => set('address', event.target.value)}
          error={errors.fields.address}
          maxLength={300}
          required
        />
        <TextField
          id={ids.phone}
          type="tel"
          label={t('supply.household.phone')}
          isOptional
          autoComplete="off"
          value={values.phone}
          onChange={(event) => set('phone', event.target.value)}
          error={errors.fields.phone}
          maxLength={40}
        />
        <fieldset aria-describedby={errors.fields.people ? `${base}-people-error` : undefined}>
          <legend>{t('supply.household.people')}</legend>
          {errors.fields.people && (
            <p className="field-error" id={`${base}-people-error`}>
              {errors.fields.people}
            </p>
          )}
          <div className="band-grid">
            {AGE_BANDS.map((band) => (
              <TextField
                key={band}
                id={ids[band]}
                label={t(`supply.band.${band}`)}
                inputMode="numeric"
                className="input--short"
                value={values.people[band]}
                onChange={(event) => set('people', { ...values.people, [band]: event.target.value })}
                error={errors.fields[band]}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('supply.household.flags')}</legend>
          <p className="field-hint">{t('supply.household.flagsHint')}</p>
          {PRIORITY_FLAGS.map((flag) => (
            <CheckboxField
              key={flag}
              label={t(`supply.flag.${flag}`)}
              checked={values.flags.includes(flag)}
              onChange={(event) =>
                set(
                  'flags',
                  event.target.checked ? [...values.flags, flag] : values.flags.filter((f) => f !== flag),
                )
              }
            />
          ))}
        </fieldset>
        <TextField
          id={ids.identityDocument}
          label={t('supply.household.document')}
          hint={hasDocument ? t('supply.household.documentKept') : t('supply.household.documentHint')}
          isOptional
          autoComplete="off"
          value={values.identityDocument}
          onChange={(event) => set('identityDocument', event.target.value)}
          error={errors.fields.identityDocument}
          maxLength={40}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
