// Words of motions: the error texts of the motions API (locales `decisions.motions.errors.<code>`, then
// the decisions context's and the app's), and a form-submit hook that uses them.
import type { i18n as I18n } from 'i18next';
import { ApiError } from '../app/api-client.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { decisionErrorText } from './decisions-text.ts';

export function motionErrorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    const key = `decisions.motions.errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return decisionErrorText(error, i18n);
}

/** app/use-form-submit.ts with the motions' error texts; `fields` are the body keys the server may blame. */
export const useMotionSubmit = (fields: readonly string[]) => useFormSubmit(fields, motionErrorText);
