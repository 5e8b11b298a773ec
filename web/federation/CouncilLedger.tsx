// A council's ledger as its members see it: newest entry first, 50 at a time, with the server's
// verdict on the hash chain.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isAbort } from '../app/api-client.ts';
import type { LedgerEntry, LedgerPage } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { Button, Loading, Notice } from '../ui/index.ts';

const PAGE_SIZE = 50;

function EntryRow({ entry }: { entry: LedgerEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="ledger-entry">
      <span className="ledger-seq">#{entry.seq}</span>
      <div>
        <span className="ledger-kind">{t(`ledgerKind.${entry.kind}`, { defaultValue: entry.kind })}</span>
        <span className="choice-detail">
          <time dateTime={entry.recordedAt}>{format.dateTime(entry.recordedAt)}</time>
          {' · '}
          {entry.actor ? entry.actor.fullName : t('ledger.system')}
        </span>
        <span className="ledger-hash">
          {t('ledger.hash')}: <span title={entry.hash}>{entry.hash.slice(0, 16)}…</span>
        </span>
      </div>
      <details>
        <summary>{t('ledger.details')}</summary>
        <pre>
          {JSON.stringify({ payload: entry.payload, hash: entry.hash, prevHash: entry.prevHash }, null, 2)}
        </pre>
      </details>
    </li>
  );
}

export function CouncilLedger({ councilId }: { councilId: string }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<LedgerEntry[]>([]);
  const [verified, setVerified] = useState<boolean | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState('');

  const load = useCallback(
    async (before: number | null, signal?: AbortSignal) => {
      setIsLoading(true);
      setError('');
      try {
        const query = `limit=${PAGE_SIZE}${before === null ? '' : `&before=${before}`}`;
        const page = await api.get<LedgerPage>(`/councils/${encodeURIComponent(councilId)}/ledger?${query}`, {
          signal,
        });
        setEntries((current) => (before === null ? page.entries : [...current, ...page.entries]));
        setVerified(page.verified);
        setHasMore(page.entries.length === PAGE_SIZE);
      } catch (cause) {
        if (isAbort(cause)) return;
        setError(errorText(cause, i18n));
      }
      setIsLoading(false);
    },
    [councilId, i18n],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load]);

  const oldest = entries.at(-1);
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title" className="visually-hidden">
        {t('ledger.title')}
      </h2>
      {verified === true && (
        <Notice tone="success" title={t('ledger.verified')}>
          <p>{t('ledger.verifiedBody')}</p>
        </Notice>
      )}
      {verified === false && (
        <Notice tone="error" title={t('ledger.broken')}>
          <p>{t('ledger.brokenBody')}</p>
        </Notice>
      )}
      {entries.length === 0 && !isLoading && !error && <p>{t('ledger.empty')}</p>}
      {entries.length > 0 && (
        <ol className="ledger" aria-label={t('ledger.title')}>
          {entries.map((entry) => (
            <EntryRow key={entry.seq} entry={entry} />
          ))}
        </ol>
      )}
      {isLoading && <Loading label={t('ledger.loading')} />}
      {error && (
        <Notice tone="error" live="alert">
          <p>{error}</p>
        </Notice>
      )}
      {hasMore && !isLoading && oldest && (
        <div className="actions">
          <Button variant="secondary" onClick={() => void load(oldest.seq)}>
            {t('ledger.older')}
          </Button>
        </div>
      )}
    </section>
  );
}
