// A login is an email address or a phone number. Emails compare lower-cased; phones compare as '+' and
// digits only, so "+591 7 123-4567" and "+59171234567" are the same login.
export type LoginKind = 'email' | 'phone';

export type NormalisedLogin =
  | { ok: true; login: string; kind: LoginKind }
  | { ok: false; error: 'login-invalid' };

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/;

export function normaliseLogin(raw: string): NormalisedLogin {
  const text = raw.trim();
  if (text.includes('@')) {
    const lower = text.toLowerCase();
    return EMAIL.test(lower)
      ? { ok: true, login: lower, kind: 'email' }
      : { ok: false, error: 'login-invalid' };
  }
  const phone = normalisePhone(text);
  return phone ? { ok: true, login: phone, kind: 'phone' } : { ok: false, error: 'login-invalid' };
}

/** '+' kept when given, separators dropped; 6 to 15 digits (E.164 allows at most 15). */
export function normalisePhone(raw: string): string | null {
  const text = raw.trim();
  if (!/^\+?[0-9 ().-]+$/.test(text)) return null;
  const digits = text.replace(/[^0-9]/g, '');
  if (digits.length < 6 || digits.length > 15) return null;
  return text.startsWith('+') ? `+${digits}` : digits;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
