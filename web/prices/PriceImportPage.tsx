// The administrator loads a market-price file in the WFP layout: the server answers at once and works
// on; this page shows its progress as a bar (rows done of rows in the file) and, when done, its account
// of every row — imported, already present (a re-import adds nothing twice), changed, rejected with its
// line and reason, flagged as a likely entry or unit error. Below, each commodity of the series can be
// tied to an item of the catalogue, so councils' caps and reports are drawn over its series.
import './prices.css';
import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { type Item, TableScroll } from '../supply/index.ts';
import { Notice, PageHeader, SelectField, Stats } from '../ui/index.ts';
import { pricesErrorText, usePricesAct } from './prices-text.ts';
import type { Commodity, PriceImport } from './prices-types.ts';

const POLL_MS = 500;

function ImportProgress({ job }: { job: PriceImport }) {
  const { t } = useTranslation();
  const base = useId();
  const isRunning = job.status === 'running';
  return (
    <section aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('prices.import.progressHeading', { file: job.fileName })}</h2>
      <label htmlFor={`${base}-bar`}>
        {t('prices.import.rowsDone', { done: job.rowsDone, total: job.rowsTotal })}
      </label>
      <progress
        id={`${base}-bar`}
        className="import-progress"
        value={job.rowsDone}
        max={Math.max(job.rowsTotal, 1)}
      />
      <div role="status">
        {!isRunning && job.status === 'done' && (
          <Notice tone={job.rejected > 0 ? 'warning' : 'success'}>
            <p>{t('prices.import.done')}</p>
          </Notice>
        )}
        {job.status === 'failed' && (
          <Notice tone="error">
            <p>{t('prices.import.failed', { reason: job.failure ?? '' })}</p>
          </Notice>
        )}
      </div>
      {job.status === 'done' && (
        <Stats
          items={[
            { key: 'imported', label: t('prices.import.imported'), value: job.imported },
            { key: 'alreadyPresent', label: t('prices.import.alreadyPresent'), value: job.alreadyPresent },
            { key: 'conflicts', label: t('prices.import.conflicts'), value: job.conflicts },
            { key: 'rejected', label: t('prices.import.rejected'), value: job.rejected },
            { key: 'outliers', label: t('prices.import.outliers'), value: job.outliers },
          ]}
        />
      )}
      {job.rejections.length > 0 && (
        <TableScroll labelledBy={`${base}-rejected`}>
          <table className="data-table">
            <caption id={`${base}-rejected`}>{t('prices.import.rejectionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('csvImport.line')}</th>
                <th scope="col">{t('csvImport.column')}</th>
                <th scope="col">{t('csvImport.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {job.rejections.map((r) => (
                <tr key={`${r.line}-${r.field}`}>
                  <th scope="row">{r.line}</th>
                  <td>
                    <code>{r.field}</code>
                  </td>
                  {/* The server states row reasons in English only. */}
                  <td lang="en">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function ImportForm({ onFinished }: { onFinished: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [job, setJob] = useState<PriceImport | null>(null);
  const { busy, failure, act } = usePricesAct();

  // Asks for the import's progress until it is done or failed (the page shows each answer).
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(() => {
      api
        .get<PriceImport>(`/price-imports/${job.id}`)
        .then((next) => {
          setJob(next);
          if (next.status !== 'running') onFinished();
        })
        .catch(() => setJob({ ...job })); // a lost answer on a slow network: ask again
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, onFinished]);

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setJob(null);
    await act('upload', async () => {
      const text = await file.text();
      setJob(
        await api.postText<PriceImport>(
          `/price-imports?name=${encodeURIComponent(file.name)}`,
          text,
          'text/csv',
        ),
      );
    });
    event.target.value = '';
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('prices.import.heading')}
      </h2>
      <p>{t('prices.import.lead')}</p>
      <div className="field">
        <label className="field-label" htmlFor={`${base}-file`}>
          {t('prices.import.file')}
        </label>
        <input
          id={`${base}-file`}
          type="file"
          accept=".csv,text/csv"
          disabled={busy !== null || job?.status === 'running'}
          onChange={(event) => void chosen(event)}
        />
      </div>
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure.text}</p>
          </Notice>
        )}
      </div>
      {job && <ImportProgress job={job} />}
    </section>
  );
}

function CommodityLink({
  commodity,
  items,
  onSaved,
}: {
  commodity: Commodity;
  items: readonly Item[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { busy, failure, act } = usePricesAct();
  async function link(itemId: string) {
    const ok = await act('link', () =>
      api.put(`/commodities/${encodeURIComponent(commodity.id)}/item`, { itemId: itemId || null }),
    );
    if (ok) onSaved();
  }
  return (
    <tr>
      <th scope="row">{commodity.name}</th>
      <td>{commodity.observations}</td>
      <td>
        <SelectField
          label={t('prices.import.linkTo', { commodity: commodity.name })}
          value={commodity.itemId ?? ''}
          disabled={busy !== null}
          onChange={(event) => void link(event.target.value)}
          error={failure?.text}
        >
          <option value="">{t('prices.import.noItem')}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name} ({item.baseUnit})
            </option>
          ))}
        </SelectField>
      </td>
    </tr>
  );
}

function Imports() {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const session = useSession();
  const commodities = useApi<{ commodities: Commodity[] }>('/commodities');
  const items = useApi<{ items: Item[] }>('/items');
  const imports = useApi<{ imports: PriceImport[] }>('/price-imports');
  const reload = () => {
    commodities.reload();
    imports.reload();
  };
  if (!session.person?.isAdmin)
    return (
      <Notice tone="info">
        <p>{t('prices.import.adminOnly')}</p>
      </Notice>
    );
  return (
    <>
      <ImportForm onFinished={reload} />
      <section className="panel" aria-labelledby={`${base}-links`}>
        <h2 className="panel-title" id={`${base}-links`}>
          {t('prices.import.linksHeading')}
        </h2>
        <p>{t('prices.import.linksLead')}</p>
        {commodities.error !== null && (
          <LoadError error={commodities.error} onRetry={commodities.reload} explain={pricesErrorText} />
        )}
        {commodities.data && items.data && (
          <TableScroll labelledBy={`${base}-links-caption`}>
            <table className="data-table">
              <caption id={`${base}-links-caption`} className="visually-hidden">
                {t('prices.import.linksHeading')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('prices.import.commodity')}</th>
                  <th scope="col">{t('prices.import.observations')}</th>
                  <th scope="col">{t('prices.import.item')}</th>
                </tr>
              </thead>
              <tbody>
                {commodities.data.commodities.map((c) => (
                  <CommodityLink
                    key={c.id}
                    commodity={c}
                    items={items.data?.items ?? []}
                    onSaved={commodities.reload}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {imports.data && imports.data.imports.length > 0 && (
        <section className="panel" aria-labelledby={`${base}-past`}>
          <h2 className="panel-title" id={`${base}-past`}>
            {t('prices.import.pastHeading')}
          </h2>
          <ul className="plain-list">
            {imports.data.imports.map((i) => (
              <li key={i.id}>
                <strong>{i.fileName}</strong> · {format.dateTime(i.startedAt)} ·{' '}
                {t('prices.import.pastLine', {
                  imported: i.imported,
                  present: i.alreadyPresent,
                  rejected: i.rejected,
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export default function PriceImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('prices.import.title')}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: '/prices', label: t('prices.chart.title') },
        ]}
      />
      <RequireSignIn>
        <Imports />
      </RequireSignIn>
    </>
  );
}
