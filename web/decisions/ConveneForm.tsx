// Convening a sitting, for a council's secretary or chair: title, when (ordinary sittings need 48 hours'
// notice; an extraordinary one may be called at any notice), where (a place, an online link or both),
// the quorum rule, and the agenda, item by item.
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Assembly } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, CheckboxField, ErrorSummary, SelectField, TextArea, TextField } from '../ui/index.ts';
import { type ConveneValues, checkConvene, conveneBody, EMPTY_CONVENE } from './decision-forms.ts';
import { useDecisionSubmit } from './use-decision-submit.ts';

const FIELDS = ['title', 'startsAt', 'place', 'onlineUrl', 'quorumPercent', 'agenda'] as const;
const AGENDA_LIMIT = 100;

export function ConveneForm({
  councilId,
  onConvened,
}: {
  councilId: string;
  onConvened: (a: Assembly) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState<ConveneValues>(EMPTY_CONVENE);
  const { errors, setErrors, isSubmitting, run } = useDecisionSubmit(FIELDS);
  const addButton = useRef<HTMLButtonElement>(null);
  const ids: Record<string, string> = {
    ...Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`])),
    ...Object.fromEntries(values.agenda.map((_, index) => [`agenda.${index}`, `${base}-agenda-${index}`])),
  };
  const set = <K extends keyof ConveneValues>(key: K, value: ConveneValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));
  const setItem = (index: number, item: ConveneValues['agenda'][number]) =>
    setValues((held) => ({ ...held, agenda: held.agenda.map((old, i) => (i === index ? item : old)) }));

  function removeItem(index: number) {
    setValues((held) => ({ ...held, agenda: held.agenda.filter((_, i) => i !== index) }));
    requestAnimationFrame(() => addButton.current?.focus());
  }

  function addItem() {
    const index = values.agenda.length;
    setValues((held) => ({ ...held, agenda: [...held.agenda, { title: '', notes: '' }] }));
    requestAnimationFrame(() => document.getElementById(`${base}-agenda-${index}`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkConvene(values, new Date());
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const assembly = await api.post<Assembly>(
        `/councils/${encodeURIComponent(councilId)}/assemblies`,
        conveneBody(values),
      );
      setValues(EMPTY_CONVENE);
      onConvened(assembly);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.title}
          label={t('decisions.convene.title')}
          hint={t('decisions.convene.titleHint')}
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          error={errors.fields.title}
          maxLength={200}
          required
        />
        <TextField
          id={ids.startsAt}
          type="datetime-local"
          label={t('decisions.convene.startsAt')}
          hint={t('decisions.convene.startsAtHint')}
          value={values.startsAt}
          onChange={(event) => set('startsAt', event.target.value)}
          error={errors.fields.startsAt}
          required
        />
        <CheckboxField
          label={t('decisions.convene.extraordinary')}
          hint={t('decisions.convene.extraordinaryHint')}
          checked={values.isExtraordinary}
          onChange={(event) => set('isExtraordinary', event.target.checked)}
        />
        <TextField
          id={ids.place}
          label={t('decisions.convene.place')}
          hint={t('decisions.convene.placeHint')}
          value={values.place}
          onChange={(event) => set('place', event.target.value)}
          error={errors.fields.place}
          maxLength={300}
        />
        <TextField
          id={ids.onlineUrl}
          type="url"
          label={t('decisions.convene.onlineUrl')}
          hint={t('decisions.convene.onlineUrlHint')}
          isOptional
          value={values.onlineUrl}
          onChange={(event) => set('onlineUrl', event.target.value)}
          error={errors.fields.onlineUrl}
          maxLength={500}
        />
        <div className="field-pair">
          <SelectField
            label={t('decisions.convene.quorum')}
            value={values.quorumKind}
            onChange={(event) => set('quorumKind', event.target.value as ConveneValues['quorumKind'])}
          >
            <option value="more-than-half">{t('decisions.quorumRule.more-than-half')}</option>
            <option value="percent">{t('decisions.convene.quorumPercentOption')}</option>
          </SelectField>
          {values.quorumKind === 'percent' && (
            <TextField
              id={ids.quorumPercent}
              label={t('decisions.convene.quorumPercent')}
              inputMode="numeric"
              className="input--short"
              value={values.quorumPercent}
              onChange={(event) => set('quorumPercent', event.target.value)}
              error={errors.fields.quorumPercent}
            />
          )}
        </div>
        <fieldset>
          <legend>{t('decisions.convene.agenda')}</legend>
          <p className="field-hint">{t('decisions.convene.agendaHint')}</p>
          <ol className="agenda-rows">
            {values.agenda.map((item, index) => (
              // Rows have no identity beyond their position until the sitting is convened.
              // biome-ignore lint/suspicious/noArrayIndexKey: an agenda row is its position
              <li key={index} className="agenda-row">
                <TextField
                  id={`${base}-agenda-${index}`}
                  label={t('decisions.convene.itemTitle', { number: index + 1 })}
                  value={item.title}
                  onChange={(event) => setItem(index, { ...item, title: event.target.value })}
                  error={errors.fields[`agenda.${index}`]}
                  maxLength={300}
                />
                <TextArea
                  label={t('decisions.convene.itemNotes', { number: index + 1 })}
                  isOptional
                  rows={2}
                  value={item.notes}
                  onChange={(event) => setItem(index, { ...item, notes: event.target.value })}
                />
                <Button variant="quiet" onClick={() => removeItem(index)}>
                  {t('decisions.convene.removeItem', { number: index + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          {values.agenda.length < AGENDA_LIMIT && (
            <Button ref={addButton} variant="secondary" onClick={addItem}>
              {t('decisions.convene.addItem')}
            </Button>
          )}
        </fieldset>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('decisions.convene.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
