// Opening a depot or a distribution point, for a council's secretary or chair. Its location (optional,
// both coordinates or neither) lets shipment plans measure distances to and from it.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, SelectField, TextField } from '../ui/index.ts';
import { useSupplySubmit } from './supply-text.ts';
import type { Depot, DepotKind } from './supply-types.ts';

const FIELDS = ['name', 'kind', 'place', 'latitude', 'longitude'] as const;

/** Decimal degrees as typed (either decimal mark); null when it is not a number within ±limit. */
export function parseDegrees(typed: string, limit: number): number | null {
  const text = typed.trim().replace(',', '.').replace('−', '-');
  if (!/^-?\d{1,3}(\.\d{1,8})?$/.test(text)) return null;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : null;
}

export function DepotForm({ councilId, onCreated }: { councilId: string; onCreated: (d: Depot) => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DepotKind>('depot');
  const [place, setPlace] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'supply.depotForm.nameRequired';
    const hasLocation = latitude.trim() !== '' || longitude.trim() !== '';
    const lat = parseDegrees(latitude, 90);
    const lon = parseDegrees(longitude, 180);
    if (hasLocation && lat === null) problems.latitude = 'supply.depotForm.latitudeInvalid';
    if (hasLocation && lon === null) problems.longitude = 'supply.depotForm.longitudeInvalid';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const depot = await api.post<Depot>(`/councils/${encodeURIComponent(councilId)}/depots`, {
        name: name.trim(),
        kind,
        place: place.trim() || null,
        ...(hasLocation && lat !== null && lon !== null
          ? { location: { latitude: lat, longitude: lon } }
          : {}),
      });
      setName('');
      setPlace('');
      setLatitude('');
      setLongitude('');
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
        <fieldset>
          <legend className="field-label">{t('supply.depotForm.location')}</legend>
          <p className="field-hint">{t('supply.depotForm.locationHint')}</p>
          <div className="field-pair">
            <TextField
              id={ids.latitude}
              label={t('supply.depotForm.latitude')}
              hint={t('supply.depotForm.latitudeHint')}
              isOptional
              inputMode="decimal"
              autoComplete="off"
              value={latitude}
              onChange={(event) => setLatitude(event.target.value)}
              error={errors.fields.latitude}
            />
            <TextField
              id={ids.longitude}
              label={t('supply.depotForm.longitude')}
              hint={t('supply.depotForm.longitudeHint')}
              isOptional
              inputMode="decimal"
              autoComplete="off"
              value={longitude}
              onChange={(event) => setLongitude(event.target.value)}
              error={errors.fields.longitude}
            />
          </div>
        </fieldset>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.depotForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
