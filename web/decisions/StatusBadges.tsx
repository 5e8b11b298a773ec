// Status of a sitting or a poll as a badge: the word carries the meaning, the colour only repeats it.
import { useTranslation } from 'react-i18next';
import type { AssemblyStatus, PollOutcome, PollStatus } from '../app/api-types.ts';
import { Badge } from '../ui/index.ts';

const ASSEMBLY_TONE = {
  convened: 'accent',
  'in-session': 'success',
  closed: 'neutral',
  cancelled: 'danger',
} as const satisfies Record<AssemblyStatus, string>;

export function AssemblyStatusBadge({ status }: { status: AssemblyStatus }) {
  const { t } = useTranslation();
  return <Badge tone={ASSEMBLY_TONE[status]}>{t(`decisions.assemblyStatus.${status}`)}</Badge>;
}

export function PollStatusBadge({ status, outcome }: { status: PollStatus; outcome: PollOutcome | null }) {
  const { t } = useTranslation();
  if (status === 'open') return <Badge tone="success">{t('decisions.pollStatus.open')}</Badge>;
  if (status === 'cancelled') return <Badge tone="danger">{t('decisions.pollStatus.cancelled')}</Badge>;
  return (
    <Badge tone={outcome === 'rejected' || outcome === 'no-valid-ballots' ? 'warning' : 'neutral'}>
      {outcome ? t(`decisions.outcome.${outcome}`) : t('decisions.pollStatus.closed')}
    </Badge>
  );
}
