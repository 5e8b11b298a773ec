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
  'not-a-federation': 'invalid',
  'no-apportionment-rule': 'conflict',
  'apportionment-unchanged': 'conflict',
  'effective-at-in-past': 'invalid',
  // Apportionment's own errors: the stored rule does not fit the children the council has now.
  'no-children': 'conflict',
  'minimum-exceeds-total': 'conflict',
  'total-seats-invalid': 'conflict',
  'no-members': 'conflict',
  // Mandates.
  'mandate-not-found': 'not-found',
  'mandate-ended': 'conflict',
  'mandate-not-held': 'forbidden',
  'no-parent-council': 'conflict',
  'no-seats-apportioned': 'conflict',
  'too-many-winners': 'invalid',
  'duplicate-candidate': 'invalid',
  'holder-not-eligible': 'invalid',
  'order-contradicts-count': 'invalid',
  'term-end-invalid': 'invalid',
  // Recall petitions.
  'petition-not-found': 'not-found',
  'petition-already-open': 'conflict',
  'already-signed': 'conflict',
  'not-a-member-of-sender': 'forbidden',
};

const FIELD: Partial<Record<FederationErrorCode, string>> = {
  'parent-not-federation': 'parentId',
  'move-into-own-subtree': 'parentId',
  'level-required': 'level',
  'level-only-for-federations': 'level',
  'not-a-member': 'personId',
  'not-a-federation': 'id',
  'effective-at-in-past': 'effectiveAt',
  'minimum-exceeds-total': 'minimumPerChild',
  'total-seats-invalid': 'totalSeats',
  'too-many-winners': 'winners',
  'term-end-invalid': 'termEndsAt',
};

export function federationError(code: FederationErrorCode, field?: string): AppError {
  return new AppError(KIND[code], code, FEDERATION_ERRORS[code], field ?? FIELD[code]);
}
