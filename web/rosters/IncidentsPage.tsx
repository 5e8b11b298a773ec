// A council's incident log for its officers: every entry its shift leads recorded over a range of days
// on the roster's clock (30 days back by default, 62 at most), newest first, each linking to its shift.
import './rosters.css';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../core/rosters/zoned-time.ts';
import type { Council } from '../app/api-types.ts';
import { LoadError } from '../app/LoadError.tsx';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, PageHeader, TextField } from '../ui/index.ts';
import { todayIn } from './roster-days.ts';
import { rostersErrorText } from './rosters-text.ts';
import type { Incident, RosterSettings } from './rosters-types.ts';
import { IncidentList } from './ShiftIncidents.tsx';

function Incidents({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const base = useId();
  const path = `/councils/${encodeURIComponent(councilId)}`;
  const council = useApi<Council>(path);
  const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [range, setRange] = useState({ from: addDays(today, -30), to: today });
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const incidents = useApi<{ incidents: Incident[] }>(`${path}/incidents?from=${range.from}&to=${range.to}`);
  const settings = useApi<RosterSettings>(`${path}/roster-settings`);
  const zone = settings.data?.timeZone ?? 'UTC';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (from && to) setRange({ from, to });
  }
  return (
    <>
      <PageHeader
        title={t('rosters.incidents.pageTitle')}
        lead={t('rosters.incidents.pageLead')}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${councilId}`, label: council.data?.name ?? t('rosters.council') },
        ]}
      />
      <form
        className="form roster-range"
        noValidate
        onSubmit={submit}
        aria-label={t('rosters.incidents.range')}
      >
        <div className="roster-times">
          <TextField
            id={`${base}-from`}
            type="date"
            label={t('rosters.templates.from')}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
          <TextField
            id={`${base}-to`}
            type="date"
            label={t('rosters.templates.to')}
            hint={t('rosters.incidents.rangeHint')}
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
        <div className="actions">
          <Button type="submit" variant="secondary">
            {t('rosters.incidents.show')}
          </Button>
        </div>
      </form>
      <section className="panel" aria-labelledby={`${base}-log`}>
        <h2 className="panel-title" id={`${base}-log`}>
          {t('rosters.incidents.heading')}
        </h2>
        {incidents.isLoading && <Loading label={t('common.loading')} />}
        {incidents.error !== null && (
          <LoadError error={incidents.error} onRetry={incidents.reload} explain={rostersErrorText} />
        )}
        {settings.data && <p className="muted">{t('rosters.settings.zoneIs', { zone })}</p>}
        {incidents.data &&
          settings.data &&
          !incidents.isLoading &&
          (incidents.data.incidents.length === 0 ? (
            <p>{t('rosters.incidents.noneInRange')}</p>
          ) : (
            <IncidentList incidents={incidents.data.incidents} zone={zone} withShift />
          ))}
      </section>
    </>
  );
}

export default function IncidentsPage({ councilId }: { councilId: string }) {
  return (
    <RequireSignIn>
      <Incidents councilId={councilId} />
    </RequireSignIn>
  );
}
