// Turns a failed request into what a form shows: a message next to the field the server named, or
// a message for the whole form when the field is unknown to this form (or not named at all).
import { ApiError } from './api-client.ts';

export interface FormErrors {
  /** Message per form field name. */
  fields: Record<string, string>;
  /** Message about the form as a whole, when no field of this form is to blame. */
  form: string | null;
}

export const NO_FORM_ERRORS: FormErrors = { fields: {}, form: null };

/**
 * The server may name a field as `email`, `body.email`, `/body/email` or `body/0/email`: the last
 * segment is the form field.
 */
export function fieldName(field: string): string {
  const segments = field.split(/[./[\]]+/).filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  return segments.at(-1) ?? field;
}

export function formErrorsFrom(
  error: unknown,
  formFields: readonly string[],
  describeError: (error: unknown) => string,
): FormErrors {
  const message = describeError(error);
  if (error instanceof ApiError && error.field) {
    const name = fieldName(error.field);
    if (formFields.includes(name)) return { fields: { [name]: message }, form: null };
  }
  return { fields: {}, form: message };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.form !== null || Object.keys(errors.fields).length > 0;
}

/** The entries of a form's error summary: the form message first, then each field's, linking to it. */
export function summaryItems(
  errors: FormErrors,
  fieldIds: Record<string, string>,
): { message: string; fieldId?: string }[] {
  const items: { message: string; fieldId?: string }[] = [];
  if (errors.form) items.push({ message: errors.form });
  for (const [field, message] of Object.entries(errors.fields)) {
    const fieldId = fieldIds[field];
    items.push(fieldId ? { message, fieldId } : { message });
  }
  return items;
}

/** Browser-side check results (locale keys per field) as form errors, translated. */
export function errorsFromProblems(
  problems: Record<string, string>,
  translate: (key: string) => string,
): FormErrors {
  const fields: Record<string, string> = {};
  for (const [field, key] of Object.entries(problems)) fields[field] = translate(key);
  return { fields, form: null };
}
