// The "Supply" tab of a council page: its depots (and, for its secretary or chair, the form to open
// one), its distribution rounds, its ration rules item by item (a federated council's limits), the link
// to the household register for those the server lets read it, the transfers in transit, and for its
// officers the links to its requisitions and (a federated council) its shipment plans.
import './supply.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Badge, Loading } from '../ui/index.ts';
import { DepotForm } from './DepotForm.tsx';
import { useQuantity } from './quantity.ts';
import { RoundStatusBadge, RuleStatusBadge } from './SupplyBadges.tsx';
import { LoadError } from './SupplyParts.tsx';
import type { Depot, DistributionRound, HouseholdList, Item, RationRule, Transfer } from './supply-types.ts';
import { useSupplyOffices } from './viewer-offices.ts';

function DepotsSection({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const [, navigate] = useLocation();
  const { leads } = useSupplyOffices(council);
  const depots = useApi<{ depots: Depot[] }>(`/councils/${encodeURIComponent(council.id)}/depots`);
  return (
    <section className="panel" aria-labelledby={`${base}-depots`}>
      <h2 className="panel-title" id={`${base}-depots`}>
        {t('supply.tab.depots')}
      </h2>
      {depots.isLoading && !depots.data && <Loading label={t('supply.tab.loadingDepots')} />}
      {depots.error !== null && <LoadError error={depots.error} onRetry={depots.reload} />}
      {depots.data &&
        (depots.data.depots.length === 0 ? (
          <p>{t('supply.tab.noDepots')}</p>
        ) : (
          <ul className="plain-list">
            {depots.data.depots.map((depot) => (
              <li key={depot.id}>
                <h3 className="item-title">
                  <Link href={`/depots/${depot.id}`}>{depot.name}</Link>
                </h3>
                <p className="meta-line">
                  <Badge>{t(`supply.depotKind.${depot.kind}`)}</Badge>
                  {depot.place && <span>{depot.place}</span>}
                </p>
              </li>
            ))}
          </ul>
        ))}
      {leads && (
        <details className="disclosure">
          <summary>{t('supply.depotForm.heading')}</summary>
          <DepotForm councilId={council.id} onCreated={(depot) => navigate(`/depots/${depot.id}`)} />
        </details>
      )}
    </section>
  );
}

function RoundsSection({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const format = useFormat();
  const rounds = useApi<{ rounds: DistributionRound[] }>(
    `/councils/${encodeURIComponent(council.id)}/distribution-rounds`,
  );
  return (
    <section className="panel" aria-labelledby={`${base}-rounds`}>
      <h2 className="panel-title" id={`${base}-rounds`}>
        {t('supply.tab.rounds')}
      </h2>
      {rounds.isLoading && !rounds.data && <Loading label={t('supply.tab.loadingRounds')} />}
      {rounds.error !== null && <LoadError error={rounds.error} onRetry={rounds.reload} />}
      {rounds.data &&
        (rounds.data.rounds.length === 0 ? (
          <p>{t('supply.tab.noRounds')}</p>
        ) : (
          <ul className="plain-list">
            {rounds.data.rounds.map((round) => (
              <li key={round.id}>
                <h3 className="item-title">
                  <Link href={`/distribution-rounds/${round.id}`}>{round.title}</Link>
                </h3>
                <p className="meta-line">
                  <RoundStatusBadge status={round.status} />
                  <span>{format.date(round.openedAt)}</span>
                  <span>
                    {t('supply.tab.roundPickedUp', {
                      picked: format.number(round.pickedUp),
                      total: format.number(round.households),
                    })}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function RulesSection({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const { quantity } = useQuantity();
  const isFederation = council.kind === 'federation';
  const items = useApi<{ items: Item[] }>('/items');
  const rules = useApi<{ rules: RationRule[] }>(
    isFederation ? null : `/councils/${encodeURIComponent(council.id)}/ration-rules`,
  );
  const latest = new Map<string, RationRule>();
  const inForce = new Map<string, RationRule>();
  for (const rule of rules.data?.rules ?? []) {
    if (!latest.has(rule.itemId)) latest.set(rule.itemId, rule);
    if (rule.status === 'adopted' && !inForce.has(rule.itemId)) inForce.set(rule.itemId, rule);
  }
  return (
    <section className="panel" aria-labelledby={`${base}-rules`}>
      <h2 className="panel-title" id={`${base}-rules`}>
        {isFederation ? t('supply.tab.limits') : t('supply.tab.rules')}
      </h2>
      <p className="muted">{isFederation ? t('supply.tab.limitsLead') : t('supply.tab.rulesLead')}</p>
      {(items.isLoading || rules.isLoading) && !items.data && (
        <Loading label={t('supply.tab.loadingRules')} />
      )}
      {items.error !== null && <LoadError error={items.error} onRetry={items.reload} />}
      {rules.error !== null && <LoadError error={rules.error} onRetry={rules.reload} />}
      {items.data &&
        (items.data.items.length === 0 ? (
          <p>{t('supply.tab.noItems')}</p>
        ) : (
          <ul className="plain-list">
            {items.data.items.map((item) => {
              const rule = inForce.get(item.id);
              const newest = latest.get(item.id);
              return (
                <li key={item.id}>
                  <Link href={`/councils/${council.id}/items/${item.id}/rules`}>{item.name}</Link>
                  {!isFederation && (
                    <span className="choice-detail">
                      {rule
                        ? t('supply.tab.ruleInForce', {
                            version: rule.version,
                            perPerson: quantity(rule.rule.perPersonMilli, item.baseUnit),
                          })
                        : t('supply.tab.noRule')}{' '}
                      {newest && newest.status !== 'adopted' && <RuleStatusBadge status={newest.status} />}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        ))}
      <p>
        <Link href="/items">{t('supply.tab.catalogue')}</Link>
      </p>
    </section>
  );
}

/** Shown only when the server answers the register to this viewer (distribution officers). */
function HouseholdsLink({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const format = useFormat();
  const probe = useApi<HouseholdList>(
    council.kind === 'federation' ? null : `/councils/${encodeURIComponent(council.id)}/households?limit=1`,
  );
  if (!probe.data) return null;
  return (
    <section className="panel" aria-labelledby={`${base}-households`}>
      <h2 className="panel-title" id={`${base}-households`}>
        {t('supply.households.title')}
      </h2>
      <p>
        {t('supply.tab.householdsCount', {
          count: probe.data.total,
          formatted: format.number(probe.data.total),
        })}
      </p>
      <p>
        <Link href={`/councils/${council.id}/households`} className="button button--secondary">
          {t('supply.tab.openRegister')}
        </Link>
      </p>
    </section>
  );
}

function TransferLine({ transfer, isIncoming }: { transfer: Transfer; isIncoming: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  return (
    <li>
      <Link href={`/transfers/${transfer.id}`}>
        {t('supply.transfer.line', {
          quantity: quantity(transfer.quantityMilli, transfer.item.baseUnit),
          item: transfer.item.name,
        })}
      </Link>
      <span className="choice-detail">
        {isIncoming
          ? t('supply.transfer.fromDepot', { depot: transfer.from.depotName })
          : t('supply.transfer.toDepot', { depot: transfer.to.depotName })}
        {' · '}
        {format.date(transfer.sentAt)}
      </span>
    </li>
  );
}

function TransfersSection({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const transfers = useApi<{ transfers: Transfer[] }>(
    `/councils/${encodeURIComponent(council.id)}/transfers?status=in-transit`,
  );
  const all = transfers.data?.transfers ?? [];
  const incoming = all.filter((transfer) => transfer.to.councilId === council.id);
  const outgoing = all.filter((transfer) => transfer.to.councilId !== council.id);
  return (
    <section className="panel" aria-labelledby={`${base}-transfers`}>
      <h2 className="panel-title" id={`${base}-transfers`}>
        {t('supply.tab.inTransit')}
      </h2>
      {transfers.isLoading && !transfers.data && <Loading label={t('supply.tab.loadingTransfers')} />}
      {transfers.error !== null && <LoadError error={transfers.error} onRetry={transfers.reload} />}
      {transfers.data && (
        <>
          <h3>{t('supply.tab.incoming')}</h3>
          {incoming.length === 0 ? (
            <p>{t('supply.tab.noIncoming')}</p>
          ) : (
            <ul className="plain-list">
              {incoming.map((transfer) => (
                <TransferLine key={transfer.id} transfer={transfer} isIncoming />
              ))}
            </ul>
          )}
          <h3>{t('supply.tab.outgoing')}</h3>
          {outgoing.length === 0 ? (
            <p>{t('supply.tab.noOutgoing')}</p>
          ) : (
            <ul className="plain-list">
              {outgoing.map((transfer) => (
                <TransferLine key={transfer.id} transfer={transfer} isIncoming={false} />
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <Link href={`/councils/${council.id}/transfers`}>{t('supply.tab.allTransfers')}</Link>
      </p>
    </section>
  );
}

/**
 * Requisitions up the tree and shipment plans down it, for the council's officers (the server answers
 * them only): a council with a body above asks it; a federated council decides and plans.
 */
function RequisitionsSection({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const { isOfficer } = useSupplyOffices(council);
  const asks = council.parent !== null;
  const receives = council.kind === 'federation';
  if (!isOfficer || (!asks && !receives)) return null;
  return (
    <section className="panel" aria-labelledby={`${base}-requisitions`}>
      <h2 className="panel-title" id={`${base}-requisitions`}>
        {t('supply.tab.requisitions')}
      </h2>
      <ul className="plain-list">
        {asks && (
          <li>
            <Link href={`/councils/${council.id}/requisitions`}>{t('supply.requisitions.title')}</Link>
            <span className="choice-detail">
              {t('supply.tab.requisitionsDetail', { parent: council.parent?.name ?? '' })}
            </span>
          </li>
        )}
        {receives && (
          <li>
            <Link href={`/councils/${council.id}/requisitions/received`}>{t('supply.received.title')}</Link>
            <span className="choice-detail">{t('supply.tab.receivedDetail')}</span>
          </li>
        )}
        {receives && (
          <li>
            <Link href={`/councils/${council.id}/shipment-plans`}>{t('supply.plans.title')}</Link>
            <span className="choice-detail">{t('supply.tab.plansDetail')}</span>
          </li>
        )}
      </ul>
    </section>
  );
}

export default function CouncilSupplyTab({ council }: { council: Council }) {
  return (
    <div className="supply">
      <HouseholdsLink council={council} />
      <DepotsSection council={council} />
      {council.kind !== 'federation' && <RoundsSection council={council} />}
      <TransfersSection council={council} />
      <RulesSection council={council} />
      <RequisitionsSection council={council} />
    </div>
  );
}
