import type { i18n as I18n } from 'i18next';
import { ApiError } from './api-client.ts';

/**
 * The sentence shown for a failed request: a translated text for the error codes the app knows
 * (locales `apiErrors.<code>`), else the server's own message, else a generic line.
 */
export function errorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    const key = `apiErrors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
    if (error.status === 404) return i18n.t('apiErrors.not-found');
    if (error.status === 403 || error.status === 401) return i18n.t('apiErrors.forbidden');
    if (error.message) return error.message;
    if (error.status >= 500) return i18n.t('apiErrors.server');
  }
  return i18n.t('apiErrors.unknown');
}

/** A context's words for its API's error codes (locales `<context>.errors.<code>`), else the app's. */
export function contextErrorText(context: string) {
  return (error: unknown, i18n: I18n): string => {
    if (error instanceof ApiError) {
      const key = `${context}.errors.${error.code}`;
      if (i18n.exists(key)) return i18n.t(key);
    }
    return errorText(error, i18n);
  };
}
