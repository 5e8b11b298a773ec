// The projector view for the hall: large type, dark text on white, nothing to click — the sitting's
// title, its quorum, who has the floor with the time left, the poll now open with its live count of
// ballots, and the last result.
import './decisions.css';
import { useTranslation } from 'react-i18next';
import type { Assembly, Poll, YesNoChoice } from '../app/api-types.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Loading, Notice, useDocumentTitle } from '../ui/index.ts';
import { decisionErrorText, useVotes } from './decisions-text.ts';
import { BallotCount } from './PollParts.tsx';
import { QuorumMeter } from './QuorumMeter.tsx';
import { ProjectorSpeaker } from './SpeakersPanel.tsx';
import { useLiveRefetch } from './use-live.ts';

const CHOICES: YesNoChoice[] = ['yes', 'no', 'abstain'];

function OpenPoll({ pollId }: { pollId: string }) {
  const { t } = useTranslation();
  const poll = useApi<Poll>(`/polls/${encodeURIComponent(pollId)}`);
  useLiveRefetch(`poll:${pollId}`, poll.reload);
  if (!poll.data) return null;
  return (
    <section className="projector-block" aria-label={t('decisions.projector.now')}>
      <p className="projector-label">{t('decisions.projector.now')}</p>
      <p className="projector-poll">{poll.data.title}</p>
      <BallotCount poll={poll.data} large />
    </section>
  );
}

function LastResult({ pollId }: { pollId: string }) {
  const { t } = useTranslation();
  const votes = useVotes();
  const poll = useApi<Poll>(`/polls/${encodeURIComponent(pollId)}`);
  const result = poll.data?.result;
  if (!poll.data || !result) return null;
  const outcome = poll.data.outcome ?? result.outcome;
  return (
    <section className="projector-block" aria-label={t('decisions.projector.last')}>
      <p className="projector-label">{t('decisions.projector.last')}</p>
      <p className="projector-poll">{poll.data.title}</p>
      <p className="projector-outcome">
        <span aria-hidden="true">{outcome === 'adopted' || outcome === 'elected' ? '✓ ' : '✗ '}</span>
        {t(`decisions.outcome.${outcome}`)}
      </p>
      {result.method === 'yes-no' ? (
        <ul className="projector-totals">
          {CHOICES.map((choice) => (
            <li key={choice}>
              <span>{t(`decisions.choice.${choice}`)}</span> <strong>{votes(result.totals[choice])}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <ol className="projector-totals">
          {result.elected.map((option) => (
            <li key={option}>{poll.data?.options[option]?.label}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Projector({ assemblyId }: { assemblyId: string }) {
  const { t, i18n } = useTranslation();
  const assembly = useApi<Assembly>(`/assemblies/${encodeURIComponent(assemblyId)}`);
  useLiveRefetch(`assembly:${assemblyId}`, assembly.reload);
  useDocumentTitle(assembly.data ? t('decisions.projector.docTitle', { title: assembly.data.title }) : '');
  if (assembly.isLoading && !assembly.data) return <Loading label={t('decisions.room.loading')} />;
  if (!assembly.data) {
    return (
      <Notice tone="error" live="alert">
        <p>{decisionErrorText(assembly.error, i18n)}</p>
      </Notice>
    );
  }
  const a = assembly.data;
  const open = a.polls.find((poll) => poll.status === 'open');
  const last = a.polls.filter((poll) => poll.status === 'closed').at(-1);
  return (
    <div className="projector">
      <h1 className="projector-title">{a.title}</h1>
      <p className="projector-council">
        {a.councilName} · {t(`decisions.assemblyStatus.${a.status}`)}
      </p>
      <QuorumMeter quorum={a.quorum} isOneVoteEach={a.councilKind !== 'federation'} large />
      {open ? (
        <OpenPoll pollId={open.id} key={open.id} />
      ) : (
        <p className="projector-idle">{t('decisions.projector.noPoll')}</p>
      )}
      <ProjectorSpeaker assemblyId={a.id} isLive={a.status === 'convened' || a.status === 'in-session'} />
      {last && <LastResult pollId={last.id} key={last.id} />}
    </div>
  );
}

export default function ProjectorPage({ assemblyId }: { assemblyId: string }) {
  return (
    <RequireSignIn>
      <Projector assemblyId={assemblyId} />
    </RequireSignIn>
  );
}
