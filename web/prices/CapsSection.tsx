// The caps in force in a council (its own and those of every body above it, the lowest winning), with
// the printable list and the CSV; for its secretary or chair, the council's own proposals, their votes
// and the form to propose one.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { SubjectVote } from '../decisions/index.ts';
import { type Item, TableScroll } from '../supply/index.ts';
import { Badge, Loading } from '../ui/index.ts';
import { CapForm } from './CapForm.tsx';
import { pricesErrorText } from './prices-text.ts';
import type { CapList, PriceCap } from './prices-types.ts';

export function CapsInForce({ councilId, list }: { councilId: string; list: CapList }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  if (list.caps.length === 0) return <p>{t('prices.caps.none')}</p>;
  return (
    <TableScroll labelledBy={`${base}-caption`}>
      <table className="data-table">
        <caption id={`${base}-caption`}>{t('prices.caps.caption', { date: format.day(list.on) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prices.caps.item')}</th>
            <th scope="col">{t('prices.caps.cap')}</th>
            <th scope="col">{t('prices.caps.validity')}</th>
            <th scope="col">{t('prices.caps.setBy')}</th>
          </tr>
        </thead>
        <tbody>
          {list.caps.map((cap) => (
            <tr key={cap.capId}>
              <th scope="row">
                <Link href={`/prices?item=${cap.itemId}&council=${councilId}`}>{cap.itemName}</Link>
              </th>
              <td>
                {t('prices.caps.perUnit', {
                  cap: format.decimal(cap.cap),
                  currency: cap.currency,
                  unit: cap.baseUnit,
                })}
              </td>
              <td>
                {cap.validTo
                  ? t('prices.caps.fromTo', {
                      from: format.day(cap.validFrom),
                      to: format.day(cap.validTo),
                    })
                  : t('prices.caps.from', { from: format.day(cap.validFrom) })}
              </td>
              <td>{cap.isOwn ? t('prices.caps.thisCouncil') : cap.councilName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Proposal({
  cap,
  item,
  onChanged,
}: {
  cap: PriceCap;
  item: Item | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <h4 className="item-title">
        {t('prices.caps.perUnit', {
          cap: format.decimal(cap.cap),
          currency: cap.currency,
          unit: item?.baseUnit ?? '',
        })}{' '}
        {item?.name} <Badge>{t(`prices.capStatus.${cap.status}`)}</Badge>
      </h4>
      <p className="meta-line">
        <span>{t('prices.caps.from', { from: format.day(cap.validFrom) })}</span>
        {cap.validTo && <span>{t('prices.caps.until', { to: format.day(cap.validTo) })}</span>}
        <span>{t('prices.caps.proposedAt', { date: format.date(cap.proposedAt) })}</span>
      </p>
      {cap.note && <p>{cap.note}</p>}
      <SubjectVote
        path={`/price-caps/${encodeURIComponent(cap.id)}/poll`}
        pollId={cap.pollId}
        mayOpen={cap.status === 'proposed'}
        explain={pricesErrorText}
        onOpened={onChanged}
      />
    </li>
  );
}

export function OwnCaps({
  councilId,
  items,
  today,
  onChanged,
}: {
  councilId: string;
  items: readonly Item[];
  today: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const history = useApi<{ caps: PriceCap[] }>(
    `/councils/${encodeURIComponent(councilId)}/price-cap-history?limit=20`,
  );
  const changed = () => {
    history.reload();
    onChanged();
  };
  return (
    <section aria-labelledby={`${base}-own`}>
      <h3 id={`${base}-own`}>{t('prices.caps.ownHeading')}</h3>
      {history.isLoading && !history.data && <Loading label={t('common.loading')} />}
      {history.error !== null && (
        <LoadError error={history.error} onRetry={history.reload} explain={pricesErrorText} />
      )}
      {history.data &&
        (history.data.caps.length === 0 ? (
          <p>{t('prices.caps.noneOwn')}</p>
        ) : (
          <ul className="plain-list">
            {history.data.caps.map((cap) => (
              <Proposal
                key={cap.id}
                cap={cap}
                item={items.find((item) => item.id === cap.itemId)}
                onChanged={changed}
              />
            ))}
          </ul>
        ))}
      <details className="disclosure">
        <summary>{t('prices.capForm.heading')}</summary>
        <CapForm councilId={councilId} items={items} today={today} onProposed={changed} />
      </details>
    </section>
  );
}
