import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { errorsFromProblems, fieldName, formErrorsFrom, hasErrors, summaryItems } from './form-errors.ts';

const describeError = (error: unknown) => (error instanceof Error ? error.message : 'generic');
const joinFields = ['councilId', 'fullName', 'email', 'phone'];

describe('error-to-field mapping', () => {
  it.each([
    ['email', 'email'],
    ['body.email', 'email'],
    ['/body/email', 'email'],
    ['body/0/email', 'email'],
    ['items[2].phone', 'phone'],
  ])('reads the server field %s as the form field %s', (field, expected) => {
    expect(fieldName(field)).toBe(expected);
  });

  it('puts the message next to the field the server named', () => {
    const error = new ApiError(400, 'invalid', 'Email is not valid', 'email');
    expect(formErrorsFrom(error, joinFields, describeError)).toEqual({
      fields: { email: 'Email is not valid' },
      form: null,
    });
  });

  it('puts the message on the form when the named field is not on this form', () => {
    const error = new ApiError(400, 'invalid', 'Locale is not supported', 'locale');
    expect(formErrorsFrom(error, joinFields, describeError)).toEqual({
      fields: {},
      form: 'Locale is not supported',
    });
  });

  it('puts the message on the form when no field is named', () => {
    const error = new ApiError(401, 'invalid-credentials', 'Wrong login or password');
    expect(formErrorsFrom(error, ['login', 'password'], describeError).form).toBe('Wrong login or password');
  });

  it('handles failures that are not API errors', () => {
    expect(formErrorsFrom('boom', joinFields, describeError)).toEqual({ fields: {}, form: 'generic' });
  });

  it('lists the form message first, then field messages linked to their inputs', () => {
    const items = summaryItems(
      { form: 'Try again', fields: { email: 'Bad email', secret: 'No input for this' } },
      { email: 'join-email' },
    );
    expect(items).toEqual([
      { message: 'Try again' },
      { message: 'Bad email', fieldId: 'join-email' },
      { message: 'No input for this' },
    ]);
  });

  it('translates browser-side problems and counts them as errors', () => {
    const errors = errorsFromProblems({ fullName: 'validation.nameRequired' }, (key) => `«${key}»`);
    expect(errors.fields.fullName).toBe('«validation.nameRequired»');
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors({ fields: {}, form: null })).toBe(false);
  });
});
