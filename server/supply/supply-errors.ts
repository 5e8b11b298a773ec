// Supply error codes, each with when it happens, and their HTTP statuses (the context's one table).
import { RATION_RULE_ERRORS } from '../../core/supply/ration-rule.ts';
import { AppError, type ErrorKind } from '../platform/http-errors.ts';

export const SUPPLY_ERRORS = {
  'not-permitted': 'the signed-in person has no office in the council that allows this act',
  'council-not-found': 'the council id does not exist',
  'council-dissolved': 'the council was dissolved; its stock history is kept but it takes no new acts',
  'item-not-found': 'no item in the catalogue has this id',
  'item-name-taken': 'the catalogue already has an item of this name',
  'unit-duplicate': 'a unit is listed twice, or is the base unit itself',
  'unit-off-step':
    "a unit must be a whole multiple of the item's step (a pallet of cylinders, not half of one)",
  'unit-unknown': 'the item is not counted in this unit (see its units in the catalogue)',
  'depot-not-found': 'no depot or distribution point has this id',
  'depot-name-taken': 'the council already has a depot of this name',
  'quantity-not-positive': 'the quantity must be more than zero',
  'quantity-off-step':
    'the quantity is finer than the item allows (an indivisible item moves in whole units; at most 0.001 of the base unit)',
  'quantity-too-large': 'the quantity is larger than one event may move',
  'occurred-in-future': 'a stock event may be back-dated but may not happen in the future',
  'stock-would-go-negative':
    'the event would leave the depot with less than nothing of this item at some point in time (later events included)',
  'balance-too-large': "the depot's balance of this item would exceed the largest quantity kept",
  'source-required': 'a receipt says where the stock came from: donation, purchase or delivery',
  'source-not-allowed': 'only a receipt has a source',
  'reason-required': 'a loss, and a count that changes the balance, give a reason from the fixed list',
  'reason-not-allowed': 'only losses and counts have a reason',
  'stock-event-not-found': 'no stock event has this id',
  'already-reversed': 'this event was already reversed; each event is reversed at most once',
  'not-reversible':
    'reversals, counts that changed nothing and transfer legs cannot be reversed (transfers have their own acts)',
  'before-not-found': 'the `before` cursor is not an event of this depot and item',
  'same-depot': 'a transfer goes from one depot to another',
  'transfer-not-found': 'no transfer has this id',
  'transfer-already-received': 'the receiving council already confirmed this transfer',
  'quantities-do-not-add-up': 'accepted and rejected quantities must add up to the quantity sent',
  'not-a-base-council':
    'households are registered, and ration rules adopted, by base councils (a federated council sets limits)',
  'not-a-federated-council': 'only a body with councils under it sets limits on their ration rules',
  'household-not-found': 'no household has this id',
  'household-already-registered':
    'a household with this identity document is already registered in this council',
  'household-withdrawn': 'the household was withdrawn from the register; register it again if it returns',
  ...RATION_RULE_ERRORS,
  'ration-rule-not-found': 'no ration rule of this council has this id',
  'ration-rule-not-proposed': 'only a proposed rule can be put to the vote (it is in a vote, or decided)',
  'ration-rule-busy': 'another version of this rule was proposed at the same moment; try again',
  'no-rule-in-force': 'the council has adopted no ration rule for this item yet',
  'more-than-on-shelf': 'the round would divide more than the depot holds',
  'nothing-on-shelf': 'there is nothing of this item to divide at this depot',
  'no-households': 'the council has no active households registered',
  'round-not-found': 'no distribution round has this id',
  'round-closed': 'the round is closed: no more pick-ups',
  'household-not-in-round': 'this household is not on the round’s list',
  'already-picked-up': 'this household already collected its allocation in this round',
  'nothing-allocated': 'the household was allocated nothing in this round',
  'volunteer-not-member': 'the volunteer who handed out must be a member of the council',
} as const;
export type SupplyErrorCode = keyof typeof SUPPLY_ERRORS;

const KIND: Record<SupplyErrorCode, ErrorKind> = {
  'not-permitted': 'forbidden',
  'council-not-found': 'not-found',
  'council-dissolved': 'conflict',
  'item-not-found': 'not-found',
  'item-name-taken': 'conflict',
  'unit-duplicate': 'invalid',
  'unit-off-step': 'invalid',
  'unit-unknown': 'invalid',
  'depot-not-found': 'not-found',
  'depot-name-taken': 'conflict',
  'quantity-not-positive': 'invalid',
  'quantity-off-step': 'invalid',
  'quantity-too-large': 'invalid',
  'occurred-in-future': 'invalid',
  'stock-would-go-negative': 'conflict',
  'balance-too-large': 'conflict',
  'source-required': 'invalid',
  'source-not-allowed': 'invalid',
  'reason-required': 'invalid',
  'reason-not-allowed': 'invalid',
  'stock-event-not-found': 'not-found',
  'already-reversed': 'conflict',
  'not-reversible': 'conflict',
  'before-not-found': 'invalid',
  'same-depot': 'invalid',
  'transfer-not-found': 'not-found',
  'transfer-already-received': 'conflict',
  'quantities-do-not-add-up': 'invalid',
  'not-a-base-council': 'conflict',
  'not-a-federated-council': 'conflict',
  'household-not-found': 'not-found',
  'household-already-registered': 'conflict',
  'household-withdrawn': 'conflict',
  'per-person-invalid': 'invalid',
  'weight-invalid': 'invalid',
  'no-weight': 'invalid',
  'priority-class-empty': 'invalid',
  'priority-flag-unknown': 'invalid',
  'priority-flag-repeated': 'invalid',
  'cap-invalid': 'invalid',
  'cap-below-step': 'invalid',
  'loosens-parent-limit': 'conflict',
  'ration-rule-not-found': 'not-found',
  'ration-rule-not-proposed': 'conflict',
  'ration-rule-busy': 'conflict',
  'no-rule-in-force': 'conflict',
  'more-than-on-shelf': 'conflict',
  'nothing-on-shelf': 'conflict',
  'no-households': 'conflict',
  'round-not-found': 'not-found',
  'round-closed': 'conflict',
  'household-not-in-round': 'not-found',
  'already-picked-up': 'conflict',
  'nothing-allocated': 'conflict',
  'volunteer-not-member': 'invalid',
};

const FIELD: Partial<Record<SupplyErrorCode, string>> = {
  'item-name-taken': 'name',
  'unit-duplicate': 'units',
  'unit-off-step': 'units',
  'unit-unknown': 'unit',
  'depot-name-taken': 'name',
  'quantity-not-positive': 'quantity',
  'quantity-off-step': 'quantity',
  'quantity-too-large': 'quantity',
  'occurred-in-future': 'occurredAt',
  'stock-would-go-negative': 'quantity',
  'balance-too-large': 'quantity',
  'source-required': 'source',
  'source-not-allowed': 'source',
  'reason-required': 'reason',
  'reason-not-allowed': 'reason',
  'before-not-found': 'before',
  'same-depot': 'toDepotId',
  'quantities-do-not-add-up': 'accepted',
};

/** `detail` adds what the fixed message cannot know (whose limit a rule loosens). */
export function supplyError(code: SupplyErrorCode, field?: string, detail?: string): AppError {
  const message = detail ? `${SUPPLY_ERRORS[code]} (${detail})` : SUPPLY_ERRORS[code];
  return new AppError(KIND[code], code, message, field ?? FIELD[code]);
}

/** A unique index refused the row (a concurrent twin got there first): PostgreSQL's 23505. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}
