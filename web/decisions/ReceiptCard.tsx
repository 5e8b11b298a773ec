// The receipt of a cast ballot: its code, large and copyable, and what it is for. It is shown once —
// the server keeps no link from the voter to it — so the text says to keep it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotReceipt } from '../app/api-types.ts';
import { Button } from '../ui/index.ts';
import { useVotes } from './decisions-text.ts';

export function ReceiptCard({ receipt }: { receipt: BallotReceipt }) {
  const { t } = useTranslation();
  const votes = useVotes();
  const base = useId();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt.receiptCode);
      setOutcome('copied');
    } catch {
      // clipboard refused (insecure origin, permissions): the code stays selectable on screen
      setOutcome('failed');
    }
  }

  return (
    <section className="receipt" aria-labelledby={`${base}-title`}>
      <p className="receipt-title" id={`${base}-title`}>
        {t('decisions.receipt.title', { weight: votes(receipt.weightMillis) })}
      </p>
      <p className="receipt-code-row">
        <span className="visually-hidden">{t('decisions.receipt.codeLabel')} </span>
        <code className="receipt-code" data-testid="receipt-code">
          {receipt.receiptCode}
        </code>
        <Button variant="secondary" onClick={() => void copy()}>
          {t('decisions.receipt.copy')}
        </Button>
      </p>
      <p className="small" role="status">
        {outcome === 'copied'
          ? t('decisions.receipt.copied')
          : outcome === 'failed'
            ? t('decisions.receipt.copyFailed')
            : ''}
      </p>
      <p>{t('decisions.receipt.explain')}</p>
    </section>
  );
}
