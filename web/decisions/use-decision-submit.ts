import { useFormSubmit } from '../app/use-form-submit.ts';
import { decisionErrorText } from './decisions-text.ts';

/**
 * app/use-form-submit.ts with the decisions API's own error texts (notice too short, no quorum, already
 * voted…). `fields` are the request body's keys the server may blame.
 */
export const useDecisionSubmit = (fields: readonly string[]) => useFormSubmit(fields, decisionErrorText);
