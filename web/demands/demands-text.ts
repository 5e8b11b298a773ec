// Words of the demands context: the error texts of the demands API (its codes live in the actions
// context's table on the server; locales `demands.errors.<code>`, else the app's), the form hook and the
// one-button runner that use them.
import { contextErrorText } from '../app/error-text.ts';
import { useAct } from '../app/use-act.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';

export const demandsErrorText = contextErrorText('demands');

export const useDemandsSubmit = (fields: readonly string[]) => useFormSubmit(fields, demandsErrorText);

export const useDemandsAct = () => useAct(demandsErrorText);
