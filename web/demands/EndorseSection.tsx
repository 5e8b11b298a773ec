// Endorsing another council's demand: for the secretary or chair of councils other than the demand's,
// a choice of the councils where they lead, to endorse in that council's name or withdraw its endorsement.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { MyCouncil } from '../app/api-types.ts';
import { useApi } from '../app/use-api.ts';
import { Button, Notice, SelectField } from '../ui/index.ts';
import { useDemandsAct } from './demands-text.ts';
import type { DemandDetail } from './demands-types.ts';

const leads = (council: MyCouncil) => council.offices.some((o) => o === 'secretary' || o === 'chair');

export function EndorseSection({ demand, onChanged }: { demand: DemandDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const mine = useApi<{ councils: MyCouncil[] }>('/me/councils');
  const { busy, failure, act } = useDemandsAct();
  const leading = (mine.data?.councils ?? []).filter((c) => leads(c) && c.id !== demand.councilId);
  const inForce = new Set(demand.endorsements.filter((e) => e.withdrawnAt === null).map((e) => e.councilId));
  const canEndorse = leading.filter((c) => !inForce.has(c.id));
  const endorsing = leading.filter((c) => inForce.has(c.id));
  const [chosen, setChosen] = useState('');
  const councilId = canEndorse.some((c) => c.id === chosen) ? chosen : (canEndorse[0]?.id ?? '');
  if (leading.length === 0) return null;

  async function endorse() {
    const ok = await act('endorse', () =>
      api.post(`/demands/${encodeURIComponent(demand.id)}/endorsements`, { councilId }),
    );
    if (ok) onChanged();
  }
  async function withdraw(id: string) {
    const ok = await act(`withdraw-${id}`, () =>
      api.delete(`/demands/${encodeURIComponent(demand.id)}/endorsements/${encodeURIComponent(id)}`),
    );
    if (ok) onChanged();
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('demands.endorse.heading')}
      </h2>
      <p className="muted">{t('demands.endorse.explain')}</p>
      {endorsing.length > 0 && (
        <ul className="plain-list">
          {endorsing.map((c) => (
            <li key={c.id}>
              {t('demands.endorse.endorsing', { council: c.name })}{' '}
              <Button
                variant="secondary"
                isBusy={busy === `withdraw-${c.id}`}
                onClick={() => void withdraw(c.id)}
              >
                {t('demands.endorse.withdraw', { council: c.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {canEndorse.length > 0 && (
        <>
          <SelectField
            label={t('demands.endorse.council')}
            value={councilId}
            onChange={(event) => setChosen(event.target.value)}
          >
            {canEndorse.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <Button isBusy={busy === 'endorse'} onClick={() => void endorse()}>
              {t('demands.endorse.submit')}
            </Button>
          </div>
        </>
      )}
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure.text}</p>
          </Notice>
        )}
      </div>
    </section>
  );
}
