import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeader } from '../ui/index.ts';
import { CouncilSearch } from './CouncilSearch.tsx';
import { FederationTree } from './FederationTree.tsx';

export default function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')} />
      <div className="two-columns">
        <section className="panel" aria-labelledby="tree-title">
          <h2 className="panel-title" id="tree-title">
            {t('home.treeTitle')}
          </h2>
          <FederationTree />
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
