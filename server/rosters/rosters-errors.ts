// Rosters error codes, each with when it happens, and their HTTP statuses (the context's one table).
import { ROSTER_RULE_ERRORS } from '../../core/rosters/fairness.ts';
import { TEMPLATE_ERRORS } from '../../core/rosters/shift-templates.ts';
import { AppError, type ErrorKind } from '../platform/http-errors.ts';

export const ROSTERS_ERRORS = {
  'not-permitted':
    'the signed-in person has no office in the council, or does not lead the shift, to allow this act',
  'not-a-member':
    "shifts are signed up for by active members of the shift's council (this shift belongs to another council)",
  'council-not-found': 'the council id does not exist',
  'council-dissolved': 'the council was dissolved; its roster history is kept but it takes no new acts',
  'not-a-base-council': 'rosters belong to base councils: a federated council has no members to sign up',
  'time-zone-unknown': 'the time zone is not an IANA zone name such as America/La_Paz',
  'ends-before-starts': 'a shift ends after it starts',
  'shift-too-long': 'a shift lasts 24 hours at most; split longer duties into several shifts',
  'depot-not-found': 'no depot of this council has this id',
  'round-not-found': 'no distribution round of this council has this id',
  'lead-not-member': 'the shift lead must be an active member of the council',
  'shift-not-found': 'no shift has this id',
  'shift-cancelled': 'the shift was cancelled',
  'already-signed-up': 'the person is already signed up for this shift',
  'shift-full': 'every place of the shift is taken',
  'overlapping-shift': 'the person is already signed up for a shift at an overlapping time',
  'training-required': 'the shift requires a training the person does not have on record in the council',
  'not-signed-up': 'the person has no live sign-up for this shift',
  'shift-not-started': 'attendance is marked once the shift has started',
  ...ROSTER_RULE_ERRORS,
  'template-not-found': 'no shift template has this id',
  'template-name-taken': 'the council already has a template of this name',
  ...TEMPLATE_ERRORS,
  'range-too-long-for-view': 'a roster view covers 62 days at most',
  'person-not-member': 'the person is not an active member of the council',
  'training-recorded': 'this training is already on record for the person',
  'occurred-in-future': 'an incident is recorded after it happened',
  'feed-not-found': 'no live calendar feed has this token or id (it may have been revoked)',
} as const;
export type RostersErrorCode = keyof typeof ROSTERS_ERRORS;

const KIND: Record<RostersErrorCode, ErrorKind> = {
  'not-permitted': 'forbidden',
  'not-a-member': 'forbidden',
  'council-not-found': 'not-found',
  'council-dissolved': 'conflict',
  'not-a-base-council': 'conflict',
  'time-zone-unknown': 'invalid',
  'ends-before-starts': 'invalid',
  'shift-too-long': 'invalid',
  'depot-not-found': 'not-found',
  'round-not-found': 'not-found',
  'lead-not-member': 'invalid',
  'shift-not-found': 'not-found',
  'shift-cancelled': 'conflict',
  'already-signed-up': 'conflict',
  'shift-full': 'conflict',
  'overlapping-shift': 'conflict',
  'training-required': 'forbidden',
  'not-signed-up': 'not-found',
  'shift-not-started': 'conflict',
  'shift-started': 'conflict',
  'beyond-horizon': 'conflict',
  'inside-cancellation-window': 'conflict',
  'weekly-hours-exceeded': 'conflict',
  'template-not-found': 'not-found',
  'template-name-taken': 'conflict',
  'slot-time-invalid': 'invalid',
  'slot-empty': 'invalid',
  'range-invalid': 'invalid',
  'range-too-long': 'invalid',
  'range-too-long-for-view': 'invalid',
  'person-not-member': 'invalid',
  'training-recorded': 'conflict',
  'occurred-in-future': 'invalid',
  'feed-not-found': 'not-found',
};

const FIELD: Partial<Record<RostersErrorCode, string>> = {
  'time-zone-unknown': 'timeZone',
  'ends-before-starts': 'endsAt',
  'shift-too-long': 'endsAt',
  'depot-not-found': 'depotId',
  'round-not-found': 'distributionRoundId',
  'lead-not-member': 'leadPersonId',
  'template-name-taken': 'name',
  'slot-time-invalid': 'slots',
  'slot-empty': 'slots',
  'range-invalid': 'to',
  'range-too-long': 'to',
  'range-too-long-for-view': 'to',
  'person-not-member': 'personId',
  'training-recorded': 'training',
  'occurred-in-future': 'occurredAt',
};

/** `detail` adds what the fixed message cannot know (the hours of the week, the colliding shift). */
export function rostersError(code: RostersErrorCode, field?: string, detail?: string): AppError {
  const message = detail ? `${ROSTERS_ERRORS[code]} (${detail})` : ROSTERS_ERRORS[code];
  return new AppError(KIND[code], code, message, field ?? FIELD[code]);
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}
