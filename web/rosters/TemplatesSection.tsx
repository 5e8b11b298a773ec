// The council's weekly templates for its secretary or chair: each with its slots (weekday, local times,
// role, place, places), the form to expand one over a range of dates into shifts, and the form to create
// a template slot by slot.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../core/rosters/zoned-time.ts';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, ErrorSummary, Loading, Notice, SelectField, TextField } from '../ui/index.ts';
import { mondayOf, todayIn, weekdayName } from './roster-days.ts';
import { type SlotDraft, slotProblem } from './roster-forms.ts';
import { rostersErrorText, useRostersSubmit } from './rosters-text.ts';
import type { Shift, ShiftTemplate } from './rosters-types.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const EXPAND_FIELDS = ['from', 'to'] as const;
const TEMPLATE_FIELDS = ['name', 'slots'] as const;

function ExpandForm({
  template,
  zone,
  onExpanded,
}: {
  template: ShiftTemplate;
  zone: string;
  onExpanded: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const nextMonday = addDays(mondayOf(todayIn(zone)), 7);
  const [from, setFrom] = useState(nextMonday);
  const [to, setTo] = useState(addDays(nextMonday, 27));
  const [result, setResult] = useState<{ created: number; alreadyThere: number } | null>(null);
  const { errors, setErrors, isSubmitting, run } = useRostersSubmit(EXPAND_FIELDS);
  const ids = { from: `${base}-from`, to: `${base}-to` };
  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!from) problems.from = 'rosters.define.dateRequired';
    if (!to) problems.to = 'rosters.define.dateRequired';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    setResult(null);
    await run(async () => {
      const answer = await api.post<{ created: Shift[]; alreadyThere: number }>(
        `/shift-templates/${encodeURIComponent(template.id)}/expansion`,
        { from, to },
      );
      setResult({ created: answer.created.length, alreadyThere: answer.alreadyThere });
      onExpanded();
    });
  }
  return (
    <details className="disclosure">
      <summary>{t('rosters.templates.expand')}</summary>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">
        {result && (
          <Notice tone="success">
            <p>{t('rosters.templates.expanded', result)}</p>
          </Notice>
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <div className="roster-times">
          <TextField
            id={ids.from}
            type="date"
            label={t('rosters.templates.from')}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            error={errors.fields.from}
            required
          />
          <TextField
            id={ids.to}
            type="date"
            label={t('rosters.templates.to')}
            hint={t('rosters.templates.toHint')}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            error={errors.fields.to}
            required
          />
        </div>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('rosters.templates.expandSubmit')}
          </Button>
        </div>
      </form>
    </details>
  );
}

const emptySlot = (key: number): SlotDraft => ({
  key,
  weekday: '1',
  startTime: '08:00',
  endTime: '12:00',
  place: '',
  role: '',
  needed: '1',
  requiredTraining: '',
});

function SlotFields({
  slot,
  index,
  onChange,
  onRemove,
}: {
  slot: SlotDraft;
  index: number;
  onChange: (slot: SlotDraft) => void;
  onRemove: (() => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const set = (field: keyof SlotDraft) => (event: { target: { value: string } }) =>
    onChange({ ...slot, [field]: event.target.value });
  return (
    <fieldset className="roster-slot">
      <legend>{t('rosters.templates.slot', { number: index + 1 })}</legend>
      <SelectField label={t('rosters.templates.weekday')} value={slot.weekday} onChange={set('weekday')}>
        {WEEKDAYS.map((day) => (
          <option key={day} value={day}>
            {weekdayName(day, [i18n.language, 'es'])}
          </option>
        ))}
      </SelectField>
      <div className="roster-times">
        <TextField
          type="time"
          label={t('rosters.define.start')}
          value={slot.startTime}
          onChange={set('startTime')}
        />
        <TextField
          type="time"
          label={t('rosters.define.end')}
          value={slot.endTime}
          onChange={set('endTime')}
        />
      </div>
      <TextField
        label={t('rosters.shift.place')}
        value={slot.place}
        onChange={set('place')}
        maxLength={300}
      />
      <TextField label={t('rosters.shift.role')} value={slot.role} onChange={set('role')} maxLength={100} />
      <TextField
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        label={t('rosters.shift.needed')}
        value={slot.needed}
        onChange={set('needed')}
      />
      <TextField
        label={t('rosters.shift.training')}
        value={slot.requiredTraining}
        onChange={set('requiredTraining')}
        maxLength={100}
        isOptional
      />
      {onRemove && (
        <Button variant="quiet" onClick={onRemove}>
          {t('rosters.templates.removeSlot', { number: index + 1 })}
        </Button>
      )}
    </fieldset>
  );
}

function TemplateForm({ councilId, onCreated }: { councilId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [name, setName] = useState('');
  const [slots, setSlots] = useState<SlotDraft[]>([emptySlot(0)]);
  const [nextKey, setNextKey] = useState(1);
  const [created, setCreated] = useState<ShiftTemplate | null>(null);
  const { errors, setErrors, isSubmitting, run } = useRostersSubmit(TEMPLATE_FIELDS);
  const ids = { name: `${base}-name`, slots: `${base}-slots` };
  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'rosters.templates.nameRequired';
    const problem = slots.map(slotProblem).find((p) => p !== null);
    if (problem) problems.slots = problem;
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    setCreated(null);
    await run(async () => {
      const template = await api.post<ShiftTemplate>(
        `/councils/${encodeURIComponent(councilId)}/shift-templates`,
        {
          name: name.trim(),
          slots: slots.map((s) => ({
            weekday: Number(s.weekday),
            startTime: s.startTime,
            endTime: s.endTime,
            place: s.place.trim(),
            role: s.role.trim(),
            needed: Number(s.needed),
            requiredTraining: s.requiredTraining.trim() || null,
          })),
        },
      );
      setCreated(template);
      setName('');
      setSlots([emptySlot(nextKey)]);
      setNextKey(nextKey + 1);
      onCreated();
    });
  }
  return (
    <details className="disclosure">
      <summary>{t('rosters.templates.create')}</summary>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">
        {created && (
          <Notice tone="success">
            <p>{t('rosters.templates.created', { name: created.name })}</p>
          </Notice>
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.name}
          label={t('rosters.templates.name')}
          hint={t('rosters.templates.nameHint')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.fields.name}
          maxLength={200}
          required
        />
        <div id={ids.slots} tabIndex={-1}>
          {errors.fields.slots && (
            <p className="field-error">
              <span className="visually-hidden">{t('ui.errorPrefix')} </span>
              {errors.fields.slots}
            </p>
          )}
          {slots.map((slot, index) => (
            <SlotFields
              key={slot.key}
              slot={slot}
              index={index}
              onChange={(changed) => setSlots(slots.map((s) => (s.key === slot.key ? changed : s)))}
              onRemove={slots.length > 1 ? () => setSlots(slots.filter((s) => s.key !== slot.key)) : null}
            />
          ))}
        </div>
        <div className="actions">
          <Button
            variant="secondary"
            onClick={() => {
              setSlots([...slots, { ...(slots.at(-1) ?? emptySlot(nextKey)), key: nextKey }]);
              setNextKey(nextKey + 1);
            }}
          >
            {t('rosters.templates.addSlot')}
          </Button>
          <Button type="submit" isBusy={isSubmitting}>
            {t('rosters.templates.submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}

export function TemplatesSection({
  councilId,
  zone,
  onExpanded,
}: {
  councilId: string;
  zone: string;
  onExpanded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const templates = useApi<{ templates: ShiftTemplate[] }>(
    `/councils/${encodeURIComponent(councilId)}/shift-templates`,
  );
  return (
    <section className="panel" aria-labelledby={`${base}-templates`}>
      <h2 className="panel-title" id={`${base}-templates`}>
        {t('rosters.templates.heading')}
      </h2>
      <p className="muted">{t('rosters.templates.explain')}</p>
      {templates.isLoading && !templates.data && <Loading label={t('common.loading')} />}
      {templates.error !== null && (
        <LoadError error={templates.error} onRetry={templates.reload} explain={rostersErrorText} />
      )}
      {templates.data &&
        (templates.data.templates.length === 0 ? (
          <p>{t('rosters.templates.none')}</p>
        ) : (
          <ul className="plain-list">
            {templates.data.templates.map((template) => (
              <li key={template.id}>
                <h3 className="item-title">{template.name}</h3>
                <ul>
                  {template.slots.map((slot) => (
                    <li key={slot.id}>
                      {t('rosters.templates.slotLine', {
                        weekday: weekdayName(slot.weekday, [i18n.language, 'es']),
                        start: slot.startTime,
                        end: slot.endTime,
                        role: slot.role,
                        place: slot.place,
                        needed: slot.needed,
                      })}
                    </li>
                  ))}
                </ul>
                <ExpandForm template={template} zone={zone} onExpanded={onExpanded} />
              </li>
            ))}
          </ul>
        ))}
      <TemplateForm councilId={councilId} onCreated={templates.reload} />
    </section>
  );
}
