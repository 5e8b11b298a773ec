// Decisions error codes (listed with their meaning in core/decisions/polls/poll-rules.ts) as HTTP errors.
import { DECISION_ERRORS, type DecisionErrorCode } from '../../core/decisions/index.ts';
import { AppError, type ErrorKind } from '../platform/http-errors.ts';

const KIND: Record<DecisionErrorCode, ErrorKind> = {
  'assembly-not-found': 'not-found',
  'assembly-not-in-session': 'conflict',
  'assembly-closed': 'conflict',
  'notice-too-short': 'invalid',
  'polls-still-open': 'conflict',
  'starts-in-past': 'invalid',
  'not-entitled': 'forbidden',
  'already-checked-in': 'conflict',
  'not-checked-in': 'conflict',
  'quorum-not-met': 'conflict',
  'poll-not-found': 'not-found',
  'poll-closed': 'conflict',
  'already-voted': 'conflict',
  'wrong-option': 'invalid',
  'too-many-marks': 'invalid',
  'duplicate-mark': 'invalid',
  'split-not-allowed': 'invalid',
  'split-does-not-add-up': 'invalid',
  'wrong-ballot-kind': 'invalid',
  'mandate-required': 'invalid',
  'mandate-not-for-this-body': 'forbidden',
  'poll-shape-invalid': 'invalid',
  'not-permitted': 'forbidden',
  'not-published': 'conflict',
  'recall-vote-exists': 'conflict',
  'petition-not-vote-due': 'conflict',
};

export function decisionError(code: DecisionErrorCode, field?: string): AppError {
  return new AppError(KIND[code], code, DECISION_ERRORS[code], field);
}
