import type { i18n as I18n } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text.ts';
import { type FormErrors, formErrorsFrom, NO_FORM_ERRORS } from './form-errors.ts';

/** Words for a failed request; contexts pass their own (their codes first, then the app's). */
export type ExplainError = (error: unknown, i18n: I18n) => string;

/**
 * Runs a form's request once at a time and turns a failure into field and form errors. `fields`
 * are the names the server may blame (the request body's keys); `explain` must be a stable function
 * (declared at module level).
 */
export function useFormSubmit(fields: readonly string[], explain: ExplainError = errorText) {
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
        setErrors(formErrorsFrom(error, fields, (cause) => explain(cause, i18n)));
      } finally {
        setIsSubmitting(false);
      }
    },
    [fields, i18n, explain],
  );

  return { errors, setErrors, isSubmitting, run };
}
