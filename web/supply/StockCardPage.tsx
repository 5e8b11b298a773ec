// The stock card of one item at one depot: its events, newest first, each with the balance right after
// it, a page at a time (older pages by the `before` cursor). Officers may correct an event with a
// reversing entry, once, with a note saying why.
import './supply.css';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, PageHeader, TextField } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { LoadError, TableScroll } from './SupplyParts.tsx';
import { useSupplyAct } from './supply-text.ts';
import type { DepotStock, StockCard, StockEvent } from './supply-types.ts';

const PAGE_SIZE = 25;
const LEGS = new Set(['transfer-out', 'transfer-in', 'transfer-return', 'reversal']);

/** What the server would let be reversed: not a reversal, not a transfer leg, not an empty count. */
export const isReversible = (event: StockEvent) =>
  event.reversedByEventId === null && !LEGS.has(event.kind) && event.deltaMilli !== '0';

function Reversal({ event, onReversed }: { event: StockEvent; onReversed: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, failure, act } = useSupplyAct();
  async function submit(submitted: FormEvent) {
    submitted.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      return;
    }
    const ok = await act('reverse', () =>
      api.post(`/stock-events/${encodeURIComponent(event.id)}/reversal`, { note: note.trim() }),
    );
    if (ok) onReversed();
  }
  if (!isOpen)
    return (
      <Button variant="quiet" onClick={() => setIsOpen(true)}>
        {t('supply.card.reverse')}
      </Button>
    );
  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <TextField
        id={id}
        label={t('supply.card.reverseNote')}
        value={note}
        autoFocus
        maxLength={1000}
        onChange={(change) => setNote(change.target.value)}
        error={missing && !note.trim() ? t('supply.card.reverseNoteRequired') : failure?.text}
      />
      <div className="actions">
        <Button type="submit" variant="danger" isBusy={busy === 'reverse'}>
          {t('supply.card.reverseConfirm')}
        </Button>
        <Button variant="secondary" onClick={() => setIsOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function EventDetail({ event }: { event: StockEvent }) {
  const { t } = useTranslation();
  const parts = [
    event.source ? t(`supply.source.${event.source}`) : null,
    event.reason ? t(`supply.reason.${event.reason}`) : null,
    event.reversesEventId ? t('supply.card.reverses', { id: event.reversesEventId }) : null,
    event.reversedByEventId ? t('supply.card.reversedBy', { id: event.reversedByEventId }) : null,
  ].filter(Boolean);
  return (
    <>
      <strong>{t(`supply.eventKind.${event.kind}`)}</strong>
      {parts.length > 0 && <span className="choice-detail">{parts.join(' · ')}</span>}
      {event.note && <span className="choice-detail">{event.note}</span>}
    </>
  );
}

function Card({ depotId, itemId }: { depotId: string; itemId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity, number } = useQuantity();
  const captionId = useId();
  // Cursors of the pages before this one, newest first; the current cursor is the last.
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors.at(-1);
  const path = `/depots/${encodeURIComponent(depotId)}/items/${encodeURIComponent(itemId)}/card`;
  const card = useApi<StockCard>(`${path}?limit=${PAGE_SIZE}${before ? `&before=${before}` : ''}`);
  const stock = useApi<DepotStock>(`/depots/${encodeURIComponent(depotId)}/stock`);
  const councilId = card.data?.depot.councilId;
  const council = useApi<Council>(councilId ? `/councils/${encodeURIComponent(councilId)}` : null);
  const canRecord = stock.data?.viewer.canRecord ?? false;

  if (card.isLoading && !card.data) return <Loading label={t('supply.card.loading')} />;
  if (!card.data)
    return (
      <>
        <PageHeader
          title={t('supply.card.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={card.error} onRetry={card.reload} />
      </>
    );
  const { item, depot } = card.data;
  const signed = (milli: string) => (milli.startsWith('-') ? number(milli) : `+${number(milli)}`);

  return (
    <div className="supply">
      <PageHeader
        title={t('supply.card.title', { item: item.name })}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${depot.councilId}`, label: council.data?.name ?? t('supply.council') },
          { href: `/depots/${depot.id}`, label: depot.name },
        ]}
        lead={t('supply.card.balanceNow', { balance: quantity(card.data.balanceMilli, item.baseUnit) })}
      />
      {card.error !== null && <LoadError error={card.error} onRetry={card.reload} />}
      {card.data.events.length === 0 ? (
        <p>{t('supply.card.empty')}</p>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="data-table stock-card">
            <caption id={captionId}>{t('supply.card.caption', { unit: item.baseUnit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supply.card.event')}</th>
                <th scope="col" className="numeric">
                  {t('supply.card.change')}
                </th>
                <th scope="col" className="numeric">
                  {t('supply.card.balanceAfter')}
                </th>
              </tr>
            </thead>
            <tbody>
              {card.data.events.map((event) => (
                <tr key={event.id}>
                  <th scope="row">
                    <span className="choice-detail">{format.dateTime(event.occurredAt)}</span>
                    <EventDetail event={event} />
                    <span className="choice-detail">
                      {t('supply.card.recordedBy', { name: event.recordedBy.fullName, id: event.id })}
                    </span>
                    {canRecord && isReversible(event) && <Reversal event={event} onReversed={card.reload} />}
                  </th>
                  <td className="numeric">{signed(event.deltaMilli)}</td>
                  <td className="numeric">{number(event.balanceAfterMilli)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(cursors.length > 0 || card.data.nextBefore) && (
        <nav className="pager" aria-label={t('supply.card.pages')}>
          <Button
            variant="secondary"
            disabled={cursors.length === 0 || card.isLoading}
            onClick={() => setCursors((held) => held.slice(0, -1))}
          >
            {t('supply.card.newer')}
          </Button>
          <Button
            variant="secondary"
            disabled={!card.data.nextBefore || card.isLoading}
            onClick={() => {
              const next = card.data?.nextBefore;
              if (next) setCursors((held) => [...held, next]);
            }}
          >
            {t('supply.card.older')}
          </Button>
        </nav>
      )}
    </div>
  );
}

export default function StockCardPage({ depotId, itemId }: { depotId: string; itemId: string }) {
  return (
    <RequireSignIn>
      <Card depotId={depotId} itemId={itemId} />
    </RequireSignIn>
  );
}
