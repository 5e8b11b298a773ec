// Parts of the distribution round page: the outcome per priority class (who got all they were entitled
// to, who got less and at what level), and the recomputation check.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { useFormat } from '../app/format.ts';
import { Button, Notice } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { TableScroll } from './SupplyParts.tsx';
import { useSupplyAct } from './supply-text.ts';
import type { DistributionRound, Recomputation } from './supply-types.ts';

/** "Clase 1 (lactantes, enfermedad)" or "Resto de familias" for the general class. */
export function useClassName(round: DistributionRound) {
  const { t } = useTranslation();
  return (index: number) => {
    const flags = round.rule.priorityClasses[index];
    return flags
      ? t('supply.round.className', {
          number: index + 1,
          flags: flags.map((flag) => t(`supply.flag.${flag}`)).join(', '),
        })
      : t('supply.round.generalClass');
  };
}

export function ClassOutcomes({ round, unit }: { round: DistributionRound; unit: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const className = useClassName(round);
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table round-classes">
        <caption id={captionId}>{t('supply.round.classesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supply.round.class')}</th>
            <th scope="col" className="numeric">
              {t('supply.round.allocated')}
            </th>
            <th scope="col">{t('supply.round.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {round.classes.map((outcome) => (
            <tr key={outcome.priorityClass}>
              <th scope="row">
                {className(outcome.priorityClass)}
                <span className="choice-detail">
                  {t('supply.round.classHouseholds', {
                    count: outcome.households,
                    formatted: format.number(outcome.households),
                  })}
                </span>
              </th>
              <td className="numeric">
                {quantity(outcome.allocatedMilli, unit)}
                <span className="choice-detail">
                  {t('supply.round.ofEntitledShort', { amount: quantity(outcome.entitlementMilli, unit) })}
                </span>
              </td>
              <td>
                <strong>{t(`supply.classStatus.${outcome.status}`)}</strong>
                {outcome.status === 'short' && outcome.levelMilliPerPerson !== null && (
                  <span className="choice-detail">
                    {t('supply.round.level', { amount: quantity(outcome.levelMilliPerPerson, unit) })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function RecomputeCheck({ roundId, unit }: { roundId: string; unit: string }) {
  const { t } = useTranslation();
  const { quantity } = useQuantity();
  const { busy, failure, act } = useSupplyAct();
  const [result, setResult] = useState<Recomputation | null>(null);
  return (
    <div className="recompute no-print">
      <Button
        variant="secondary"
        isBusy={busy === 'recompute'}
        onClick={() =>
          void act('recompute', async () => {
            setResult(
              await api.get<Recomputation>(
                `/distribution-rounds/${encodeURIComponent(roundId)}/recomputation`,
              ),
            );
          })
        }
      >
        {t('supply.round.recompute')}
      </Button>
      <div role="status" className="recompute-outcome">
        {failure && (
          <Notice tone="error">
            <p>{failure.text}</p>
          </Notice>
        )}
        {result &&
          (result.matches ? (
            <Notice tone="success" title={t('supply.round.matches')}>
              <p>
                {t('supply.round.matchesBody', {
                  count: result.households,
                  amount: quantity(result.allocatedMilli, unit),
                })}
              </p>
            </Notice>
          ) : (
            <Notice tone="error" title={t('supply.round.differs')}>
              <ul>
                {result.differences.map((difference) => (
                  <li key={`${difference.householdId}-${difference.field}`}>
                    {t('supply.round.difference', {
                      household: difference.householdId.slice(0, 8),
                      field: difference.field,
                      stored: difference.stored,
                      recomputed: difference.recomputed,
                    })}
                  </li>
                ))}
              </ul>
            </Notice>
          ))}
      </div>
    </div>
  );
}
