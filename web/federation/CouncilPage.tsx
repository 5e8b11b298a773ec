import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CouncilActionsTab } from '../actions/index.ts';
import { ApiError } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { councilKindLabel } from '../app/council-labels.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { CouncilAssembliesTab } from '../decisions/index.ts';
import { CouncilDemandsTab } from '../demands/index.ts';
import { CouncilDelegatesTab } from '../mandates/index.ts';
import { CouncilMembersTab } from '../members/index.ts';
import { CouncilPricesTab } from '../prices/index.ts';
import { CouncilRostersTab } from '../rosters/index.ts';
import { CouncilSupplyTab } from '../supply/index.ts';
import { Badge, Button, Loading, Notice, PageHeader, Stats, type Tab, Tabs } from '../ui/index.ts';
import { CouncilLedger } from './CouncilLedger.tsx';
import { OfficesCard } from './OfficesCard.tsx';

// Only officers and those who build the federation see this tab: a chunk of its own.
const CouncilManageTab = lazy(() => import('./CouncilManageTab.tsx'));
// A federation's seat table, public but read by few: a chunk of its own too.
const CouncilApportionmentTab = lazy(() => import('./CouncilApportionmentTab.tsx'));

type Section =
  | 'overview'
  | 'members'
  | 'apportionment'
  | 'delegates'
  | 'assemblies'
  | 'supply'
  | 'prices'
  | 'rosters'
  | 'demands'
  | 'actions'
  | 'manage'
  | 'ledger';

function Overview({ council, onChanged }: { council: Council; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isFederation = council.kind === 'federation';
  const stats = isFederation
    ? [
        { key: 'councils', label: t('council.councils'), value: format.number(council.councils) },
        { key: 'members', label: t('council.members'), value: format.number(council.members) },
        { key: 'children', label: t('council.childCouncils'), value: format.number(council.children.length) },
      ]
    : [{ key: 'members', label: t('council.members'), value: format.number(council.directMembers) }];

  return (
    <>
      <Stats items={stats} />
      <div className="two-columns">
        <div>
          {council.children.length > 0 && (
            <section className="panel" aria-labelledby="children-title">
              <h2 className="panel-title" id="children-title">
                {t('council.childCouncils')}
              </h2>
              <ul className="plain-list">
                {council.children.map((child) => (
                  <li key={child.id}>
                    <Link href={`/councils/${child.id}`}>{child.name}</Link>{' '}
                    <Badge>{councilKindLabel(t, child.kind, child.level)}</Badge>
                    <span className="choice-detail">
                      {[
                        child.kind === 'federation'
                          ? t('counts.councils', {
                              count: child.councils,
                              formatted: format.number(child.councils),
                            })
                          : null,
                        t('counts.members', {
                          count: child.members,
                          formatted: format.number(child.members),
                        }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {!isFederation && !council.viewer.isMember && !council.dissolvedAt && (
            <section className="panel" aria-labelledby="answer-title">
              <h2 className="panel-title" id="answer-title">
                {t('council.joiningTitle')}
              </h2>
              <p>{t('council.answerDays', { count: council.answerDays })}</p>
            </section>
          )}
        </div>
        <OfficesCard council={council} onChanged={onChanged} />
      </div>
    </>
  );
}

/** Which tabs the viewer gets: members for the council's officers (base councils: federations have
 * no members of their own), a federation's seats for everyone, delegates (its roll, and the delegates
 * a council sends above) for everyone, supply for its members and officers, manage for those who
 * build or move, the ledger for those who may read it. */
function sectionsFor(council: Council): Section[] {
  const { viewer } = council;
  const sections: Section[] = ['overview'];
  if (viewer.canSeeMembers && council.kind !== 'federation') sections.push('members');
  if (council.kind === 'federation') sections.push('apportionment');
  if (council.kind === 'federation' || council.parent) sections.push('delegates');
  // Sittings and polls are the business of those in the council (the server checks who belongs).
  if (viewer.isMember || viewer.isOfficer || viewer.canSeeLedger) sections.push('assemblies');
  // Depots, rounds, rules and transfers: the council's members and officers (the server checks who).
  if (viewer.isMember || viewer.isOfficer) sections.push('supply');
  // The cap list is public (shops print it); reports and violations show inside for those who may.
  sections.push('prices');
  // The roster (shifts, gaps, sign-ups): the council's members and officers, as the server checks.
  if (viewer.isMember || viewer.isOfficer) sections.push('rosters');
  // The list of demands is public: made to be read by the addressee, the press and other councils.
  sections.push('demands');
  // Calls to action are public once called (proposals only to the council's people, as the server checks).
  sections.push('actions');
  if (viewer.canManage || viewer.canMoveOrDissolve) sections.push('manage');
  if (viewer.canSeeLedger) sections.push('ledger');
  return sections;
}

interface SectionsProps {
  council: Council;
  tab: Section;
  onTab: (tab: Section) => void;
  onChanged: () => void;
}

function CouncilSections({ council, tab, onTab, onChanged }: SectionsProps) {
  const { t } = useTranslation();
  const sections = sectionsFor(council);
  const selected = sections.includes(tab) ? tab : 'overview';
  if (sections.length === 1) return <Overview council={council} onChanged={onChanged} />;
  const labels: Record<Section, string> = {
    overview: t('council.overview'),
    members: t('council.members'),
    apportionment: t('apportionment.tab'),
    delegates: t('roll.tab'),
    assemblies: t('decisions.tab.title'),
    supply: t('supply.tab.title'),
    prices: t('prices.tab'),
    rosters: t('rosters.tab'),
    demands: t('demands.tab'),
    actions: t('actions.tab'),
    manage: t('manage.tab'),
    ledger: t('ledger.title'),
  };
  const tabs: Tab[] = sections.map((id) => ({ id, label: labels[id] }));
  return (
    <Tabs
      label={t('council.sections')}
      tabs={tabs}
      selected={selected}
      onSelect={(id) => onTab(sections.find((section) => section === id) ?? 'overview')}
    >
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        {selected === 'overview' && <Overview council={council} onChanged={onChanged} />}
        {selected === 'members' && <CouncilMembersTab council={council} onCouncilChanged={onChanged} />}
        {selected === 'apportionment' && <CouncilApportionmentTab council={council} />}
        {selected === 'delegates' && <CouncilDelegatesTab council={council} />}
        {selected === 'assemblies' && <CouncilAssembliesTab council={council} />}
        {selected === 'supply' && <CouncilSupplyTab council={council} />}
        {selected === 'prices' && <CouncilPricesTab council={council} />}
        {selected === 'rosters' && <CouncilRostersTab council={council} />}
        {selected === 'demands' && <CouncilDemandsTab council={council} />}
        {selected === 'actions' && <CouncilActionsTab council={council} />}
        {selected === 'manage' && <CouncilManageTab council={council} onCouncilChanged={onChanged} />}
        {selected === 'ledger' && <CouncilLedger councilId={council.id} />}
      </Suspense>
    </Tabs>
  );
}

export default function CouncilPage({ councilId }: { councilId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const {
    data: council,
    error,
    isLoading,
    reload,
  } = useApi<Council>(`/councils/${encodeURIComponent(councilId)}`);
  const [tab, setTab] = useState<Section>('overview');

  if (isLoading && !council) return <Loading label={t('council.loading')} />;
  if (error || !council) {
    return (
      <>
        <PageHeader
          title={t('council.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <Notice tone="error" live="alert">
          <p>{errorText(error, i18n)}</p>
          {!(error instanceof ApiError && error.status === 404) && (
            <p>
              <Button variant="secondary" onClick={reload}>
                {t('common.retry')}
              </Button>
            </p>
          )}
        </Notice>
      </>
    );
  }

  const canJoin = council.kind !== 'federation' && !council.dissolvedAt && !council.viewer.isMember;
  const crumbs = [
    { href: '/', label: t('header.federation') },
    ...council.ancestors.map((ancestor) => ({ href: `/councils/${ancestor.id}`, label: ancestor.name })),
  ];

  return (
    <>
      <PageHeader
        title={council.name}
        crumbs={crumbs}
        aside={
          <>
            <Badge tone="accent">{councilKindLabel(t, council.kind, council.level)}</Badge>
            {council.viewer.isMember && <Badge tone="success">{t('council.youAreMember')}</Badge>}
          </>
        }
        lead={[council.territory, council.sector].filter(Boolean).join(' · ')}
      />
      {council.dissolvedAt && (
        <Notice tone="warning" title={t('council.dissolved', { date: format.date(council.dissolvedAt) })} />
      )}
      {(canJoin || council.viewer.canDecideApplications) && (
        <div className="actions">
          {canJoin && (
            <Link href={`/join?council=${council.id}`} className="button button--primary">
              {t('council.join')}
            </Link>
          )}
          {council.viewer.canDecideApplications && (
            <Link href={`/councils/${council.id}/applications`} className="button button--secondary">
              {t('council.applications')}
            </Link>
          )}
        </div>
      )}
      <CouncilSections council={council} tab={tab} onTab={setTab} onChanged={reload} />
    </>
  );
}
