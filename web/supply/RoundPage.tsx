// A distribution round: its totals, the outcome per priority class, and the list — in the order the
// server gives it — with a pick-up button per line for those at the distribution point. A second tick of
// the same line (two volunteers at once) is refused by the server as already collected. The list prints
// cleanly (supply.css hides navigation and buttons and adds a signature column).
import './supply.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice, PageHeader, Stats, TextField } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { ClassOutcomes, RecomputeCheck, useClassName } from './RoundParts.tsx';
import { RoundStatusBadge } from './SupplyBadges.tsx';
import { LoadError } from './SupplyParts.tsx';
import { useSupplyAct } from './supply-text.ts';
import { AGE_BANDS, type Entitlement, type Item, type RoundDetail } from './supply-types.ts';

function PickupCell({
  line,
  name,
  round,
  onPicked,
}: {
  line: Entitlement;
  /** The line's household in words, so each button says whose pick-up it records. */
  name: string;
  round: RoundDetail;
  onPicked: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { busy, failure, act } = useSupplyAct();
  // A concurrent tick by someone else: the server answers 409 already-picked-up; the line says so and
  // the round is refetched for who handed it out and when.
  const isTakenElsewhere = failure?.code === 'already-picked-up';
  if (line.pickedUpAt !== null || isTakenElsewhere)
    return (
      <span className="picked-up">
        <span aria-hidden="true">✓ </span>
        {isTakenElsewhere
          ? t('supply.round.alreadyCollected')
          : t('supply.round.collectedAt', { time: format.dateTime(line.pickedUpAt ?? '') })}
        {line.handedOutByName && <span className="choice-detail">{line.handedOutByName}</span>}
      </span>
    );
  if (!round.mayRecordPickups) return <span>{t('supply.round.notCollected')}</span>;
  return (
    <>
      <Button
        variant="secondary"
        isBusy={busy === 'pickup'}
        disabled={line.allocatedMilli === '0'}
        aria-label={t('supply.round.tickFor', { household: name })}
        onClick={() =>
          void act('pickup', () =>
            api.post(`/distribution-rounds/${encodeURIComponent(round.id)}/pickups`, {
              householdId: line.householdId,
            }),
          ).then(() => onPicked())
        }
      >
        {t('supply.round.tick')}
      </Button>
      <span role="alert">{failure && <span className="field-error">{failure.text}</span>}</span>
    </>
  );
}

function EntitlementList({
  round,
  unit,
  onPicked,
}: {
  round: RoundDetail;
  unit: string;
  onPicked: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const className = useClassName(round);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  const lines = round.entitlements
    .map((line, index) => ({ line, position: index + 1 }))
    .filter(({ line }) =>
      needle ? `${line.headName ?? ''} ${line.address ?? ''}`.toLocaleLowerCase().includes(needle) : true,
    );
  const hasNames = round.entitlements.some((line) => line.headName !== null);
  return (
    <section aria-labelledby="round-list-caption">
      {hasNames && (
        <div className="no-print">
          <TextField
            type="search"
            label={t('supply.round.filter')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      )}
      <div className="table-scroll">
        <table className="data-table round-list">
          <caption id="round-list-caption">{t('supply.round.listCaption', { title: round.title })}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('supply.round.position')}
              </th>
              <th scope="col">{t('supply.round.household')}</th>
              <th scope="col" className="numeric">
                {t('supply.round.allocated')}
              </th>
              <th scope="col" className="print-only">
                {t('supply.round.signature')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map(({ line, position }) => (
              <tr key={line.householdId} className={line.pickedUpAt ? 'is-collected' : undefined}>
                <td className="numeric">{position}</td>
                <th scope="row" className="round-line">
                  <strong>{line.headName ?? t('supply.round.anonymous', { number: position })}</strong>
                  {line.address && <span className="choice-detail">{line.address}</span>}
                  <span className="choice-detail small">
                    {[
                      line.people
                        ? t('supply.household.size', {
                            count: AGE_BANDS.reduce((sum, band) => sum + (line.people?.[band] ?? 0), 0),
                            formatted: format.number(
                              AGE_BANDS.reduce((sum, band) => sum + (line.people?.[band] ?? 0), 0),
                            ),
                          })
                        : null,
                      className(line.priorityClass),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <div className="pickup">
                    <PickupCell
                      line={line}
                      name={line.headName ?? t('supply.round.anonymous', { number: position })}
                      round={round}
                      onPicked={onPicked}
                    />
                  </div>
                </th>
                <td className="numeric">
                  <strong>{quantity(line.allocatedMilli, unit)}</strong>
                  {line.allocatedMilli !== line.entitlementMilli && (
                    <span className="choice-detail small">
                      {t('supply.round.ofEntitledShort', { amount: quantity(line.entitlementMilli, unit) })}
                    </span>
                  )}
                </td>
                <td className="print-only signature-cell" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CloseRound({ round, onClosed }: { round: RoundDetail; onClosed: () => void }) {
  const { t } = useTranslation();
  const [isAsking, setIsAsking] = useState(false);
  const { busy, failure, act } = useSupplyAct();
  if (!round.mayClose) return null;
  return (
    <div className="no-print">
      {isAsking ? (
        <div className="confirm">
          <p>{t('supply.round.closeConfirm', { count: round.households - round.pickedUp })}</p>
          <div className="actions">
            <Button
              variant="danger"
              isBusy={busy === 'close'}
              onClick={() =>
                void act('close', () =>
                  api.post(`/distribution-rounds/${encodeURIComponent(round.id)}/closing`),
                ).then((ok) => ok && onClosed())
              }
            >
              {t('supply.round.closeYes')}
            </Button>
            <Button variant="secondary" onClick={() => setIsAsking(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="danger" onClick={() => setIsAsking(true)}>
          {t('supply.round.close')}
        </Button>
      )}
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure.text}</p>
          </Notice>
        )}
      </div>
    </div>
  );
}

function Round({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const round = useApi<RoundDetail>(`/distribution-rounds/${encodeURIComponent(roundId)}`);
  const items = useApi<{ items: Item[] }>('/items');
  const councilId = round.data?.councilId;
  const council = useApi<Council>(councilId ? `/councils/${encodeURIComponent(councilId)}` : null);

  if (round.isLoading && !round.data) return <Loading label={t('supply.round.loading')} />;
  if (!round.data)
    return (
      <>
        <PageHeader
          title={t('supply.round.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={round.error} onRetry={round.reload} />
      </>
    );
  const data = round.data;
  const item = items.data?.items.find((candidate) => candidate.id === data.itemId);
  const unit = item?.baseUnit ?? '';
  const stats = [
    { key: 'stock', label: t('supply.round.stock'), value: quantity(data.stockMilli, unit) },
    { key: 'allocated', label: t('supply.round.allocatedTotal'), value: quantity(data.allocatedMilli, unit) },
    { key: 'entitled', label: t('supply.round.entitledTotal'), value: quantity(data.entitlementMilli, unit) },
    {
      key: 'picked',
      label: t('supply.round.pickedUp'),
      value: t('supply.round.pickedUpOf', {
        picked: format.number(data.pickedUp),
        total: format.number(data.households),
      }),
    },
  ];
  return (
    <div className="supply round-page">
      <PageHeader
        title={data.title}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${data.councilId}`, label: council.data?.name ?? t('supply.council') },
        ]}
        aside={<RoundStatusBadge status={data.status} />}
        lead={t('supply.round.lead', {
          item: item?.name ?? '',
          version: data.ruleVersion,
          date: format.dateTime(data.openedAt),
        })}
      />
      {round.error !== null && <LoadError error={round.error} onRetry={round.reload} />}
      <Stats items={stats} />
      <div className="actions no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('supply.round.print')}
        </Button>
        <Button variant="secondary" isBusy={round.isLoading} onClick={round.reload}>
          {t('supply.round.refresh')}
        </Button>
      </div>
      <h2>{t('supply.round.byClass')}</h2>
      <ClassOutcomes round={data} unit={unit} />
      <h2>{t('supply.round.list')}</h2>
      <EntitlementList round={data} unit={unit} onPicked={round.reload} />
      <h2 className="no-print">{t('supply.round.checks')}</h2>
      <RecomputeCheck roundId={data.id} unit={unit} />
      <CloseRound round={data} onClosed={round.reload} />
    </div>
  );
}

export default function RoundPage({ roundId }: { roundId: string }) {
  return (
    <RequireSignIn>
      <Round roundId={roundId} />
    </RequireSignIn>
  );
}
