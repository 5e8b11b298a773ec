import type { i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import es from '../locales/es.json';
import { ApiError } from './api-client';
import { errorText } from './error-text';

/** Just enough of i18next to look texts up in es.json. */
const messages = es as unknown as Record<string, Record<string, string>>;
const i18n = {
  exists: (key: string) => lookup(key) !== undefined,
  t: (key: string) => lookup(key) ?? key,
} as unknown as I18n;

function lookup(key: string): string | undefined {
  const [group, ...rest] = key.split('.');
  return messages[group ?? '']?.[rest.join('.')];
}

describe('the sentence shown for a failed request', () => {
  it('uses the translated text of a known error code', () => {
    const error = new ApiError(401, 'invalid-credentials', 'the login and password do not match an account');
    expect(errorText(error, i18n)).toBe('El usuario o la contraseña no son correctos.');
  });

  it('falls back to the server message for a code the app does not know', () => {
    expect(errorText(new ApiError(409, 'brand-new-code', 'something specific'), i18n)).toBe(
      'something specific',
    );
  });

  it('names a missing thing by its status when the code is unknown', () => {
    expect(errorText(new ApiError(404, 'council-gone', 'no council has that id'), i18n)).toBe(
      'No se encontró lo que busca.',
    );
  });

  it('explains a lost connection and a server failure in the reader’s language', () => {
    expect(errorText(new ApiError(0, 'network', ''), i18n)).toContain('conexión');
    expect(errorText(new ApiError(502, 'http-502', ''), i18n)).toBe(lookup('apiErrors.server'));
  });

  it('has a last resort for anything else', () => {
    expect(errorText(new Error('boom'), i18n)).toBe(lookup('apiErrors.unknown'));
  });
});
