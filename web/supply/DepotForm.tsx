// Opening a depot or a distribution point, for a council's secretary or chair.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, SelectField, TextField } from '../ui/index.ts';
import { useSupplySubmit } from './supply-text.ts';
import type { Depot, DepotKind } from './supply-types.ts';

const FIELDS = ['name', 'kind', 'place'] as const;

export function DepotForm({ councilId, onCreated }: { councilId: string; onCreated: (d: Depot) => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DepotKind>('depot');
  const [place, setPlace] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors(errorsFromProblems({ name: 'supply.depotForm.nameRequired' }, t));
      return;
    }
    await run(async () => {
      const depot = await api.post<Depot>(`/councils/${encodeURIComponent(councilId)}/depots`, {
        name: name.trim(),
        kind,
        place: place.trim() || null,
      });
      setName('');
      setPlace('');
      onCreated(depot);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.name}
          label={t('supply.depotForm.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.fields.name}
          maxLength={200}
          required
        />
        <SelectField
          id={ids.kind}
          label={t('supply.depotForm.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as DepotKind)}
          error={errors.fields.kind}
        >
          <option value="depot">{t('supply.depotKind.depot')}</option>
          <option value="distribution-point">{t('supply.depotKind.distribution-point')}</option>
        </SelectField>
        <TextField
          id={ids.place}
          label={t('supply.depotForm.place')}
          isOptional
          value={place}
          onChange={(event) => setPlace(event.target.value)}
          error={errors.fields.place}
          maxLength={300}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.depotForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
