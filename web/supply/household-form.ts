// The household form's pure part: what a distribution officer typed becomes the request body, or a
// locale key per field. The server checks again; these checks catch what can be seen before sending.
import type { AgeBand, Household, HouseholdInput, PriorityFlag } from './supply-types.ts';
import { AGE_BANDS, PRIORITY_FLAGS } from './supply-types.ts';

export type Problems = Record<string, string>;

/** The most people a household may have (core/supply/ration-rule.ts MAX_HOUSEHOLD_PEOPLE). */
export const MAX_HOUSEHOLD_PEOPLE = 500;

export interface HouseholdValues {
  headName: string;
  address: string;
  phone: string;
  people: Record<AgeBand, string>;
  flags: PriorityFlag[];
  /** Empty when editing means "keep the one on file". */
  identityDocument: string;
}

export const EMPTY_HOUSEHOLD: HouseholdValues = {
  headName: '',
  address: '',
  phone: '',
  people: { infant: '0', child: '0', adult: '1', elder: '0' },
  flags: [],
  identityDocument: '',
};

export function householdValues(household: Household): HouseholdValues {
  return {
    headName: household.headName,
    address: household.address,
    phone: household.phone ?? '',
    people: {
      infant: String(household.people.infant),
      child: String(household.people.child),
      adult: String(household.people.adult),
      elder: String(household.people.elder),
    },
    flags: [...household.flags],
    identityDocument: '',
  };
}

const count = (typed: string) => (/^\d{1,3}$/.test(typed.trim()) ? Number(typed.trim()) : null);

/** Band fields are named by band (`infant`…, as the server names them); the whole make-up `people`. */
export function checkHousehold(values: HouseholdValues): Problems {
  const problems: Problems = {};
  if (!values.headName.trim()) problems.headName = 'supply.household.check.headName';
  if (!values.address.trim()) problems.address = 'supply.household.check.address';
  const phone = values.phone.trim();
  if (phone && phone.length < 3) problems.phone = 'supply.household.check.phone';
  let total = 0;
  for (const band of AGE_BANDS) {
    const n = count(values.people[band]);
    if (n === null) problems[band] = 'supply.household.check.count';
    else total += n;
  }
  if (!AGE_BANDS.some((band) => problems[band])) {
    if (total < 1) problems.people = 'supply.household.check.nobody';
    else if (total > MAX_HOUSEHOLD_PEOPLE) problems.people = 'supply.household.check.tooMany';
  }
  const document = values.identityDocument.trim();
  if (document && !/^[\p{L}\p{N}][\p{L}\p{N} .\-/]{2,39}$/u.test(document))
    problems.identityDocument = 'supply.household.check.document';
  return problems;
}

/** The body of a registration (POST) or a change (PATCH: the document only when one was typed). */
export function householdBody(values: HouseholdValues, isChange: boolean): HouseholdInput {
  const people = Object.fromEntries(
    AGE_BANDS.map((band) => [band, count(values.people[band]) ?? 0]),
  ) as Record<AgeBand, number>;
  const document = values.identityDocument.trim();
  const body: HouseholdInput = {
    headName: values.headName.trim(),
    address: values.address.trim(),
    phone: values.phone.trim() || null,
    people,
    flags: PRIORITY_FLAGS.filter((flag) => values.flags.includes(flag)),
  };
  if (document) body.identityDocument = document;
  else if (!isChange) body.identityDocument = null;
  return body;
}
