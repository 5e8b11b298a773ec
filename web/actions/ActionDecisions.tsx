// The decisions on a call to action: their history for everyone; for the calling body's secretary or
// chair, the one awaiting its vote (put to the vote, the poll's link) or the form to propose the next —
// suspend, resume or lift, as the action's status allows.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { Button, ErrorSummary, SelectField, TextArea } from '../ui/index.ts';
import { laterDecisions, pendingDecision } from './action-view.ts';
import { useActionsSubmit } from './actions-text.ts';
import type { ActionDecisionKind, ActionDetail } from './actions-types.ts';
import { DecisionVote } from './DecisionVote.tsx';

const FIELDS = ['kind', 'reason'] as const;

function ProposeDecisionForm({ action, onProposed }: { action: ActionDetail; onProposed: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const kinds = laterDecisions(action.status);
  const [kind, setKind] = useState<ActionDecisionKind>(
    kinds.includes('lift') ? 'lift' : (kinds[0] ?? 'lift'),
  );
  const [reason, setReason] = useState('');
  const { errors, isSubmitting, run } = useActionsSubmit(FIELDS);
  const ids = { kind: `${base}-kind`, reason: `${base}-reason` };
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await api.post(`/actions/${encodeURIComponent(action.id)}/decisions`, {
        kind,
        reason: reason.trim() || null,
      });
      setReason('');
      onProposed();
    });
  }
  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id={ids.kind}
          label={t('actions.decision.propose')}
          value={kind}
          onChange={(event) => setKind(event.target.value as ActionDecisionKind)}
          error={errors.fields.kind}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`actions.decision.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextArea
          id={ids.reason}
          label={t('actions.decision.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.fields.reason}
          rows={2}
          isOptional
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('actions.decision.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

export function ActionDecisions({
  action,
  leads,
  onChanged,
}: {
  action: ActionDetail;
  /** The viewer is the calling body's secretary or chair. */
  leads: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const pending = pendingDecision(action.decisions);
  const decided = action.decisions.filter((d) => d.status === 'adopted' || d.status === 'rejected');
  const canPropose = leads && !pending && laterDecisions(action.status).length > 0;
  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('actions.decision.heading')}
      </h2>
      {decided.length > 0 && (
        <ul className="plain-list">
          {decided.map((d) => (
            <li key={d.id}>
              {t(`actions.decision.kind.${d.kind}`)} — {t(`actions.decision.status.${d.status}`)}
              {d.decidedAt && <span className="muted"> · {format.dateTime(d.decidedAt)}</span>}
            </li>
          ))}
        </ul>
      )}
      {pending && (leads || pending.pollId) && <DecisionVote decision={pending} onChanged={onChanged} />}
      {pending && !leads && !pending.pollId && <p>{t('actions.decision.awaiting')}</p>}
      {canPropose && <ProposeDecisionForm action={action} onProposed={onChanged} />}
    </section>
  );
}
