// Members error codes (listed with their meaning in core/members/join-applications.ts) as HTTP errors.
import { MEMBERS_ERRORS, type MembersErrorCode } from '../../core/members/index.ts';
import { AppError, type ErrorKind } from '../platform/http-errors.ts';

const KIND: Record<MembersErrorCode, ErrorKind> = {
  'application-not-found': 'not-found',
  'application-decided': 'conflict',
  'council-not-open': 'invalid',
  'contact-required': 'invalid',
  'login-invalid': 'invalid',
  'login-taken': 'conflict',
  'invalid-credentials': 'unauthenticated',
  'token-invalid': 'not-found',
  'setup-done': 'conflict',
  'person-not-found': 'not-found',
  'not-an-officer': 'forbidden',
  unauthenticated: 'unauthenticated',
};

export function membersError(code: MembersErrorCode, field?: string): AppError {
  return new AppError(KIND[code], code, MEMBERS_ERRORS[code], field);
}
