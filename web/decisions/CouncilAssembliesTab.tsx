// The "Assemblies" tab of a council page: its sittings (those to come first, each with its status),
// the council's polls held outside a sitting, and — for its secretary or chair — the forms to convene
// a sitting and to open a poll. The server checks every act again.
import './decisions.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { AssemblySummary, Council, Poll } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { LoadError as AppLoadError } from '../app/LoadError.tsx';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Loading } from '../ui/index.ts';
import { AssemblyPetitions } from './AssemblyPetitions.tsx';
import { ConveneForm } from './ConveneForm.tsx';
import { orderAssemblies } from './decision-forms.ts';
import { decisionErrorText } from './decisions-text.ts';
import { MotionsSection } from './MotionsSection.tsx';
import { PollForm } from './PollForm.tsx';
import { AssemblyStatusBadge, PollStatusBadge } from './StatusBadges.tsx';

const LoadError = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => (
  <AppLoadError error={error} onRetry={onRetry} explain={decisionErrorText} />
);

function AssemblyItem({ assembly }: { assembly: AssemblySummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <h3 className="item-title">
        <Link href={`/assemblies/${assembly.id}`}>{assembly.title}</Link>
      </h3>
      <p className="meta-line">
        <AssemblyStatusBadge status={assembly.status} />
        {assembly.isExtraordinary && <Badge tone="accent">{t('decisions.assembly.extraordinary')}</Badge>}
        <span>{format.dateTime(assembly.startsAt)}</span>
        {assembly.place && <span>{assembly.place}</span>}
        {assembly.onlineUrl && <span>{t('decisions.assembly.online')}</span>}
      </p>
    </li>
  );
}

function PollItem({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  return (
    <li>
      <h3 className="item-title">
        <Link href={`/polls/${poll.id}`}>{poll.title}</Link>
      </h3>
      <p className="meta-line">
        <PollStatusBadge status={poll.status} outcome={poll.outcome} />
        <span>{t(`decisions.kind.${poll.kind}`)}</span>
        <span>{t('decisions.poll.ballotsCast', { count: poll.ballotsCast })}</span>
        {poll.status === 'open' && poll.viewer.mayVote && (
          <Badge tone="warning">{t('decisions.poll.yourVoteAwaits')}</Badge>
        )}
      </p>
    </li>
  );
}

export default function CouncilAssembliesTab({ council }: { council: Council }) {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const base = useId();
  const path = `/councils/${encodeURIComponent(council.id)}`;
  const assemblies = useApi<{ assemblies: AssemblySummary[] }>(`${path}/assemblies`);
  const polls = useApi<{ polls: Poll[] }>(`${path}/polls`);
  const leads =
    !council.dissolvedAt &&
    council.offices.some(
      (office) =>
        office.person.id === session.person?.id &&
        (office.office === 'secretary' || office.office === 'chair'),
    );
  const outside = (polls.data?.polls ?? []).filter((poll) => poll.assemblyId === null);

  return (
    <div className="decisions">
      <section className="panel" aria-labelledby={`${base}-sittings`}>
        <h2 className="panel-title" id={`${base}-sittings`}>
          {t('decisions.tab.sittings')}
        </h2>
        {assemblies.isLoading && !assemblies.data && <Loading label={t('decisions.tab.loading')} />}
        {assemblies.error !== null && <LoadError error={assemblies.error} onRetry={assemblies.reload} />}
        {assemblies.data &&
          (assemblies.data.assemblies.length === 0 ? (
            <p>{t('decisions.tab.noSittings')}</p>
          ) : (
            <ul className="plain-list">
              {orderAssemblies(assemblies.data.assemblies).map((assembly) => (
                <AssemblyItem key={assembly.id} assembly={assembly} />
              ))}
            </ul>
          ))}
      </section>
      <AssemblyPetitions council={council} />
      {leads && (
        <section className="panel" aria-labelledby={`${base}-convene`}>
          <h2 className="panel-title" id={`${base}-convene`}>
            {t('decisions.convene.heading')}
          </h2>
          <ConveneForm
            councilId={council.id}
            onConvened={(assembly) => navigate(`/assemblies/${assembly.id}`)}
          />
        </section>
      )}
      <MotionsSection council={council} sittings={assemblies.data?.assemblies ?? []} />
      <section className="panel" aria-labelledby={`${base}-polls`}>
        <h2 className="panel-title" id={`${base}-polls`}>
          {t('decisions.tab.polls')}
        </h2>
        <p className="muted">{t('decisions.tab.pollsLead')}</p>
        {polls.isLoading && !polls.data && <Loading label={t('decisions.tab.loadingPolls')} />}
        {polls.error !== null && <LoadError error={polls.error} onRetry={polls.reload} />}
        {polls.data &&
          (outside.length === 0 ? (
            <p>{t('decisions.tab.noPolls')}</p>
          ) : (
            <ul className="plain-list">
              {outside.map((poll) => (
                <PollItem key={poll.id} poll={poll} />
              ))}
            </ul>
          ))}
      </section>
      {leads && (
        <section className="panel" aria-labelledby={`${base}-open-poll`}>
          <h2 className="panel-title" id={`${base}-open-poll`}>
            {t('decisions.pollForm.heading')}
          </h2>
          <PollForm
            councilId={council.id}
            assemblyId={null}
            isDelegateBody={council.kind === 'federation'}
            onOpened={(poll) => navigate(`/polls/${poll.id}`)}
          />
        </section>
      )}
    </div>
  );
}
