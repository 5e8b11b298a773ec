// Prices error codes, each with when it happens, and their HTTP statuses (the context's one table).
import { MONEY_ERRORS } from '../../core/prices/caps.ts';
import { AppError, type ErrorKind } from '../platform/http-errors.ts';

export const PRICES_ERRORS = {
  'not-permitted': 'the signed-in person has no office in the council that allows this act',
  'not-a-member': 'prices are reported by active members of the council they are reported in',
  'council-not-found': 'the council id does not exist',
  'council-dissolved': 'the council was dissolved; it takes no new acts',
  'item-not-found': 'no item in the catalogue has this id',
  'commodity-not-found': 'no market-series commodity has this id',
  'unit-mismatch': 'a commodity links only to an item counted in a unit its series are priced per',
  ...MONEY_ERRORS,
  'observed-in-future': 'a price is reported for a day that has come (today at the latest)',
  'valid-to-before-from': 'a cap ends on or after the day it starts',
  'cap-above-parent': 'a council may set a lower cap than a body above it, never a higher one',
  'cap-not-found': 'no price cap has this id',
  'cap-not-proposed': 'only a proposed cap can be put to the vote (it is in a vote, or decided)',
  'violation-not-found': 'no price violation has this id',
  'violation-resolved': 'the violation was resolved: it takes only notes now',
  'note-required': 'a note says something: give its text',
} as const;
export type PricesErrorCode = keyof typeof PRICES_ERRORS;

const KIND: Record<PricesErrorCode, ErrorKind> = {
  'not-permitted': 'forbidden',
  'not-a-member': 'forbidden',
  'council-not-found': 'not-found',
  'council-dissolved': 'conflict',
  'item-not-found': 'not-found',
  'commodity-not-found': 'not-found',
  'unit-mismatch': 'conflict',
  'price-invalid': 'invalid',
  'price-not-positive': 'invalid',
  'price-too-precise': 'invalid',
  'price-too-large': 'invalid',
  'observed-in-future': 'invalid',
  'valid-to-before-from': 'invalid',
  'cap-above-parent': 'conflict',
  'cap-not-found': 'not-found',
  'cap-not-proposed': 'conflict',
  'violation-not-found': 'not-found',
  'violation-resolved': 'conflict',
  'note-required': 'invalid',
};

const FIELD: Partial<Record<PricesErrorCode, string>> = {
  'item-not-found': 'itemId',
  'observed-in-future': 'observedOn',
  'valid-to-before-from': 'validTo',
  'cap-above-parent': 'cap',
  'note-required': 'note',
};

/** `detail` adds what the fixed message cannot know (whose cap a proposal exceeds). */
export function pricesError(code: PricesErrorCode, field?: string, detail?: string): AppError {
  const message = detail ? `${PRICES_ERRORS[code]} (${detail})` : PRICES_ERRORS[code];
  return new AppError(KIND[code], code, message, field ?? FIELD[code]);
}
