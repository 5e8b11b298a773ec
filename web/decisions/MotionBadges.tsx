// Status of a motion or an amendment as a badge: the word carries the meaning, the colour only repeats it.
import { useTranslation } from 'react-i18next';
import type { AmendmentStatus, MotionStatus } from '../app/api-types.ts';
import { Badge } from '../ui/index.ts';

const MOTION_TONE = {
  submitted: 'neutral',
  admitted: 'accent',
  debated: 'accent',
  voted: 'success',
  adopted: 'success',
  rejected: 'warning',
  withdrawn: 'neutral',
  referred: 'neutral',
} as const satisfies Record<MotionStatus, string>;

const AMENDMENT_TONE = {
  submitted: 'accent',
  adopted: 'success',
  rejected: 'warning',
  withdrawn: 'neutral',
} as const satisfies Record<AmendmentStatus, string>;

export function MotionStatusBadge({ status }: { status: MotionStatus }) {
  const { t } = useTranslation();
  return <Badge tone={MOTION_TONE[status]}>{t(`decisions.motions.status.${status}`)}</Badge>;
}

export function AmendmentStatusBadge({ status }: { status: AmendmentStatus }) {
  const { t } = useTranslation();
  return <Badge tone={AMENDMENT_TONE[status]}>{t(`decisions.motions.amendmentStatus.${status}`)}</Badge>;
}
