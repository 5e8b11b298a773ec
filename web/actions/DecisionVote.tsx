// A decision on a call to action (call, suspend, resume, lift) as its body's secretary or chair sees it:
// its kind and status, and the vote — the button that opens it, or the poll's link.
import { useTranslation } from 'react-i18next';
import { SubjectVote } from '../decisions/index.ts';
import { actionsErrorText } from './actions-text.ts';
import type { ActionDecision } from './actions-types.ts';

export function DecisionVote({ decision, onChanged }: { decision: ActionDecision; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="action-decision">
      <p>
        {t(`actions.decision.kind.${decision.kind}`)} —{' '}
        <strong>{t(`actions.decision.status.${decision.status}`)}</strong>
        {decision.reason && <span className="muted"> · {decision.reason}</span>}
      </p>
      <SubjectVote
        path={`/action-decisions/${encodeURIComponent(decision.id)}/poll`}
        pollId={decision.pollId}
        mayOpen={decision.status === 'proposed'}
        explain={actionsErrorText}
        onOpened={onChanged}
      />
    </div>
  );
}
