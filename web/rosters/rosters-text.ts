// Words of the rosters context: the error texts of the rosters API (locales `rosters.errors.<code>`,
// else the app's), the form hook and the one-button runner that use them.
import { contextErrorText } from '../app/error-text.ts';
import { useAct } from '../app/use-act.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';

export const rostersErrorText = contextErrorText('rosters');

export const useRostersSubmit = (fields: readonly string[]) => useFormSubmit(fields, rostersErrorText);

export const useRostersAct = () => useAct(rostersErrorText);
