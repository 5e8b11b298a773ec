// Pieces every rosters page shows: a shift's places with its gap (a badge in words, never colour alone),
// its local times, the depot and distribution round it is tied to, and the Sign-up / Cancel button with
// the server's refusal in words beside it.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../app/api-client.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, Notice } from '../ui/index.ts';
import { dayHeading, placesState, shiftTimes } from './roster-days.ts';
import { useRostersAct } from './rosters-text.ts';
import type { DepotRef, RoundRef, Shift } from './rosters-types.ts';

/** Where a one-button act's refusal is announced (the live region is there before the text). */
export function ActFailure({ text }: { text: string | null | undefined }) {
  return (
    <div role="alert">
      {text && (
        <Notice tone="error">
          <p>{text}</p>
        </Notice>
      )}
    </div>
  );
}

export function PlacesBadge({ shift }: { shift: Pick<Shift, 'cancelledAt' | 'gap'> }) {
  const { t } = useTranslation();
  const state = placesState(shift);
  if (state === 'cancelled') return <Badge tone="danger">{t('rosters.places.cancelled')}</Badge>;
  if (state === 'full') return <Badge tone="success">{t('rosters.places.full')}</Badge>;
  return <Badge tone="warning">{t('rosters.places.gap', { count: shift.gap })}</Badge>;
}

/** "2 of 3 places taken" and the gap badge. */
export function PlacesLine({ shift }: { shift: Pick<Shift, 'cancelledAt' | 'gap' | 'needed' | 'signedUp'> }) {
  const { t } = useTranslation();
  return (
    <span className="roster-places">
      {t('rosters.places.taken', { signedUp: shift.signedUp, needed: shift.needed })}{' '}
      <PlacesBadge shift={shift} />
    </span>
  );
}

/** "08:00–12:00", or "22:00–06:00 (until Tuesday, 1 December)" for a shift past midnight. */
export function ShiftTime({ shift, zone }: { shift: Pick<Shift, 'startsAt' | 'endsAt'>; zone: string }) {
  const { t, i18n } = useTranslation();
  const times = shiftTimes(shift, zone);
  const range = t('rosters.shift.timeRange', { start: times.start, end: times.end });
  if (!times.endDate) return <>{range}</>;
  return (
    <>
      {range} {t('rosters.shift.until', { day: dayHeading(times.endDate, [i18n.language, 'es']) })}
    </>
  );
}

/**
 * Links to the depot and the distribution round a shift is tied to, named from the council's lists in
 * supply (members and officers read them); a generic name while they load or if they cannot be read.
 */
export function ShiftTies({
  shift,
}: {
  shift: Pick<Shift, 'councilId' | 'depotId' | 'distributionRoundId'>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const path = `/councils/${encodeURIComponent(shift.councilId)}`;
  const depots = useApi<{ depots: DepotRef[] }>(shift.depotId ? `${path}/depots` : null);
  const rounds = useApi<{ rounds: RoundRef[] }>(
    shift.distributionRoundId ? `${path}/distribution-rounds` : null,
  );
  const depot = depots.data?.depots.find((d) => d.id === shift.depotId);
  const round = rounds.data?.rounds.find((r) => r.id === shift.distributionRoundId);
  return (
    <ul className="plain-list">
      {shift.depotId && (
        <li>
          <Link href={`/depots/${encodeURIComponent(shift.depotId)}`}>
            {depot ? t('rosters.detail.depotNamed', { name: depot.name }) : t('rosters.detail.depot')}
          </Link>
        </li>
      )}
      {shift.distributionRoundId && (
        <li>
          <Link href={`/distribution-rounds/${encodeURIComponent(shift.distributionRoundId)}`}>
            {round
              ? t('rosters.detail.roundNamed', { title: round.title, date: format.date(round.openedAt) })
              : t('rosters.detail.round')}
          </Link>
          {round?.status === 'closed' && <span className="muted"> {t('rosters.detail.roundClosed')}</span>}
        </li>
      )}
    </ul>
  );
}

/**
 * Sign up for a shift, or cancel my sign-up: one button, and the server's refusal (full, overlapping,
 * beyond the horizon, weekly hours, cancellation window, training) in words under it.
 */
export function SignUpAction({
  shift,
  canSignUp,
  canCancel,
  onChanged,
}: {
  shift: Pick<Shift, 'id' | 'mine' | 'role'>;
  canSignUp: boolean;
  canCancel: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { busy, failure, act } = useRostersAct();
  const path = `/shifts/${encodeURIComponent(shift.id)}/sign-ups`;
  async function signUp() {
    await act('sign-up', () => api.post(path));
    onChanged();
  }
  async function cancel() {
    await act('cancel', () => api.delete(`${path}/mine`));
    onChanged();
  }
  if (!canSignUp && !canCancel && !failure) return null;
  return (
    <>
      <div className="actions">
        {canCancel && (
          <Button variant="secondary" isBusy={busy === 'cancel'} onClick={() => void cancel()}>
            {t('rosters.signUp.cancel')}
          </Button>
        )}
        {canSignUp && !canCancel && (
          <Button isBusy={busy === 'sign-up'} onClick={() => void signUp()}>
            {t('rosters.signUp.action')}
          </Button>
        )}
      </div>
      <ActFailure
        text={
          failure &&
          `${t(failure.name === 'cancel' ? 'rosters.signUp.cancelRefused' : 'rosters.signUp.refused')} ${failure.text}`
        }
      />
    </>
  );
}
