import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsFrom, NO_FORM_ERRORS } from '../app/form-errors.ts';
import { decisionErrorText } from './decisions-text.ts';

/**
 * Like app/use-form-submit.ts, with the decisions API's own error texts (notice too short, no quorum,
 * already voted…). `fields` are the request body's keys the server may blame.
 */
export function useDecisionSubmit(fields: readonly string[]) {
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
        setErrors(formErrorsFrom(error, fields, (cause) => decisionErrorText(cause, i18n)));
      } finally {
        setIsSubmitting(false);
      }
    },
    [fields, i18n],
  );

  return { errors, setErrors, isSubmitting, run };
}
