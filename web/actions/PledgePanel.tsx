// The pledge panel of a call to action, for members of councils in its scope: "I take part", or "I take
// part if at least N of my council do"; their pledge's state (active, or pending and what it waits
// for) and the way to withdraw it; and, in words, why pledging is closed (not called yet, suspended,
// lifted, rejected) or not theirs (no council of theirs in scope).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { MyCouncil } from '../app/api-types.ts';
import { summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { Button, ErrorSummary, Notice, TextField } from '../ui/index.ts';
import { pledgeRefusal, pledgeState } from './action-view.ts';
import { useActionsAct, useActionsSubmit } from './actions-text.ts';
import type { ActionDetail, PledgeOutcome } from './actions-types.ts';
import { CouncilChoice } from './CouncilChoice.tsx';

const FIELDS = ['councilId', 'threshold'] as const;

function PledgeForms({
  action,
  councils,
  onChanged,
}: {
  action: ActionDetail;
  councils: MyCouncil[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [councilId, setCouncilId] = useState(action.myPledge?.councilId ?? councils[0]?.id ?? '');
  const [threshold, setThreshold] = useState('2');
  const [outcome, setOutcome] = useState<PledgeOutcome | null>(null);
  const { errors, isSubmitting, run } = useActionsSubmit(FIELDS);
  const ids = { councilId: `${base}-council`, threshold: `${base}-threshold` };

  async function pledge(conditional: boolean) {
    await run(async () => {
      const result = await api.post<PledgeOutcome>(`/actions/${encodeURIComponent(action.id)}/pledges`, {
        councilId: councilId || null,
        threshold: conditional ? Number(threshold) : null,
      });
      setOutcome(result);
      onChanged();
    });
  }
  const submitConditional = (event: FormEvent) => {
    event.preventDefault();
    void pledge(true);
  };

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <CouncilChoice
        id={ids.councilId}
        label={t('actions.pledge.council')}
        councils={councils}
        value={councilId}
        onChange={setCouncilId}
        error={errors.fields.councilId}
      />
      <div className="actions">
        <Button isBusy={isSubmitting} onClick={() => void pledge(false)}>
          {t('actions.pledge.takePart')}
        </Button>
      </div>
      <form className="form pledge-conditional" noValidate onSubmit={submitConditional}>
        <TextField
          id={ids.threshold}
          type="number"
          inputMode="numeric"
          min={2}
          label={t('actions.pledge.threshold')}
          hint={t('actions.pledge.thresholdHint')}
          value={threshold}
          onChange={(event) => setThreshold(event.target.value)}
          error={errors.fields.threshold}
        />
        <div className="actions">
          <Button type="submit" variant="secondary" isBusy={isSubmitting}>
            {t('actions.pledge.takePartIf', { n: threshold || '…' })}
          </Button>
        </div>
      </form>
      <div role="status">
        {outcome && (
          <p>
            {t('actions.pledge.outcome', {
              active: format.number(outcome.activeInCouncil),
              pending: format.number(outcome.pendingInCouncil),
            })}
          </p>
        )}
      </div>
    </>
  );
}

export function PledgePanel({
  action,
  councils,
  onChanged,
}: {
  action: ActionDetail;
  /** The viewer's active member councils in the scope (null: still asking). */
  councils: MyCouncil[] | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const { busy, failure, act } = useActionsAct();
  const state = pledgeState(action.myPledge);
  const refusal = pledgeRefusal(action.status);
  if (councils === null) return null;
  const withdraw = async () => {
    if (await act('withdraw', () => api.delete(`/actions/${encodeURIComponent(action.id)}/pledges/mine`)))
      onChanged();
  };
  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('actions.pledge.heading')}
      </h2>
      <div role="status">
        <p className={`pledge-state pledge-state--${state.key}`}>
          {t(`actions.pledge.state.${state.key}`, { n: state.threshold ?? 0 })}
        </p>
      </div>
      {councils.length === 0 ? (
        <p>{t('actions.pledge.refused.notInScope')}</p>
      ) : refusal ? (
        <Notice tone="info">
          <p>{t(`actions.pledge.refused.${refusal}`)}</p>
        </Notice>
      ) : (
        <>
          <PledgeForms action={action} councils={councils} onChanged={onChanged} />
          {state.key !== 'none' && (
            <div className="actions">
              <Button variant="quiet" isBusy={busy === 'withdraw'} onClick={() => void withdraw()}>
                {t('actions.pledge.withdraw')}
              </Button>
            </div>
          )}
          <div role="alert">
            {failure && (
              <Notice tone="error">
                <p>{failure.text}</p>
              </Notice>
            )}
          </div>
        </>
      )}
    </section>
  );
}
