// Words of the supply context: the error texts of the supply API (locales `supply.errors.<code>`, else
// the app's common texts), the form hook that uses them, and a runner for one-button acts.
import { ApiError } from '../app/api-client.ts';
import { contextErrorText } from '../app/error-text.ts';
import { useAct } from '../app/use-act.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';

export const supplyErrorText = contextErrorText('supply');

/** app/use-form-submit.ts with the supply API's own error texts; `fields` are the body's keys. */
export const useSupplySubmit = (fields: readonly string[]) => useFormSubmit(fields, supplyErrorText);

/** True for an answer that says the viewer may not see this (the page shows less instead of failing). */
export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/** Runs one act (a button) at a time; keeps its failure to show where the reader acted. */
export const useSupplyAct = () => useAct(supplyErrorText);
