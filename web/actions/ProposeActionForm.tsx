// Proposing a call to action, for a body's secretary or chair: its kind, title and description, when it
// starts (and ends), the conditions for lifting it, and its scope — the councils under the body whose
// subtrees are called (all by default) — and its coordinators (CoordinatorPicker.tsx). The body calls it
// by its vote, opened below the form.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTIVE_ACTION_KINDS } from '../../core/actions/action-status.ts';
import { api } from '../app/api-client.ts';
import type { CouncilRef } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, CheckboxField, ErrorSummary, SelectField, TextArea, TextField } from '../ui/index.ts';
import { instantFromLocal, scopeIds } from './action-view.ts';
import { useActionsSubmit } from './actions-text.ts';
import type { CollectiveActionKind, CoordinatorCandidate } from './actions-types.ts';
import { CoordinatorPicker } from './CoordinatorPicker.tsx';

const FIELDS = [
  'kind',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'liftingConditions',
  'scopeCouncilIds',
  'coordinatorIds',
] as const;

export function ProposeActionForm({
  councilId,
  councils: children,
  onProposed,
}: {
  councilId: string;
  councils: readonly CouncilRef[];
  onProposed: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [kind, setKind] = useState<CollectiveActionKind>('blockade');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [lifting, setLifting] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(children.map((c) => c.id)));
  const [coordinators, setCoordinators] = useState<CoordinatorCandidate[]>([]);
  const { errors, setErrors, isSubmitting, run } = useActionsSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));

  function toggle(id: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const start = instantFromLocal(startsAt);
    const end = instantFromLocal(endsAt);
    if (!title.trim()) problems.title = 'actions.form.titleRequired';
    if (!start) problems.startsAt = 'actions.form.startRequired';
    if (start && end && end <= start) problems.endsAt = 'actions.errors.action-ends-before-start';
    if (children.length > 0 && chosen.size === 0) problems.scopeCouncilIds = 'actions.form.scopeRequired';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      await api.post(`/councils/${encodeURIComponent(councilId)}/actions`, {
        kind,
        title: title.trim(),
        description: description.trim() || null,
        startsAt: start,
        endsAt: end,
        liftingConditions: lifting.trim() || null,
        scopeCouncilIds:
          children.length > 0
            ? scopeIds(
                children.map((c) => c.id),
                chosen,
              )
            : null,
        coordinatorIds: coordinators.map((c) => c.personId),
      });
      setTitle('');
      setCoordinators([]);
      setDescription('');
      setLifting('');
      onProposed();
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id={ids.kind}
          label={t('actions.form.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as CollectiveActionKind)}
          error={errors.fields.kind}
        >
          {COLLECTIVE_ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`actions.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.title}
          label={t('actions.form.title')}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={errors.fields.title}
          maxLength={200}
          required
        />
        <TextArea
          id={ids.description}
          label={t('actions.form.description')}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors.fields.description}
          rows={3}
          isOptional
        />
        <TextField
          id={ids.startsAt}
          type="datetime-local"
          label={t('actions.form.startsAt')}
          value={startsAt}
          onChange={(event) => setStartsAt(event.target.value)}
          error={errors.fields.startsAt}
          required
        />
        <TextField
          id={ids.endsAt}
          type="datetime-local"
          label={t('actions.form.endsAt')}
          value={endsAt}
          onChange={(event) => setEndsAt(event.target.value)}
          error={errors.fields.endsAt}
          isOptional
        />
        <TextArea
          id={ids.liftingConditions}
          label={t('actions.form.liftingConditions')}
          hint={t('actions.form.liftingHint')}
          value={lifting}
          onChange={(event) => setLifting(event.target.value)}
          error={errors.fields.liftingConditions}
          rows={3}
          isOptional
        />
        {children.length > 0 && (
          <fieldset id={ids.scopeCouncilIds} aria-describedby={`${base}-scope-hint`}>
            <legend>{t('actions.form.scope')}</legend>
            <p className="field-hint" id={`${base}-scope-hint`}>
              {t('actions.form.scopeHint')}
            </p>
            {errors.fields.scopeCouncilIds && <p className="field-error">{errors.fields.scopeCouncilIds}</p>}
            {children.map((child) => (
              <CheckboxField
                key={child.id}
                label={child.name}
                checked={chosen.has(child.id)}
                onChange={(event) => toggle(child.id, event.target.checked)}
              />
            ))}
          </fieldset>
        )}
        <CoordinatorPicker
          councilId={councilId}
          inputId={`${base}-coordinatorIds`}
          chosen={coordinators}
          onChange={setCoordinators}
          error={errors.fields.coordinatorIds}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('actions.form.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
