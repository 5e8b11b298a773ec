// Pieces the requisition and shipment-plan pages share: status badges, the evidence a requisition
// carries (the council's stock and 30-day use, as the server computed them from its stock ledger), the
// catalogue as a map, and the text of a plan that cannot be drawn because a depot has no location.
import './requisitions.css';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Badge } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { supplyErrorText } from './supply-text.ts';
import type { Item, Requisition, RequisitionStatus, ShipmentPlan } from './supply-types.ts';

const REQUISITION_TONE = {
  submitted: 'warning',
  approved: 'success',
  rejected: 'danger',
  planned: 'neutral',
  withdrawn: 'neutral',
} as const;

export function RequisitionStatusBadge({ status }: { status: RequisitionStatus }) {
  const { t } = useTranslation();
  return <Badge tone={REQUISITION_TONE[status]}>{t(`supply.requisitionStatus.${status}`)}</Badge>;
}

const PLAN_TONE = { draft: 'warning', executed: 'success', discarded: 'neutral' } as const;

export function PlanStatusBadge({ status }: { status: ShipmentPlan['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={PLAN_TONE[status]}>{t(`supply.planStatus.${status}`)}</Badge>;
}

/** The catalogue by id: requisitions and plans name their item only by id. */
export function useItemsById() {
  const items = useApi<{ items: Item[] }>('/items');
  const byId = new Map((items.data?.items ?? []).map((item) => [item.id, item]));
  return { items, byId };
}

/** What was asked, decided, and the evidence attached — one requisition as a definition list. */
export function RequisitionFacts({
  requisition,
  unit,
  isEvidenceShown,
}: {
  requisition: Requisition;
  unit: string;
  isEvidenceShown: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const rows = [
    { key: 'asked', label: t('supply.requisition.asked'), value: quantity(requisition.requestedMilli, unit) },
    ...(requisition.approvedMilli !== null
      ? [
          {
            key: 'approved',
            label: t('supply.requisition.approved'),
            value: quantity(requisition.approvedMilli, unit),
          },
        ]
      : []),
    ...(isEvidenceShown
      ? [
          {
            key: 'stock',
            label: t('supply.requisition.stock'),
            value: quantity(requisition.stockMilli, unit),
          },
          {
            key: 'use',
            label: t('supply.requisition.use30d'),
            value: quantity(requisition.consumption30dMilli, unit),
          },
        ]
      : []),
    {
      key: 'submitted',
      label: t('supply.requisition.submittedAt'),
      value: format.date(requisition.submittedAt),
    },
    ...(requisition.note ? [{ key: 'note', label: t('supply.form.note'), value: requisition.note }] : []),
    ...(requisition.decidedAt
      ? [
          {
            key: 'decided',
            label: t('supply.requisition.decidedAt'),
            value: format.date(requisition.decidedAt),
          },
        ]
      : []),
    ...(requisition.decisionNote
      ? [
          {
            key: 'decisionNote',
            label: t('supply.requisition.decisionNote'),
            value: requisition.decisionNote,
          },
        ]
      : []),
  ];
  return (
    <dl className="definition-list requisition-facts">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The server's error words, and for a depot without a location the depot it names: its message ends
 * with the depot (or "council: depot") in parentheses.
 */
export function planErrorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError && error.code === 'depot-location-missing') {
    const depot = /\(([^()]+)\)\s*$/.exec(error.message)?.[1];
    if (depot) return i18n.t('supply.plans.locationMissing', { depot });
  }
  return supplyErrorText(error, i18n);
}
