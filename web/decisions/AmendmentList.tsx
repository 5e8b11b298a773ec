// A motion's amendments, numbered in the order proposed: each with its status, the lines it changes
// as a diff, the link to its vote, and — while it waits — the withdraw button for its proposer or an
// officer.
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Amendment, Motion } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Button, Notice } from '../ui/index.ts';
import { AmendmentDiff } from './AmendmentDiff.tsx';
import { AmendmentStatusBadge } from './MotionBadges.tsx';
import { motionErrorText } from './motion-text.ts';

function lineRange(a: Amendment, t: TFunction) {
  if (a.lineTo < a.lineFrom) return t('decisions.motions.amendments.insertsBefore', { line: a.lineFrom });
  if (a.lineTo === a.lineFrom) return t('decisions.motions.amendments.line', { line: a.lineFrom });
  return t('decisions.motions.amendments.lines', { from: a.lineFrom, to: a.lineTo });
}

function AmendmentItem({
  amendment,
  number,
  mayWithdraw,
  onChanged,
}: {
  amendment: Amendment;
  number: number;
  mayWithdraw: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const title = t('decisions.motions.amendments.number', { number });

  async function withdraw() {
    setBusy(true);
    setFailure('');
    try {
      await api.post(`/amendments/${encodeURIComponent(amendment.id)}/withdraw`, {});
      onChanged();
    } catch (error) {
      setFailure(motionErrorText(error, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="amendment">
      <h3 className="item-title">{title}</h3>
      <p className="meta-line">
        <AmendmentStatusBadge status={amendment.status} />
        <span>{lineRange(amendment, t)}</span>
        <span>{t('decisions.motions.amendments.onVersion', { version: amendment.baseVersion })}</span>
        <span>{format.dateTime(amendment.proposedAt)}</span>
      </p>
      <AmendmentDiff hunks={amendment.diff} caption={title} />
      {amendment.pollId && (
        <p>
          <Link href={`/polls/${amendment.pollId}`}>{t('decisions.motions.amendments.vote')}</Link>
        </p>
      )}
      {mayWithdraw && amendment.status === 'submitted' && (
        <p>
          <Button variant="secondary" isBusy={busy} onClick={() => void withdraw()}>
            {t('decisions.motions.amendments.withdraw')}
          </Button>
        </p>
      )}
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure}</p>
          </Notice>
        )}
      </div>
    </li>
  );
}

export function AmendmentList({ motion, onChanged }: { motion: Motion; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const base = useId();
  return (
    <section className="panel" aria-labelledby={`${base}-amendments`}>
      <h2 className="panel-title" id={`${base}-amendments`}>
        {t('decisions.motions.amendments.title', { count: motion.amendments.length })}
      </h2>
      {motion.amendments.length === 0 ? (
        <p>{t('decisions.motions.amendments.none')}</p>
      ) : (
        <ol className="plain-list">
          {motion.amendments.map((a, index) => (
            <AmendmentItem
              key={a.id}
              amendment={a}
              number={index + 1}
              mayWithdraw={motion.viewer.mayManage || a.proposedBy === session.person?.id}
              onChanged={onChanged}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
