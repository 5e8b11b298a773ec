// The quorum of a sitting as text first (present, needed, entitled, in votes; whether it is reached)
// and a bar second, with a mark at the quorum line. The sentence is a polite live region: a screen
// reader hears it when someone checks in or out.
import { useTranslation } from 'react-i18next';
import type { Quorum } from '../app/api-types.ts';
import { ONE_VOTE_MILLIS } from './ballot-form.ts';
import { useVotes } from './decisions-text.ts';

export interface QuorumMeterProps {
  quorum: Quorum;
  /**
   * A base council's members hold one whole vote each: "more than half of 95" is then said as the 48
   * votes it takes, not as the 47,501 thousandths the server compares against.
   */
  isOneVoteEach: boolean;
  large?: boolean;
}

export function QuorumMeter({ quorum, isOneVoteEach, large = false }: QuorumMeterProps) {
  const { t } = useTranslation();
  const votes = useVotes();
  const needed = isOneVoteEach
    ? Math.ceil(quorum.neededMillis / ONE_VOTE_MILLIS) * ONE_VOTE_MILLIS
    : quorum.neededMillis;
  const scale = Math.max(quorum.entitledMillis, 1);
  const presentPercent = Math.min(100, (quorum.presentMillis / scale) * 100);
  const neededPercent = Math.min(100, (needed / scale) * 100);
  const missing = Math.max(0, needed - quorum.presentMillis);
  return (
    <div className={large ? 'quorum quorum--large' : 'quorum'}>
      <p className="quorum-state" role="status">
        <span aria-hidden="true" className="quorum-mark">
          {quorum.isQuorate ? '✓' : '✗'}
        </span>{' '}
        <strong>{quorum.isQuorate ? t('decisions.quorum.reached') : t('decisions.quorum.notReached')}</strong>{' '}
        {quorum.isQuorate
          ? t('decisions.quorum.summary', {
              present: votes(quorum.presentMillis),
              needed: votes(needed),
              entitled: votes(quorum.entitledMillis),
            })
          : t('decisions.quorum.missing', {
              present: votes(quorum.presentMillis),
              needed: votes(needed),
              entitled: votes(quorum.entitledMillis),
              missing: votes(missing),
            })}
      </p>
      <div className="quorum-bar" aria-hidden="true">
        <span
          className={quorum.isQuorate ? 'quorum-fill quorum-fill--met' : 'quorum-fill'}
          style={{ width: `${presentPercent}%` }}
        />
        <span className="quorum-line" style={{ left: `${neededPercent}%` }} />
      </div>
    </div>
  );
}
