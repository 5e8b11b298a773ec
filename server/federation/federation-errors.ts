// Federation error codes (listed with their meaning in core/federation/councils.ts) as HTTP errors.
import { FEDERATION_ERRORS, type FederationErrorCode } from '../../core/federation/index.ts';
import { AppError, type ErrorKind } from '../platform/http-errors.ts';

const KIND: Record<FederationErrorCode, ErrorKind> = {
  'council-not-found': 'not-found',
  'council-dissolved': 'conflict',
  'parent-not-federation': 'invalid',
  'move-into-own-subtree': 'invalid',
  'level-required': 'invalid',
  'level-only-for-federations': 'invalid',
  'has-active-children': 'conflict',
  'not-a-member': 'invalid',
  'office-not-held': 'not-found',
  'office-already-held': 'conflict',
  'not-permitted': 'forbidden',
};

const FIELD: Partial<Record<FederationErrorCode, string>> = {
  'parent-not-federation': 'parentId',
  'move-into-own-subtree': 'parentId',
  'level-required': 'level',
  'level-only-for-federations': 'level',
  'not-a-member': 'personId',
};

export function federationError(code: FederationErrorCode, field?: string): AppError {
  return new AppError(KIND[code], code, FEDERATION_ERRORS[code], field ?? FIELD[code]);
}
