// Status badges of the supply context: each says its status in words (the colour only repeats it).
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/index.ts';
import type { RationRuleStatus } from './supply-types.ts';

const RULE_TONE = {
  proposed: 'neutral',
  'in-vote': 'warning',
  adopted: 'success',
  rejected: 'danger',
  superseded: 'neutral',
  withdrawn: 'neutral',
} as const;

export function RuleStatusBadge({ status }: { status: RationRuleStatus }) {
  const { t } = useTranslation();
  return <Badge tone={RULE_TONE[status]}>{t(`supply.ruleStatus.${status}`)}</Badge>;
}

export function RoundStatusBadge({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'open' ? 'accent' : 'neutral'}>{t(`supply.roundStatus.${status}`)}</Badge>;
}

export function TransferStatusBadge({ status }: { status: 'in-transit' | 'received' }) {
  const { t } = useTranslation();
  return (
    <Badge tone={status === 'in-transit' ? 'warning' : 'success'}>
      {t(`supply.transferStatus.${status}`)}
    </Badge>
  );
}
