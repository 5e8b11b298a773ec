// A council's proposed demands, for its secretary or chair: each batch (the demands one vote decides)
// with its vote, or the button that opens it; and the form to propose more.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { SubjectVote } from '../decisions/index.ts';
import { Loading } from '../ui/index.ts';
import { type PendingBatch, pendingBatches } from './demand-list.ts';
import { demandsErrorText } from './demands-text.ts';
import type { DemandList } from './demands-types.ts';
import { ProposeDemandsForm } from './ProposeDemandsForm.tsx';

function Batch({ batch, onChanged }: { batch: PendingBatch; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  return (
    <li>
      <article className="demand-batch" aria-labelledby={`${base}-title`}>
        <h3 className="item-title" id={`${base}-title`}>
          {t('demands.proposals.batch', {
            n: batch.demands.length,
            date: format.dateTime(batch.proposedAt),
          })}
        </h3>
        <ol>
          {batch.demands.map((demand) => (
            <li key={demand.id}>
              {demand.text} <span className="muted">— {demand.addressee}</span>
            </li>
          ))}
        </ol>
        <SubjectVote
          path={`/demand-batches/${encodeURIComponent(batch.batchId)}/poll`}
          pollId={batch.pollId}
          mayOpen
          explain={demandsErrorText}
          onOpened={onChanged}
        />
      </article>
    </li>
  );
}

export function ProposedBatches({ councilId, today }: { councilId: string; today: string }) {
  const { t } = useTranslation();
  const base = useId();
  const proposed = useApi<DemandList>(`/councils/${encodeURIComponent(councilId)}/demands?status=proposed`);
  const batches = proposed.data ? pendingBatches(proposed.data.demands) : [];
  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('demands.proposals.heading')}
      </h2>
      {proposed.isLoading && !proposed.data && <Loading label={t('common.loading')} />}
      {proposed.error !== null && (
        <LoadError error={proposed.error} onRetry={proposed.reload} explain={demandsErrorText} />
      )}
      {proposed.data &&
        (batches.length === 0 ? (
          <p>{t('demands.proposals.none')}</p>
        ) : (
          <ul className="plain-list">
            {batches.map((batch) => (
              <Batch key={batch.batchId} batch={batch} onChanged={proposed.reload} />
            ))}
          </ul>
        ))}
      <details className="disclosure">
        <summary>{t('demands.form.heading')}</summary>
        <ProposeDemandsForm councilId={councilId} today={today} onProposed={proposed.reload} />
      </details>
    </section>
  );
}
