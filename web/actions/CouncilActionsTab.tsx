// The "Actions" tab of a council page: the calls to action involving the council — called by it, or by
// a body above with it in scope — with their status; for its secretary or chair, its calls awaiting the
// vote (the button that opens it, the poll's link) and the form to propose a call.
import './actions.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { useCouncilOffices } from '../supply/index.ts';
import { Loading } from '../ui/index.ts';
import { ActionStatusBadge } from './ActionBadges.tsx';
import { pendingDecision } from './action-view.ts';
import { actionsErrorText } from './actions-text.ts';
import type { ActionDetail, CollectiveAction } from './actions-types.ts';
import { DecisionVote } from './DecisionVote.tsx';
import { ProposeActionForm } from './ProposeActionForm.tsx';

/** A call of this council awaiting its vote: the vote's button or link. */
function CallVote({ actionId, onChanged }: { actionId: string; onChanged: () => void }) {
  const detail = useApi<ActionDetail>(`/actions/${encodeURIComponent(actionId)}`);
  const decision = detail.data ? pendingDecision(detail.data.decisions) : null;
  if (!decision) return null;
  return (
    <DecisionVote
      decision={decision}
      onChanged={() => {
        detail.reload();
        onChanged();
      }}
    />
  );
}

function ActionItem({
  action,
  isOwn,
  leads,
  onChanged,
}: {
  action: CollectiveAction;
  isOwn: boolean;
  leads: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  return (
    <li>
      <article className="action-item" aria-labelledby={`${base}-title`}>
        <h3 className="item-title" id={`${base}-title`}>
          <Link href={`/actions/${action.id}`}>{action.title}</Link>
        </h3>
        <p className="meta-line">
          <ActionStatusBadge action={action} /> {t(`actions.kind.${action.kind}`)} ·{' '}
          {t('actions.startsOn', { date: format.dateTime(action.startsAt) })} ·{' '}
          {t('actions.scopeCount', { n: format.number(action.scopeCouncils) })}
          {!isOwn && <> · {t('actions.calledAbove')}</>}
        </p>
        {leads && isOwn && action.status === 'proposed' && (
          <CallVote actionId={action.id} onChanged={onChanged} />
        )}
      </article>
    </li>
  );
}

export default function CouncilActionsTab({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const { leads } = useCouncilOffices(council);
  const list = useApi<{ actions: CollectiveAction[] }>(`/councils/${encodeURIComponent(council.id)}/actions`);
  return (
    <div className="actions-tab">
      <section className="panel" aria-labelledby={`${base}-list`}>
        <h2 className="panel-title" id={`${base}-list`}>
          {t('actions.list.heading')}
        </h2>
        {list.isLoading && !list.data && <Loading label={t('common.loading')} />}
        {list.error !== null && (
          <LoadError error={list.error} onRetry={list.reload} explain={actionsErrorText} />
        )}
        {list.data &&
          (list.data.actions.length === 0 ? (
            <p>{t('actions.list.none')}</p>
          ) : (
            <ul className="plain-list">
              {list.data.actions.map((action) => (
                <ActionItem
                  key={action.id}
                  action={action}
                  isOwn={action.councilId === council.id}
                  leads={leads}
                  onChanged={list.reload}
                />
              ))}
            </ul>
          ))}
      </section>
      {leads && (
        <section className="panel" aria-labelledby={`${base}-propose`}>
          <h2 className="panel-title" id={`${base}-propose`}>
            {t('actions.form.heading')}
          </h2>
          <details className="disclosure">
            <summary>{t('actions.form.open')}</summary>
            <ProposeActionForm councilId={council.id} councils={council.children} onProposed={list.reload} />
          </details>
        </section>
      )}
    </div>
  );
}
