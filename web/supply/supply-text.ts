// Words of the supply context: the error texts of the supply API (locales `supply.errors.<code>`, else
// the app's common texts), the form hook that uses them, and a runner for one-button acts.
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client.ts';
import { errorText } from '../app/error-text.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';

export function supplyErrorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    const key = `supply.errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return errorText(error, i18n);
}

/** app/use-form-submit.ts with the supply API's own error texts; `fields` are the body's keys. */
export const useSupplySubmit = (fields: readonly string[]) => useFormSubmit(fields, supplyErrorText);

/** True for an answer that says the viewer may not see this (the page shows less instead of failing). */
export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/** Runs one act (a button) at a time; keeps its failure to show where the reader acted. */
export function useSupplyAct() {
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
      setFailure({
        name,
        text: supplyErrorText(error, i18n),
        code: error instanceof ApiError ? error.code : '',
      });
      return false;
    } finally {
      setBusy(null);
    }
  }
  return { busy, failure, act };
}
