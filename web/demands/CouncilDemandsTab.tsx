// The "Demands" tab of a council page: the council's numbered list of demands with each one's status,
// addressee, day raised and endorsements, and the list's progress — public, for the addressee, the press
// and other councils to read, print or download as CSV; for its secretary or chair, the proposals, their
// votes and the form to propose more.
import './demands.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { useCouncilOffices } from '../supply/index.ts';
import { Loading } from '../ui/index.ts';
import { DemandsTable, ProgressSummary } from './DemandParts.tsx';
import { readerToday } from './demand-list.ts';
import { demandsErrorText } from './demands-text.ts';
import type { DemandList } from './demands-types.ts';
import { ProposedBatches } from './ProposedBatches.tsx';

export default function CouncilDemandsTab({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const { leads } = useCouncilOffices(council);
  const path = `/councils/${encodeURIComponent(council.id)}`;
  const list = useApi<DemandList>(`${path}/demands`);
  return (
    <div className="demands-tab">
      <section className="panel" aria-labelledby={`${base}-list`}>
        <h2 className="panel-title" id={`${base}-list`}>
          {t('demands.list.heading')}
        </h2>
        {list.isLoading && !list.data && <Loading label={t('common.loading')} />}
        {list.error !== null && (
          <LoadError error={list.error} onRetry={list.reload} explain={demandsErrorText} />
        )}
        {list.data &&
          (list.data.demands.length === 0 ? (
            <p>{t('demands.list.none')}</p>
          ) : (
            <>
              <ProgressSummary progress={list.data.progress} />
              <DemandsTable
                demands={list.data.demands}
                caption={t('demands.list.caption', { council: list.data.councilName })}
              />
            </>
          ))}
        <p className="meta-line no-print">
          <a href={`${API_BASE}${path}/demands.csv`} download>
            {t('demands.list.csv')}
          </a>
        </p>
      </section>
      {leads && <ProposedBatches councilId={council.id} today={readerToday()} />}
    </div>
  );
}
