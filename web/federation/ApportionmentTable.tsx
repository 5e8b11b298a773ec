// The current seat table of a federated council, written so anyone can redo the count: each child
// council's members, its quotient (Hamilton: quota and remainder), its seats and the change against the
// previous table, then notes on what the figures mean, the ties the lot decided and the lot's seed.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ApportionmentPage } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';
import { changeSymbol, exactDecimal, seatChange, seatTotal } from './apportionment.ts';

type Table = NonNullable<ApportionmentPage['current']>;

export interface ApportionmentTableProps {
  table: Table;
  previous: ApportionmentPage['previous'];
}

function Ties({ table }: { table: Table }) {
  const { t, i18n } = useTranslation();
  const names = new Map(table.rows.map((row) => [row.councilId, row.name]));
  const list = (ids: string[]) =>
    new Intl.ListFormat([i18n.language, DEFAULT_LANGUAGE], { type: 'conjunction' }).format(
      ids.map((id) => names.get(id) ?? id),
    );
  return (
    <>
      {table.ties.length > 0 && (
        <ul className="plain-list">
          {table.ties.map((tie) => (
            <li key={tie.councilIds.join()}>
              {t('apportionment.tie', { councils: list(tie.councilIds), chosen: list(tie.chosen) })}
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">
        {t('apportionment.lot')} <code className="seed">{table.seed}</code>
      </p>
    </>
  );
}

export function ApportionmentTable({ table, previous }: ApportionmentTableProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  const locales = [i18n.language, DEFAULT_LANGUAGE];
  const isHamilton = table.method === 'hamilton';
  const hasQuotient = table.rows.some((row) => row.quotient !== null);
  const hasChange = previous !== null;
  const hasMinimum = table.rows.some((row) => row.minimumApplied);
  const decimal = (text: string | null) => (text === null ? '—' : exactDecimal(text, locales));
  const seats = (count: number) => t('apportionment.seats', { count, formatted: format.number(count) });
  const members = table.rows.reduce((sum, row) => sum + row.members, 0);

  return (
    <>
      {/* Scrolls sideways on a phone; focusable so a keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table seat-table">
          <caption id={captionId}>
            {t('apportionment.caption', {
              seq: table.seq,
              method: t(`apportionment.method.${table.method}`),
              seats: seats(table.totalSeats),
              date: format.date(table.effectiveAt),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('apportionment.council')}</th>
              <th scope="col" className="numeric">
                {t('apportionment.members')}
              </th>
              {hasQuotient && (
                <th scope="col" className="numeric">
                  {isHamilton ? t('apportionment.quota') : t('apportionment.quotient')}
                </th>
              )}
              {isHamilton && (
                <th scope="col" className="numeric">
                  {t('apportionment.remainder')}
                </th>
              )}
              <th scope="col" className="numeric">
                {t('apportionment.seatsColumn')}
              </th>
              {hasChange && (
                <th scope="col" className="numeric">
                  {t('apportionment.change')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => {
              const change = seatChange(row.seats, row.previousSeats);
              return (
                <tr key={row.councilId}>
                  <th scope="row">
                    <Link href={`/councils/${row.councilId}`}>{row.name}</Link>
                  </th>
                  <td className="numeric">{format.number(row.members)}</td>
                  {hasQuotient && <td className="numeric">{decimal(row.quotient)}</td>}
                  {isHamilton && <td className="numeric">{decimal(row.remainder)}</td>}
                  <td className="numeric">
                    <strong>{format.number(row.seats)}</strong>
                    {row.minimumApplied && (
                      <span className="seat-minimum"> ({t('apportionment.minimum')})</span>
                    )}
                  </td>
                  {hasChange && (
                    <td className={`numeric seat-change seat-change--${change.kind}`}>
                      {change.kind === 'new'
                        ? t('apportionment.changeNew')
                        : changeSymbol(change, format.number)}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('apportionment.total')}</th>
              <td className="numeric">{format.number(members)}</td>
              {hasQuotient && <td />}
              {isHamilton && <td />}
              <td className="numeric">
                <strong>{format.number(seatTotal(table.rows))}</strong>
              </td>
              {hasChange && <td />}
            </tr>
          </tfoot>
        </table>
      </section>
      <ul className="table-notes small muted">
        {hasQuotient && (
          <li>{isHamilton ? t('apportionment.noteHamilton') : t('apportionment.noteDivisor')}</li>
        )}
        {hasMinimum && <li>{t('apportionment.noteMinimum')}</li>}
        {previous && (
          <li>
            {t('apportionment.noteChange', { seq: previous.seq, date: format.date(previous.effectiveAt) })}
          </li>
        )}
      </ul>
      <Ties table={table} />
    </>
  );
}
