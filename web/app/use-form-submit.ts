import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text.ts';
import { type FormErrors, formErrorsFrom, NO_FORM_ERRORS } from './form-errors.ts';

/**
 * Runs a form's request once at a time and turns a failure into field and form errors. `fields`
 * are the names the server may blame (the request body's keys).
 */
export function useFormSubmit(fields: readonly string[]) {
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
        setErrors(formErrorsFrom(error, fields, (cause) => errorText(cause, i18n)));
      } finally {
        setIsSubmitting(false);
      }
    },
    [fields, i18n],
  );

  return { errors, setErrors, isSubmitting, run };
}
