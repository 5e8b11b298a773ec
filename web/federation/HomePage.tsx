import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSession } from '../app/session.tsx';
import { Loading, PageHeader } from '../ui/index.ts';
import { CouncilSearch } from './CouncilSearch.tsx';
import { FederationTree } from './FederationTree.tsx';

// Needed once per installation, by its administrator: a chunk of its own.
const FirstCouncil = lazy(() => import('./FirstCouncil.tsx'));

export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')} />
      <div className="two-columns">
        <section className="panel" aria-labelledby="tree-title">
          <h2 className="panel-title" id="tree-title">
            {t('home.treeTitle')}
          </h2>
          <FederationTree
            whenEmpty={
              session.person?.isAdmin ? (
                <Suspense fallback={<Loading label={t('common.loading')} />}>
                  <FirstCouncil />
                </Suspense>
              ) : undefined
            }
          />
        </section>
        <div>
          <CouncilSearch />
          <section className="panel" aria-labelledby="join-title">
            <h2 className="panel-title" id="join-title">
              {t('home.joinTitle')}
            </h2>
            <p>{t('home.joinBody')}</p>
            <Link href="/join" className="button button--primary">
              {t('home.joinAction')}
            </Link>
          </section>
        </div>
      </div>
    </>
  );
}
