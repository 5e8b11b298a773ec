// One transfer: what left which depot for which, and — while it is in transit — the receiving
// council's proof of delivery: how much it accepted onto its shelf and how much it refused (returned to
// the sender's shelf). The two must add up to what was sent.
import './supply.css';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, ErrorSummary, Loading, PageHeader, TextArea, TextField } from '../ui/index.ts';
import { milliToTyped, parseQuantity, useQuantity } from './quantity.ts';
import { TransferStatusBadge } from './SupplyBadges.tsx';
import { LoadError } from './SupplyParts.tsx';
import { checkTransferReceipt } from './stock-forms.ts';
import { useSupplySubmit } from './supply-text.ts';
import type { Transfer } from './supply-types.ts';
import { useSupplyOffices } from './viewer-offices.ts';

const FIELDS = ['accepted', 'rejected', 'rejectionNote'] as const;

function ReceiveForm({ transfer, onReceived }: { transfer: Transfer; onReceived: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [accepted, setAccepted] = useState(milliToTyped(transfer.quantityMilli));
  const [rejected, setRejected] = useState('');
  const [note, setNote] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const unit = transfer.item.baseUnit;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkTransferReceipt(accepted, rejected, transfer.quantityMilli);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      await api.post(`/transfers/${encodeURIComponent(transfer.id)}/receipt`, {
        accepted: parseQuantity(accepted),
        ...(rejected.trim() ? { rejected: parseQuantity(rejected) } : {}),
        ...(note.trim() ? { rejectionNote: note.trim() } : {}),
      });
      onReceived();
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <div className="field-pair">
          <TextField
            id={ids.accepted}
            label={t('supply.receiveForm.accepted', { unit })}
            hint={t('supply.receiveForm.acceptedHint')}
            inputMode="decimal"
            autoComplete="off"
            value={accepted}
            onChange={(event) => setAccepted(event.target.value)}
            error={errors.fields.accepted}
          />
          <TextField
            id={ids.rejected}
            label={t('supply.receiveForm.rejected', { unit })}
            hint={t('supply.receiveForm.rejectedHint')}
            isOptional
            inputMode="decimal"
            autoComplete="off"
            value={rejected}
            onChange={(event) => setRejected(event.target.value)}
            error={errors.fields.rejected}
          />
        </div>
        <TextArea
          id={ids.rejectionNote}
          label={t('supply.receiveForm.note')}
          isOptional
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errors.fields.rejectionNote}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.receiveForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

function TransferView({ transferId }: { transferId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const base = useId();
  const transfer = useApi<Transfer>(`/transfers/${encodeURIComponent(transferId)}`);
  const toCouncilId = transfer.data?.to.councilId;
  const receiving = useApi<Council>(toCouncilId ? `/councils/${encodeURIComponent(toCouncilId)}` : null);
  const { isOfficer } = useSupplyOffices(receiving.data);

  if (transfer.isLoading && !transfer.data) return <Loading label={t('supply.transfer.loading')} />;
  if (!transfer.data)
    return (
      <>
        <PageHeader
          title={t('supply.transfer.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={transfer.error} onRetry={transfer.reload} />
      </>
    );
  const data = transfer.data;
  const unit = data.item.baseUnit;
  const rows = [
    {
      key: 'from',
      label: t('supply.transfer.from'),
      value: <Link href={`/depots/${data.from.depotId}`}>{data.from.depotName}</Link>,
    },
    {
      key: 'to',
      label: t('supply.transfer.to'),
      value: <Link href={`/depots/${data.to.depotId}`}>{data.to.depotName}</Link>,
    },
    { key: 'sent', label: t('supply.transfer.sentAt'), value: format.dateTime(data.sentAt) },
    ...(data.note ? [{ key: 'note', label: t('supply.form.note'), value: data.note }] : []),
    ...(data.receivedAt
      ? [
          {
            key: 'received',
            label: t('supply.transfer.receivedAt'),
            value: format.dateTime(data.receivedAt),
          },
          {
            key: 'accepted',
            label: t('supply.transfer.accepted'),
            value: quantity(data.acceptedMilli ?? '0', unit),
          },
          {
            key: 'rejected',
            label: t('supply.transfer.rejected'),
            value: quantity(data.rejectedMilli ?? '0', unit),
          },
        ]
      : []),
    ...(data.rejectionNote
      ? [{ key: 'rejectionNote', label: t('supply.receiveForm.note'), value: data.rejectionNote }]
      : []),
  ];
  return (
    <div className="supply">
      <PageHeader
        title={t('supply.transfer.line', {
          quantity: quantity(data.quantityMilli, unit),
          item: data.item.name,
        })}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${data.to.councilId}/transfers`, label: t('supply.transfers.title') },
        ]}
        aside={<TransferStatusBadge status={data.status} />}
      />
      <dl className="definition-list">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {data.status === 'in-transit' && isOfficer && (
        <section className="panel" aria-labelledby={`${base}-receive`}>
          <h2 className="panel-title" id={`${base}-receive`}>
            {t('supply.receiveForm.heading')}
          </h2>
          <p className="muted">{t('supply.receiveForm.lead')}</p>
          <ReceiveForm transfer={data} onReceived={transfer.reload} />
        </section>
      )}
    </div>
  );
}

export default function TransferPage({ transferId }: { transferId: string }) {
  return (
    <RequireSignIn>
      <TransferView transferId={transferId} />
    </RequireSignIn>
  );
}
