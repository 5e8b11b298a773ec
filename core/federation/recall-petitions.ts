// Recall petitions, pure part: who may open or sign one, and how many signatures cross the threshold.
// The recall vote a crossed petition calls for arrives with polls (issue 5).

export const DEFAULT_RECALL_THRESHOLD_PERCENT = 20;

/** Error codes of recall petitions, each with when it happens (merged into FEDERATION_ERRORS). */
export const RECALL_PETITION_ERRORS = {
  'petition-not-found': 'the recall petition id does not exist',
  'petition-already-open':
    'a recall petition against this mandate is already gathering signatures or awaiting its recall vote',
  'already-signed': 'this person has already signed this recall petition',
  'not-a-member-of-sender':
    'only members of the council that sent the delegate may open or sign a petition to recall them',
} as const;
export type RecallPetitionErrorCode = keyof typeof RECALL_PETITION_ERRORS;

/**
 * Signatures needed: `percent` of `members`, rounded up, at least one — exact in integers, so 20 % of
 * 11 members is 3 (2.2 rounded up), never 2.
 */
export function recallSignaturesNeeded(members: number, percent: number): number {
  // Integer ceiling of members × percent / 100 (both are integers).
  return Math.max(1, Math.floor((members * percent + 99) / 100));
}

/**
 * The members of the sending council may petition: a base council's active members; a federated
 * council's members are its seats, so the delegates seated in it.
 */
export function mayPetition(f: {
  sendingIsBase: boolean;
  isActiveMember: boolean;
  sitsInSender: boolean;
}): boolean {
  return f.sendingIsBase ? f.isActiveMember : f.sitsInSender;
}
