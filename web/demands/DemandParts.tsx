// Pieces of the demands pages: a status badge (in words, colour only as a help), the list's progress
// (a count per status and a bar of their shares) and the numbered list as a table.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../app/format.ts';
import { TableScroll } from '../supply/index.ts';
import { Badge, Stats } from '../ui/index.ts';
import { LISTED_STATUSES, progressShares, STATUS_TONE } from './demand-list.ts';
import type { DemandProgress, DemandStatus, ListedDemand } from './demands-types.ts';

export function StatusBadge({ status }: { status: DemandStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`demands.status.${status}`)}</Badge>;
}

/** Counts per status as figures; the bar under them repeats the same numbers for the eye. */
export function ProgressSummary({ progress }: { progress: DemandProgress }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shares = progressShares(progress);
  return (
    <div className="demand-progress">
      <Stats
        items={[
          { key: 'total', label: t('demands.progress.total'), value: format.number(progress.total) },
          ...LISTED_STATUSES.map((status) => ({
            key: status,
            label: t(`demands.status.${status}`),
            value: format.number(progress[status]),
          })),
        ]}
      />
      {shares.length > 0 && (
        <div className="demand-progress-bar" aria-hidden="true">
          {shares.map((share) => (
            <span
              key={share.status}
              className={`demand-progress-part demand-progress-part--${share.status}`}
              style={{ width: `${share.percent}%` }}
              title={`${t(`demands.status.${share.status}`)}: ${share.count}`}
            />
          ))}
        </div>
      )}
    </div>
  );
}

export function DemandsTable({ demands, caption }: { demands: readonly ListedDemand[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  return (
    <TableScroll labelledBy={`${base}-caption`}>
      <table className="data-table demands-table">
        <caption id={`${base}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('demands.list.number')}</th>
            <th scope="col">{t('demands.list.demand')}</th>
            <th scope="col">{t('demands.list.addressee')}</th>
            <th scope="col">{t('demands.list.raisedOn')}</th>
            <th scope="col">{t('demands.list.status')}</th>
            <th scope="col">{t('demands.list.endorsements')}</th>
          </tr>
        </thead>
        <tbody>
          {demands.map((demand) => (
            <tr key={demand.id}>
              <th scope="row">{demand.number}</th>
              <td className="demand-text">
                <Link href={`/demands/${demand.id}`}>{demand.text}</Link>
              </td>
              <td>{demand.addressee}</td>
              <td>{demand.raisedOn ? format.day(demand.raisedOn) : ''}</td>
              <td>
                <StatusBadge status={demand.status} />
              </td>
              <td>{format.number(demand.endorsements)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
