// The cap list of a council to print for a shop window or a market stall: the maximum prices in force
// today (the council's own and those of the bodies above it), large, with where each comes from. Anyone
// may open it; nothing on it is personal.
import './prices.css';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, PageHeader } from '../ui/index.ts';
import { pricesErrorText } from './prices-text.ts';
import type { CapList } from './prices-types.ts';

export default function CapListPrintPage({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useApi<CapList>(`/councils/${encodeURIComponent(councilId)}/price-caps`);
  if (list.isLoading && !list.data) return <Loading label={t('common.loading')} />;
  if (list.error !== null || !list.data)
    return <LoadError error={list.error} onRetry={list.reload} explain={pricesErrorText} />;
  const { caps, councilName, on } = list.data;
  return (
    <div className="cap-sheet">
      <PageHeader
        title={t('prices.print.title', { council: councilName })}
        lead={t('prices.print.lead', { date: format.day(on) })}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${councilId}`, label: councilName },
        ]}
      />
      <div className="actions no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('prices.print.print')}
        </Button>
      </div>
      {caps.length === 0 ? (
        <p>{t('prices.caps.none')}</p>
      ) : (
        <table className="data-table cap-sheet-table">
          <caption className="visually-hidden">{t('prices.print.title', { council: councilName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prices.caps.item')}</th>
              <th scope="col">{t('prices.print.maximum')}</th>
              <th scope="col">{t('prices.caps.setBy')}</th>
            </tr>
          </thead>
          <tbody>
            {caps.map((cap) => (
              <tr key={cap.capId}>
                <th scope="row">{cap.itemName}</th>
                <td className="cap-sheet-price">
                  {t('prices.caps.perUnit', {
                    cap: format.decimal(cap.cap),
                    currency: cap.currency,
                    unit: cap.baseUnit,
                  })}
                </td>
                <td>
                  {cap.councilName}
                  <span className="cap-sheet-validity">
                    {cap.validTo
                      ? t('prices.caps.fromTo', {
                          from: format.day(cap.validFrom),
                          to: format.day(cap.validTo),
                        })
                      : t('prices.caps.from', { from: format.day(cap.validFrom) })}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="cap-sheet-footer">{t('prices.print.footer')}</p>
    </div>
  );
}
