// One council's roll as a table: each seat's holder, sending council, weight and since when, with a
// link to the mandate. `caption` names the table for screen readers and as its visible title.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Roll } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { votesOf } from './mandates.ts';

export interface RollTableProps {
  seats: Roll['seats'];
  caption: string;
  /** Leave out the sending council column (a council's own delegates). */
  hideSender?: boolean;
}

export function RollTable({ seats, caption, hideSender = false }: RollTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  const total = seats.reduce((sum, seat) => sum + seat.weightMillis, 0);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table seat-table roll-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roll.holder')}</th>
            {!hideSender && <th scope="col">{t('roll.sender')}</th>}
            <th scope="col" className="numeric">
              {t('roll.weight')}
            </th>
            <th scope="col">{t('roll.since')}</th>
          </tr>
        </thead>
        <tbody>
          {seats.map((seat) => (
            <tr key={seat.mandateId}>
              <th scope="row">
                <Link href={`/mandates/${seat.mandateId}`}>{seat.holder.fullName}</Link>
              </th>
              {!hideSender && (
                <td>
                  <Link href={`/councils/${seat.sendingCouncil.id}`}>{seat.sendingCouncil.name}</Link>
                </td>
              )}
              <td className="numeric">{format.number(votesOf(seat.weightMillis))}</td>
              <td>
                <time dateTime={seat.termStartsAt}>{format.dateTime(seat.termStartsAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
        {!hideSender && (
          <tfoot>
            <tr>
              <th scope="row">
                {t('roll.total', { count: seats.length, formatted: format.number(seats.length) })}
              </th>
              <td />
              <td className="numeric">
                <strong>{format.number(votesOf(total))}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}
