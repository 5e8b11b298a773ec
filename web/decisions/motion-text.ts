// Words of motions: the error texts of the motions API (locales `decisions.motions.errors.<code>`, then
// the decisions context's and the app's), and a form-submit hook that uses them.
import type { i18n as I18n } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client.ts';
import { type FormErrors, formErrorsFrom, NO_FORM_ERRORS } from '../app/form-errors.ts';
import { decisionErrorText } from './decisions-text.ts';

export function motionErrorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    const key = `decisions.motions.errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return decisionErrorText(error, i18n);
}

/** use-decision-submit.ts with the motions' error texts; `fields` are the body keys the server may blame. */
export function useMotionSubmit(fields: readonly string[]) {
  const { i18n } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const run = useCallback(
    async (action: () => Promise<void>) => {
      setIsSubmitting(true);
      setErrors(NO_FORM_ERRORS);
      try {
        await action();
      } catch (error) {
        setErrors(formErrorsFrom(error, fields, (cause) => motionErrorText(cause, i18n)));
      } finally {
        setIsSubmitting(false);
      }
    },
    [fields, i18n],
  );

  return { errors, setErrors, isSubmitting, run };
}
