import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

/** A read-only value (a link to hand over) with a button that copies it; the result is announced. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      // clipboard refused (insecure origin, permissions): select the text so the reader can copy it
      input.current?.select();
      setOutcome('failed');
    }
  }

  return (
    <div className="field copy-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field-row">
        <input
          ref={input}
          id={id}
          className="input input--mono"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={copy}>
          {t('ui.copy')}
        </Button>
      </div>
      <p className="field-hint" role="status">
        {outcome === 'copied' ? t('ui.copied') : outcome === 'failed' ? t('ui.copyFailed') : ''}
      </p>
    </div>
  );
}
