// A depot or distribution point: what is on its shelf (a table, and the level of one item over time),
// and for the council's officers the forms to receive, issue, write off a loss, count, send a transfer
// and — for those who run distribution — open a round. Every act refetches the shelf.
import './supply.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Council } from '../app/api-types.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { CopyField, Loading, PageHeader } from '../ui/index.ts';
import { CountForm } from './CountForm.tsx';
import { OpenRoundForm } from './OpenRoundForm.tsx';
import { useQuantity } from './quantity.ts';
import { StockChart } from './StockChart.tsx';
import { StockEventForm, type StockFormMode } from './StockEventForm.tsx';
import { LoadError, TableScroll } from './SupplyParts.tsx';
import type { Depot, DepotStock, Item } from './supply-types.ts';
import { TransferForm } from './TransferForm.tsx';
import { useSupplyOffices } from './viewer-offices.ts';

function StockTable({ stock }: { stock: DepotStock }) {
  const { t } = useTranslation();
  const { quantity } = useQuantity();
  const captionId = useId();
  if (stock.balances.length === 0) return <p>{t('supply.depot.empty')}</p>;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table">
        <caption id={captionId}>{t('supply.depot.tableCaption', { depot: stock.depot.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supply.form.item')}</th>
            <th scope="col" className="numeric">
              {t('supply.depot.balance')}
            </th>
            <th scope="col" className="numeric">
              {t('supply.depot.events')}
            </th>
          </tr>
        </thead>
        <tbody>
          {stock.balances.map((balance) => (
            <tr key={balance.item.id}>
              <th scope="row">
                <Link href={`/depots/${stock.depot.id}/items/${balance.item.id}`}>{balance.item.name}</Link>
              </th>
              <td className="numeric">{quantity(balance.quantityMilli, balance.item.baseUnit)}</td>
              <td className="numeric">{balance.eventCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Acts({
  stock,
  council,
  items,
  onChanged,
}: {
  stock: DepotStock;
  council: Council | null;
  items: Item[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const base = useId();
  const { leads, distributes } = useSupplyOffices(council);
  const depots = useApi<{ depots: Depot[] }>(`/councils/${encodeURIComponent(stock.depot.councilId)}/depots`);
  const onShelf = new Set(
    stock.balances.filter((balance) => balance.quantityMilli !== '0').map((balance) => balance.item.id),
  );
  const shelfItems = items.filter((item) => onShelf.has(item.id));
  const depotId = stock.depot.id;
  const modes: StockFormMode[] = ['receipt', 'issue', 'loss'];
  return (
    <section className="panel no-print" aria-labelledby={`${base}-acts`}>
      <h2 className="panel-title" id={`${base}-acts`}>
        {t('supply.depot.acts')}
      </h2>
      {modes.map((mode) => (
        <details className="disclosure" key={mode}>
          <summary>{t(`supply.stockForm.heading.${mode}`)}</summary>
          <StockEventForm
            depotId={depotId}
            mode={mode}
            items={mode === 'receipt' ? items : shelfItems}
            onRecorded={onChanged}
          />
        </details>
      ))}
      <details className="disclosure">
        <summary>{t('supply.countForm.heading')}</summary>
        <CountForm depotId={depotId} items={items} onRecorded={onChanged} />
      </details>
      <details className="disclosure">
        <summary>{t('supply.transferForm.heading')}</summary>
        <TransferForm
          depot={stock.depot}
          depots={depots.data?.depots ?? []}
          items={shelfItems}
          onSent={(transfer) => navigate(`/transfers/${transfer.id}`)}
        />
      </details>
      {(leads || distributes) && (
        <details className="disclosure">
          <summary>{t('supply.roundForm.heading')}</summary>
          <OpenRoundForm
            depotId={depotId}
            items={shelfItems}
            onOpened={(id) => navigate(`/distribution-rounds/${id}`)}
          />
        </details>
      )}
      <details className="disclosure">
        <summary>{t('supply.depot.codeHeading')}</summary>
        <CopyField label={t('supply.depot.code')} value={depotId} />
      </details>
    </section>
  );
}

function DepotView({ depotId }: { depotId: string }) {
  const { t } = useTranslation();
  const base = useId();
  const stock = useApi<DepotStock>(`/depots/${encodeURIComponent(depotId)}/stock`);
  const councilId = stock.data?.depot.councilId;
  const council = useApi<Council>(councilId ? `/councils/${encodeURIComponent(councilId)}` : null);
  const items = useApi<{ items: Item[] }>(stock.data?.viewer.canRecord ? '/items' : null);

  if (stock.isLoading && !stock.data) return <Loading label={t('supply.depot.loading')} />;
  if (!stock.data) {
    return (
      <>
        <PageHeader
          title={t('supply.depot.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={stock.error} onRetry={stock.reload} />
      </>
    );
  }
  const { depot } = stock.data;
  const crumbs = [
    { href: '/', label: t('header.federation') },
    { href: `/councils/${depot.councilId}`, label: council.data?.name ?? t('supply.council') },
  ];
  return (
    <div className="supply">
      <PageHeader
        title={depot.name}
        crumbs={crumbs}
        lead={[t(`supply.depotKind.${depot.kind}`), depot.place].filter(Boolean).join(' · ')}
      />
      <section className="panel" aria-labelledby={`${base}-stock`}>
        <h2 className="panel-title" id={`${base}-stock`}>
          {t('supply.depot.stock')}
        </h2>
        {stock.error !== null && <LoadError error={stock.error} onRetry={stock.reload} />}
        <StockTable stock={stock.data} />
        <StockChart
          key={stock.data.balances.map((balance) => balance.quantityMilli).join()}
          depotId={depot.id}
          items={stock.data.balances.map((balance) => balance.item)}
        />
      </section>
      {stock.data.viewer.canRecord && (
        <Acts
          stock={stock.data}
          council={council.data}
          items={items.data?.items ?? []}
          onChanged={stock.reload}
        />
      )}
    </div>
  );
}

export default function DepotPage({ depotId }: { depotId: string }) {
  return (
    <RequireSignIn>
      <DepotView depotId={depotId} />
    </RequireSignIn>
  );
}
