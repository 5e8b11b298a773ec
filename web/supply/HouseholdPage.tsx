// One household of the register: who, where, its people and flags, a warning when another council has
// registered the same identity document, and — for the distribution officers — changing it and
// withdrawing it from the register (with the reason).
import './supply.css';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { request } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, ErrorSummary, Loading, Notice, PageHeader, TextField } from '../ui/index.ts';
import { HouseholdForm } from './HouseholdForm.tsx';
import { householdValues } from './household-form.ts';
import { LoadError } from './SupplyParts.tsx';
import { useSupplySubmit } from './supply-text.ts';
import { AGE_BANDS, type Household } from './supply-types.ts';

const WITHDRAW_FIELDS = ['reason'] as const;

export function DuplicatesWarning({ household }: { household: Household }) {
  const { t } = useTranslation();
  if (household.possibleDuplicates.length === 0) return null;
  return (
    <Notice tone="warning" title={t('supply.household.duplicatesTitle')}>
      <p>{t('supply.household.duplicatesBody')}</p>
      <ul>
        {household.possibleDuplicates.map((duplicate) => (
          <li key={duplicate.councilId}>
            <Link href={`/councils/${duplicate.councilId}`}>{duplicate.councilName}</Link>
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function WithdrawForm({ household, onWithdrawn }: { household: Household; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(WITHDRAW_FIELDS);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setErrors(errorsFromProblems({ reason: 'supply.household.check.reason' }, t));
      return;
    }
    await run(async () => {
      await request('POST', `/households/${encodeURIComponent(household.id)}/withdrawal`, {
        reason: reason.trim(),
      });
      onWithdrawn();
    });
  }
  return (
    <>
      <ErrorSummary items={summaryItems(errors, { reason: id })} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={id}
          label={t('supply.household.withdrawReason')}
          hint={t('supply.household.withdrawHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.fields.reason}
          maxLength={300}
        />
        <div className="actions">
          <Button type="submit" variant="danger" isBusy={isSubmitting}>
            {t('supply.household.withdraw')}
          </Button>
        </div>
      </form>
    </>
  );
}

function HouseholdView({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useSearch();
  const base = useId();
  const [saved, setSaved] = useState('');
  const household = useApi<Household>(`/households/${encodeURIComponent(householdId)}`);
  const councilId = household.data?.councilId;
  const council = useApi<Council>(councilId ? `/councils/${encodeURIComponent(councilId)}` : null);

  if (household.isLoading && !household.data) return <Loading label={t('supply.household.loading')} />;
  if (!household.data)
    return (
      <>
        <PageHeader
          title={t('supply.household.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={household.error} onRetry={household.reload} />
      </>
    );
  const data = household.data;
  const isActive = data.status === 'active';
  const rows = [
    { key: 'address', label: t('supply.household.address'), value: data.address },
    { key: 'phone', label: t('supply.household.phone'), value: data.phone ?? '—' },
    {
      key: 'people',
      label: t('supply.household.people'),
      value: AGE_BANDS.map((band) => `${t(`supply.band.${band}`)}: ${data.people[band]}`).join(' · '),
    },
    {
      key: 'flags',
      label: t('supply.household.flags'),
      value: data.flags.length > 0 ? data.flags.map((flag) => t(`supply.flag.${flag}`)).join(', ') : '—',
    },
    {
      key: 'document',
      label: t('supply.household.document'),
      value: data.hasIdentityDocument
        ? t('supply.household.documentOnFile')
        : t('supply.household.noDocument'),
    },
    { key: 'registered', label: t('supply.household.registeredAt'), value: format.date(data.registeredAt) },
    ...(data.withdrawnAt
      ? [
          {
            key: 'withdrawn',
            label: t('supply.household.withdrawnAt'),
            value: `${format.date(data.withdrawnAt)} — ${data.withdrawalReason ?? ''}`,
          },
        ]
      : []),
  ];

  return (
    <div className="supply">
      <PageHeader
        title={data.headName}
        crumbs={[
          { href: `/councils/${data.councilId}`, label: council.data?.name ?? t('supply.council') },
          { href: `/councils/${data.councilId}/households`, label: t('supply.households.title') },
        ]}
        aside={
          <>
            <Badge tone={isActive ? 'success' : 'neutral'}>
              {isActive ? t('supply.household.active') : t('supply.household.withdrawn')}
            </Badge>
            <Badge>
              {t('supply.household.size', { count: data.size, formatted: format.number(data.size) })}
            </Badge>
          </>
        }
      />
      <div role="status">
        {(saved || search.includes('registered=1')) && (
          <Notice tone="success" title={saved || t('supply.household.registered')} />
        )}
      </div>
      <DuplicatesWarning household={data} />
      <dl className="definition-list">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {isActive && (
        <>
          <details className="disclosure">
            <summary>{t('supply.household.edit')}</summary>
            <HouseholdForm
              key={data.updatedAt}
              initial={householdValues(data)}
              hasDocument={data.hasIdentityDocument}
              submitLabel={t('supply.household.save')}
              onSubmit={async (body) => {
                await request('PATCH', `/households/${encodeURIComponent(data.id)}`, body);
                setSaved(t('supply.household.saved'));
                household.reload();
              }}
            />
          </details>
          <section className="panel panel--danger" aria-labelledby={`${base}-withdraw`}>
            <h2 className="panel-title" id={`${base}-withdraw`}>
              {t('supply.household.withdrawTitle')}
            </h2>
            <WithdrawForm household={data} onWithdrawn={household.reload} />
          </section>
        </>
      )}
    </div>
  );
}

export default function HouseholdPage({ householdId }: { householdId: string }) {
  return (
    <RequireSignIn>
      <HouseholdView householdId={householdId} />
    </RequireSignIn>
  );
}
