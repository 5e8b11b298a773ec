// One-button acts (put to the vote, mark as resolved): one at a time, with the failure kept to show where
// the reader acted. Contexts pass their own error words (`explain`, stable: declared at module level).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.ts';
import type { ExplainError } from './use-form-submit.ts';

export function useAct(explain: ExplainError) {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ name: string; text: string; code: string } | null>(null);
  async function act(name: string, action: () => Promise<unknown>): Promise<boolean> {
    setBusy(name);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (error) {
      setFailure({ name, text: explain(error, i18n), code: error instanceof ApiError ? error.code : '' });
      return false;
    } finally {
      setBusy(null);
    }
  }
  return { busy, failure, act };
}
