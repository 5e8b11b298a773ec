// Join applications: the reference an applicant keeps, when an answer is due, and which status changes
// a secretary may make. Pure: the clock and the random bytes are passed in.
export const APPLICATION_STATUSES = ['pending', 'contacted', 'accepted', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type ApplicationDecision = 'contacted' | 'accepted' | 'declined';

/** Error codes of the members context, each with when it happens. */
export const MEMBERS_ERRORS = {
  'application-not-found': 'no join application has that id',
  'application-decided':
    'the application was already accepted or declined (perhaps by another officer just now)',
  'council-not-open': 'the council is dissolved or federated: people join base councils',
  'contact-required': 'a join application needs an email address or a phone number',
  'login-invalid': 'the login is neither an email address nor a phone number',
  'login-taken': 'another account already uses that email address or phone number',
  'invalid-credentials': 'the login and password do not match an account',
  'token-invalid': 'the link is unknown, already used or expired',
  'setup-done': 'an administrator already exists; use cabildo admin create to add another',
  'person-not-found': 'no person has that id',
  'not-an-officer': 'only officers of the council may see its applications and contact details',
  unauthenticated: 'sign in first',
} as const;
export type MembersErrorCode = keyof typeof MEMBERS_ERRORS;

// No 0/O, 1/I/L: references are read aloud and copied by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 'J-' and 8 characters (31^8 ≈ 8.5e11 possibilities); `bytes` must hold at least 8 random bytes. */
export function applicationReference(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('applicationReference needs 8 random bytes');
  let out = '';
  for (let i = 0; i < 8; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return `J-${out.slice(0, 4)}-${out.slice(4)}`;
}

const DAY_MS = 86_400_000;

export function dueDate(receivedAt: Date, answerDays: number): Date {
  return new Date(receivedAt.getTime() + answerDays * DAY_MS);
}

export function isOverdue(status: ApplicationStatus, dueAt: Date, now: Date): boolean {
  return (status === 'pending' || status === 'contacted') && dueAt.getTime() < now.getTime();
}

/** Open applications may be marked contacted, accepted or declined; decided ones are final. */
export function canTransition(from: ApplicationStatus, to: ApplicationDecision): boolean {
  if (from === 'accepted' || from === 'declined') return false;
  if (to === 'contacted') return from === 'pending';
  return true;
}
