// Words of the calls-to-action context: the error texts of its API (codes in the server's actions
// table; locales `actions.errors.<code>`, else the app's), the form hook and the one-button runner.
import { contextErrorText } from '../app/error-text.ts';
import { useAct } from '../app/use-act.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';

export const actionsErrorText = contextErrorText('actions');

export const useActionsSubmit = (fields: readonly string[]) => useFormSubmit(fields, actionsErrorText);

export const useActionsAct = () => useAct(actionsErrorText);
