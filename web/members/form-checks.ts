// Checks made in the browser before a form is sent, so the common mistakes are named at once and
// without a round trip. The server checks again; these only mirror its rules. Each check returns
// locale keys (under `validation.`) per field name.

export type FieldProblems = Record<string, string>;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export interface JoinValues {
  councilId: string | null;
  fullName: string;
  email: string;
  phone: string;
}

// Deliberately loose: one @, something on each side, a dot in the domain. The server decides.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkJoin(values: JoinValues): FieldProblems {
  const problems: FieldProblems = {};
  if (!values.councilId) problems.councilId = 'validation.councilRequired';
  if (values.fullName.trim() === '') problems.fullName = 'validation.nameRequired';
  const email = values.email.trim();
  const phone = values.phone.trim();
  if (email === '' && phone === '') problems.email = 'validation.contactRequired';
  else if (email !== '' && !EMAIL_SHAPE.test(email)) problems.email = 'validation.emailShape';
  if (phone !== '' && phone.replace(/\D/g, '').length < 6) problems.phone = 'validation.phoneShape';
  return problems;
}

export function checkPassword(password: string, confirmation: string): FieldProblems {
  const problems: FieldProblems = {};
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.password = 'validation.passwordShort';
  else if ([...password].length > PASSWORD_MAX_LENGTH) problems.password = 'validation.passwordLong';
  else if (password !== confirmation) problems.confirmation = 'validation.passwordMismatch';
  return problems;
}

export function checkLogin(login: string, password: string): FieldProblems {
  const problems: FieldProblems = {};
  if (login.trim() === '') problems.login = 'validation.loginRequired';
  if (password === '') problems.password = 'validation.passwordRequired';
  return problems;
}

/** Where to go after logging in: only a path on this site (no `//host`, no scheme), else /me. */
export function safeNext(next: string | null): string {
  if (next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return '/me';
}

export function checkSetup(values: {
  fullName: string;
  login: string;
  password: string;
  confirmation: string;
}): FieldProblems {
  const problems: FieldProblems = {};
  if (values.fullName.trim() === '') problems.fullName = 'validation.nameRequired';
  if (values.login.trim() === '') problems.login = 'validation.loginRequired';
  return { ...problems, ...checkPassword(values.password, values.confirmation) };
}

/** Values for the placeholders of the `validation.` texts. */
export const LIMITS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
