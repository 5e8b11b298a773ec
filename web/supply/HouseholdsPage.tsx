// A base council's household register, for its distribution officers: search by head of household,
// active or withdrawn, a page at a time; and the form to register a household. Other viewers get a
// sentence saying who keeps the register (the server refuses them the list: it is personal data).
import './supply.css';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, Loading, Notice, PageHeader, SelectField, TextField } from '../ui/index.ts';
import { HouseholdForm } from './HouseholdForm.tsx';
import { LoadError } from './SupplyParts.tsx';
import { isForbidden } from './supply-text.ts';
import type { Household, HouseholdList } from './supply-types.ts';

const PAGE_SIZE = 20;
type Status = 'active' | 'withdrawn' | 'all';

export function HouseholdLine({ household }: { household: Household }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <h3 className="item-title">
        <Link href={`/households/${household.id}`}>{household.headName}</Link>
      </h3>
      <p className="meta-line">
        {household.status === 'withdrawn' && <Badge tone="neutral">{t('supply.household.withdrawn')}</Badge>}
        {household.possibleDuplicates.length > 0 && (
          <Badge tone="warning">{t('supply.household.duplicateBadge')}</Badge>
        )}
        <span>{household.address}</span>
        <span>
          {t('supply.household.size', { count: household.size, formatted: format.number(household.size) })}
        </span>
        {household.flags.map((flag) => (
          <Badge key={flag} tone="accent">
            {t(`supply.flag.${flag}`)}
          </Badge>
        ))}
      </p>
    </li>
  );
}

function Register({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const isNew = location.endsWith('/new');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [offset, setOffset] = useState(0);
  const base = useId();
  const format = useFormat();
  const path = `/councils/${encodeURIComponent(councilId)}`;
  const council = useApi<Council>(path);
  const query = new URLSearchParams({ status, limit: String(PAGE_SIZE), offset: String(offset) });
  if (search) query.set('q', search);
  const list = useApi<HouseholdList>(isNew ? null : `${path}/households?${query}`);
  const crumbs = [
    { href: '/', label: t('header.federation') },
    { href: `/councils/${councilId}`, label: council.data?.name ?? t('supply.council') },
    ...(isNew ? [{ href: `/councils/${councilId}/households`, label: t('supply.households.title') }] : []),
  ];

  function find(event: FormEvent) {
    event.preventDefault();
    setOffset(0);
    setSearch(typed.trim());
  }

  if (isNew)
    return (
      <div className="supply narrow">
        <PageHeader title={t('supply.households.registerTitle')} crumbs={crumbs} />
        <HouseholdForm
          submitLabel={t('supply.households.register')}
          onSubmit={async (body) => {
            const household = await api.post<Household>(`${path}/households`, body);
            navigate(`/households/${household.id}?registered=1`);
          }}
        />
      </div>
    );

  const page = list.data;
  return (
    <div className="supply">
      <PageHeader title={t('supply.households.title')} crumbs={crumbs} lead={t('supply.households.lead')} />
      {isForbidden(list.error) ? (
        <Notice tone="info">
          <p>{t('supply.households.forbidden')}</p>
        </Notice>
      ) : (
        <>
          <p>
            <Link href={`/councils/${councilId}/households/new`} className="button button--primary">
              {t('supply.households.registerTitle')}
            </Link>
          </p>
          <search>
            <form className="filter-bar" onSubmit={find}>
              <TextField
                label={t('supply.households.search')}
                type="search"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                maxLength={100}
              />
              <SelectField
                label={t('supply.households.status')}
                value={status}
                onChange={(event) => {
                  setOffset(0);
                  setStatus(event.target.value as Status);
                }}
              >
                <option value="active">{t('supply.households.active')}</option>
                <option value="withdrawn">{t('supply.households.withdrawnOnes')}</option>
                <option value="all">{t('supply.households.all')}</option>
              </SelectField>
              <Button type="submit" variant="secondary">
                {t('supply.households.find')}
              </Button>
            </form>
          </search>
          <section aria-labelledby={`${base}-list`}>
            <h2 id={`${base}-list`}>
              {page
                ? t('supply.households.found', { count: page.total, formatted: format.number(page.total) })
                : t('supply.households.title')}
            </h2>
            {list.isLoading && <Loading label={t('supply.households.loading')} />}
            {list.error !== null && <LoadError error={list.error} onRetry={list.reload} />}
            {page && page.households.length > 0 && (
              <ul className="plain-list">
                {page.households.map((household) => (
                  <HouseholdLine key={household.id} household={household} />
                ))}
              </ul>
            )}
            {page && page.total > PAGE_SIZE && (
              <nav className="pager" aria-label={t('supply.households.pages')}>
                <Button
                  variant="secondary"
                  disabled={offset === 0 || list.isLoading}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  {t('supply.households.previous')}
                </Button>
                <span className="muted">
                  {t('supply.households.range', {
                    from: format.number(offset + 1),
                    to: format.number(Math.min(offset + PAGE_SIZE, page.total)),
                    total: format.number(page.total),
                  })}
                </span>
                <Button
                  variant="secondary"
                  disabled={offset + PAGE_SIZE >= page.total || list.isLoading}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  {t('supply.households.next')}
                </Button>
              </nav>
            )}
          </section>
        </>
      )}
    </div>
  );
}

export default function HouseholdsPage({ councilId }: { councilId: string }) {
  return (
    <RequireSignIn>
      <Register councilId={councilId} />
    </RequireSignIn>
  );
}
