// The council's fairness rules as every member reads them (weekly hours cap, night weight, how far ahead
// one signs up, the cancellation window, the roster's clock), and for its secretary or chair the form
// that changes them.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, Notice, TextField } from '../ui/index.ts';
import { SETTINGS_NUMBERS, settingsBody, settingsDraft, settingsProblems } from './roster-forms.ts';
import { useRostersSubmit } from './rosters-text.ts';
import type { RosterSettings } from './rosters-types.ts';

const FIELDS = ['timeZone', ...SETTINGS_NUMBERS.map((field) => field.name)];

function SettingsForm({
  councilId,
  settings,
  onSaved,
}: {
  councilId: string;
  settings: RosterSettings;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [draft, setDraft] = useState(() =>
    settingsDraft(settings, Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  const [saved, setSaved] = useState(false);
  const { errors, setErrors, isSubmitting, run } = useRostersSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = settingsProblems(draft);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    setSaved(false);
    await run(async () => {
      await api.put<RosterSettings>(
        `/councils/${encodeURIComponent(councilId)}/roster-settings`,
        settingsBody(draft),
      );
      setSaved(true);
      onSaved();
    });
  }

  return (
    <details className="disclosure">
      <summary>{t('rosters.settings.change')}</summary>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">
        {saved && (
          <Notice tone="success">
            <p>{t('rosters.settings.saved')}</p>
          </Notice>
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.timeZone}
          label={t('rosters.settings.timeZone')}
          hint={t('rosters.settings.timeZoneHint')}
          value={draft.timeZone}
          onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })}
          error={errors.fields.timeZone}
          maxLength={64}
          required
        />
        {SETTINGS_NUMBERS.map((field) => (
          <TextField
            key={field.name}
            id={ids[field.name]}
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.max}
            label={t(field.label)}
            hint={field.hint ? t(field.hint) : undefined}
            value={draft[field.name]}
            onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
            error={errors.fields[field.name]}
            isOptional={field.name === 'maxHoursPerWeek'}
            required={field.name !== 'maxHoursPerWeek'}
          />
        ))}
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('rosters.settings.submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}

export function RosterSettingsSection({
  councilId,
  settings,
  canSet,
  onSaved,
}: {
  councilId: string;
  settings: RosterSettings;
  canSet: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <section className="panel" aria-labelledby={`${base}-rules`}>
      <h2 className="panel-title" id={`${base}-rules`}>
        {t('rosters.settings.heading')}
      </h2>
      <ul>
        <li>
          {settings.maxHoursPerWeek === null
            ? t('rosters.settings.noMaxHours')
            : t('rosters.settings.maxHoursIs', { count: settings.maxHoursPerWeek })}
        </li>
        <li>
          {settings.nightWeightPercent === 100
            ? t('rosters.settings.nightsPlain')
            : t('rosters.settings.nightsWeighted', { percent: settings.nightWeightPercent })}
        </li>
        <li>{t('rosters.settings.horizonIs', { count: settings.horizonDays })}</li>
        <li>{t('rosters.settings.windowIs', { count: settings.cancellationWindowHours })}</li>
        <li>{t('rosters.settings.zoneIs', { zone: settings.timeZone })}</li>
      </ul>
      {canSet && <SettingsForm councilId={councilId} settings={settings} onSaved={onSaved} />}
    </section>
  );
}
