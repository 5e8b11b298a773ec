// The words of an action at a glance: its status as a badge and its kind.
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/index.ts';
import { actionStatusTone } from './action-view.ts';
import type { CollectiveAction } from './actions-types.ts';

export function ActionStatusBadge({ action }: { action: Pick<CollectiveAction, 'status'> }) {
  const { t } = useTranslation();
  return <Badge tone={actionStatusTone(action.status)}>{t(`actions.status.${action.status}`)}</Badge>;
}
