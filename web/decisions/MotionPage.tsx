// A motion: its status in words, its current text with line numbers and every earlier version, its
// supporters (and the support button), where it came from and went (MotionLineage.tsx), its amendments
// with their diffs and the form to propose one, the votes held on it; for the council's officers,
// admitting, referring, forwarding an adopted motion up, and opening a vote on it or an amendment.
import './decisions.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { splitLines } from '../../core/decisions/motions/line-diff.ts';
import { ApiError, api } from '../app/api-client.ts';
import type { Council, Motion, Poll } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice, PageHeader } from '../ui/index.ts';
import { AmendmentForm } from './AmendmentForm.tsx';
import { AmendmentList } from './AmendmentList.tsx';
import { MotionStatusBadge } from './MotionBadges.tsx';
import { MotionInstructions, MotionLineage } from './MotionLineage.tsx';
import { MotionVoteForm } from './MotionVoteForm.tsx';
import { isMotionOpen } from './motion-forms.ts';
import { motionErrorText } from './motion-text.ts';
import { PollStatusBadge } from './StatusBadges.tsx';

/** Runs one act on the motion at a time; its failure shows where the reader acted. */
function useMotionAct(onDone: (motion: Motion) => void) {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState('');
  async function act(name: string, path: string) {
    setBusy(name);
    setFailure('');
    try {
      onDone(await api.post<Motion>(path, {}));
    } catch (error) {
      setFailure(motionErrorText(error, i18n));
    } finally {
      setBusy(null);
    }
  }
  return { busy, failure, act };
}

function Failure({ text }: { text: string }) {
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

function MotionText({ motion }: { motion: Motion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const earlier = motion.versions.filter((v) => v.version !== motion.currentVersion).reverse();
  return (
    <section className="panel" aria-labelledby={`${base}-text`}>
      <h2 className="panel-title" id={`${base}-text`}>
        {t('decisions.motions.text', { version: motion.currentVersion })}
      </h2>
      <ol className="motion-lines" aria-label={t('decisions.motions.linesLabel')}>
        {splitLines(motion.text).map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line is its number
          <li key={index}>{line || '\u00a0'}</li>
        ))}
      </ol>
      {earlier.length > 0 && (
        <>
          <h3 className="item-title">{t('decisions.motions.versions')}</h3>
          {earlier.map((v) => (
            <details key={v.version}>
              <summary>
                {t('decisions.motions.version', { version: v.version, date: format.dateTime(v.madeAt) })}
              </summary>
              <ol>
                {splitLines(v.text).map((line, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line is its number
                  <li key={index}>{line || '\u00a0'}</li>
                ))}
              </ol>
            </details>
          ))}
        </>
      )}
    </section>
  );
}

function Support({ motion, onChanged }: { motion: Motion; onChanged: (m: Motion) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const base = useId();
  const { busy, failure, act } = useMotionAct(onChanged);
  const path = `/motions/${encodeURIComponent(motion.id)}`;
  const isOpen = isMotionOpen(motion.status);
  return (
    <section className="panel" aria-labelledby={`${base}-support`}>
      <h2 className="panel-title" id={`${base}-support`}>
        {t('decisions.motions.supportTitle')}
      </h2>
      <p>{t('decisions.motions.supporters', { count: motion.supportersCount })}</p>
      {motion.viewer.isSupporter && (
        <p>
          <span aria-hidden="true">✓ </span>
          {t('decisions.motions.youSupport')}
        </p>
      )}
      <div className="actions">
        {session.person && isOpen && !motion.viewer.isSupporter && (
          <Button isBusy={busy === 'support'} onClick={() => void act('support', `${path}/support`)}>
            {t('decisions.motions.support')}
          </Button>
        )}
        {isOpen && (motion.viewer.isSubmitter || motion.viewer.mayManage) && (
          <Button
            variant="secondary"
            isBusy={busy === 'withdraw'}
            onClick={() => void act('withdraw', `${path}/withdraw`)}
          >
            {t('decisions.motions.withdraw')}
          </Button>
        )}
      </div>
      <Failure text={failure} />
    </section>
  );
}

function OfficerActions({
  motion,
  council,
  onChanged,
}: {
  motion: Motion;
  council: Council | null;
  onChanged: (m: Motion) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [, navigate] = useLocation();
  const { busy, failure, act } = useMotionAct(onChanged);
  const forward = useMotionAct((m) => navigate(`/motions/${m.id}`));
  const path = `/motions/${encodeURIComponent(motion.id)}`;
  const mayForward =
    motion.status === 'adopted' && !motion.lineage.forwardedAs && (council?.parent ?? null) !== null;
  const mayVote = motion.status === 'admitted' || motion.status === 'debated';
  if (!motion.viewer.mayManage) return null;
  return (
    <>
      <section className="panel" aria-labelledby={`${base}-officers`}>
        <h2 className="panel-title" id={`${base}-officers`}>
          {t('decisions.motions.officers.title')}
        </h2>
        <div className="actions">
          {motion.status === 'submitted' && (
            <Button isBusy={busy === 'admit'} onClick={() => void act('admit', `${path}/admit`)}>
              {t('decisions.motions.officers.admit')}
            </Button>
          )}
          {isMotionOpen(motion.status) && (
            <Button
              variant="secondary"
              isBusy={busy === 'refer'}
              onClick={() => void act('refer', `${path}/refer`)}
            >
              {t('decisions.motions.officers.refer')}
            </Button>
          )}
          {mayForward && council?.parent && (
            <Button
              isBusy={forward.busy === 'forward'}
              onClick={() => void forward.act('forward', `${path}/forward`)}
            >
              {t('decisions.motions.officers.forward', { council: council.parent.name })}
            </Button>
          )}
        </div>
        {!mayVote && !mayForward && !isMotionOpen(motion.status) && (
          <p className="muted">{t('decisions.motions.officers.nothing')}</p>
        )}
        <Failure text={failure || forward.failure} />
      </section>
      {mayVote && (
        <section className="panel" aria-labelledby={`${base}-vote`} id="open-vote">
          <h2 className="panel-title" id={`${base}-vote`}>
            {t('decisions.motions.vote.title')}
          </h2>
          <MotionVoteForm
            motion={motion}
            isDelegateBody={council?.kind === 'federation'}
            onOpened={(poll) => navigate(`/polls/${poll.id}`)}
          />
        </section>
      )}
    </>
  );
}

function MotionVotes({ motion }: { motion: Motion }) {
  const { t } = useTranslation();
  const base = useId();
  const polls = useApi<{ polls: Poll[] }>(`/councils/${encodeURIComponent(motion.councilId)}/polls`);
  const mine = (polls.data?.polls ?? []).filter((p) => p.motionId === motion.id);
  if (mine.length === 0) return null;
  const number = (amendmentId: string) => motion.amendments.findIndex((a) => a.id === amendmentId) + 1;
  return (
    <section className="panel" aria-labelledby={`${base}-votes`}>
      <h2 className="panel-title" id={`${base}-votes`}>
        {t('decisions.motions.votes')}
      </h2>
      <ul className="plain-list">
        {mine.map((p) => (
          <li key={p.id}>
            <Link href={`/polls/${p.id}`}>
              {p.amendmentId
                ? t('decisions.motions.voteOnAmendment', { number: number(p.amendmentId) })
                : t('decisions.motions.voteOnMotion')}
            </Link>{' '}
            <PollStatusBadge status={p.status} outcome={p.outcome} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function MotionView({ motionId }: { motionId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const base = useId();
  const motion = useApi<Motion>(`/motions/${encodeURIComponent(motionId)}`);
  const council = useApi<Council>(
    motion.data ? `/councils/${encodeURIComponent(motion.data.councilId)}` : null,
  );
  const [news, setNews] = useState('');

  if (motion.isLoading && !motion.data) return <Loading label={t('decisions.motions.loading')} />;
  if (!motion.data) {
    const isFinal =
      motion.error instanceof ApiError && motion.error.status >= 400 && motion.error.status < 500;
    return (
      <>
        <PageHeader
          title={t('decisions.motions.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <Notice tone="error" live="alert">
          <p>{motionErrorText(motion.error, i18n)}</p>
          {!isFinal && (
            <p>
              <Button variant="secondary" onClick={motion.reload}>
                {t('common.retry')}
              </Button>
            </p>
          )}
        </Notice>
      </>
    );
  }
  const m = motion.data;
  const changed = () => motion.reload();
  const crumbs = [{ href: '/', label: t('header.federation') }];
  if (council.data) crumbs.push({ href: `/councils/${m.councilId}`, label: council.data.name });
  if (m.assemblyId)
    crumbs.push({ href: `/assemblies/${m.assemblyId}`, label: t('decisions.motions.sitting') });

  return (
    <>
      <PageHeader
        title={m.title}
        crumbs={crumbs}
        aside={<MotionStatusBadge status={m.status} />}
        lead={t(`decisions.motions.statusLead.${m.status}`, {
          date: format.dateTime(m.decidedAt ?? m.statusChangedAt),
        })}
      />
      {m.isComposite && <p className="muted">{t('decisions.motions.composite')}</p>}
      <MotionText motion={m} />
      <Support motion={m} onChanged={changed} />
      <MotionLineage motion={m} />
      <MotionInstructions motion={m} onChanged={changed} />
      <AmendmentList motion={m} onChanged={changed} />
      {session.person && isMotionOpen(m.status) && (
        <section className="panel" aria-labelledby={`${base}-amend`}>
          <h2 className="panel-title" id={`${base}-amend`}>
            {t('decisions.motions.amend.title')}
          </h2>
          <div role="status">
            {news && (
              <Notice tone="success">
                <p>{news}</p>
              </Notice>
            )}
          </div>
          <AmendmentForm
            motion={m}
            onProposed={() => {
              setNews(t('decisions.motions.amend.proposed'));
              motion.reload();
            }}
          />
        </section>
      )}
      <OfficerActions motion={m} council={council.data} onChanged={changed} />
      <MotionVotes motion={m} key={`${m.status}-${m.amendments.length}`} />
    </>
  );
}

export default function MotionPage({ motionId }: { motionId: string }) {
  return (
    <RequireSignIn>
      <MotionView motionId={motionId} />
    </RequireSignIn>
  );
}
