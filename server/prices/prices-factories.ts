// Factories for the prices tests: a local federation with two base councils (delegates seated, so the
// federation votes too), an item of the catalogue sold by the kilo or the 50 kg sack (through supply's
// index), and caps adopted through the product's own path — proposed, put to the vote over HTTP, voted
// and closed.
import { expect } from 'vitest';
import { castBallot, closePoll } from '../decisions/index.ts';
import { insertOffice } from '../federation/index.ts';
import type { Viewer } from '../platform/sessions.ts';
import { createItem } from '../supply/index.ts';
import {
  buildAdmin,
  buildLocalFederation,
  buildMember,
  TestClient,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';
import { findPriceCap } from './price-caps.store.ts';
import { type ProposePriceCapInput, proposePriceCap } from './propose-price-cap.ts';

let counter = 0;

/** An item of the catalogue, by the kilo and the 50 kg sack unless told otherwise. */
export async function buildPriceItem(
  s: TestServer,
  admin: Viewer,
  overrides: { name?: string; baseUnit?: string; units?: Array<{ unit: string; baseUnits: string }> } = {},
) {
  counter += 1;
  return createItem(s.db, admin, {
    name: `Arroz ${Date.now().toString(36)}-${counter}`,
    category: 'food',
    baseUnit: 'kg',
    step: '0.001',
    units: [{ unit: 'sack 50 kg', baseUnits: '50' }],
    ...overrides,
  });
}

export async function buildPricePlace(s: TestServer) {
  const admin = viewerOf((await buildAdmin(s.db)).personId, true);
  const fed = await buildLocalFederation(s.db, 2);
  const base = fed.bases[0]!;
  const secretary = fed.baseSecretaries[0]!;
  const chair = await buildMember(s.db, base);
  await insertOffice(s.db, base, 'chair', chair.personId);
  const treasurer = await buildMember(s.db, base);
  await insertOffice(s.db, base, 'treasurer', treasurer.personId);
  const members = await Promise.all([1, 2, 3].map(() => buildMember(s.db, base)));
  const rice = await buildPriceItem(s, admin);
  return {
    admin,
    local: fed.local,
    localSecretary: fed.secretary,
    base,
    otherBase: fed.bases[1]!,
    otherMember: fed.delegates[1]!,
    secretary,
    chair,
    treasurer,
    members,
    rice,
    /** Who votes where: the base council's members; the federation's seated delegates. */
    voters: {
      [base]: [secretary, chair, treasurer, ...members].map((m) => ({ personId: m.personId })),
      [fed.local]: fed.delegates.map((d, i) => ({ personId: d.personId, mandateId: fed.mandates[i]! })),
    } as Record<string, Array<{ personId: string; mandateId?: string }>>,
  };
}

export type PricePlace = Awaited<ReturnType<typeof buildPricePlace>>;

const proposerOf = (p: PricePlace, councilId: string) =>
  councilId === p.local ? p.localSecretary : p.secretary;

/** Proposes a cap as the council's secretary and opens its vote over HTTP; returns the cap and poll. */
export async function putCapToVote(
  s: TestServer,
  p: PricePlace,
  councilId: string,
  input: Partial<ProposePriceCapInput> & { cap: string },
) {
  const proposer = proposerOf(p, councilId);
  const cap = await proposePriceCap(s.db, viewerOf(proposer.personId), councilId, {
    itemId: p.rice.id,
    currency: 'BOB',
    validFrom: '2026-01-01',
    validTo: null,
    note: null,
    ...input,
  });
  const client = await TestClient.signedIn(s.app, proposer.login);
  const opened = await client.request('POST', `/api/v1/price-caps/${cap.id}/poll`, {});
  expect(opened.statusCode, opened.body).toBe(201);
  return { capId: cap.id, pollId: opened.json().pollId as string, proposer: viewerOf(proposer.personId) };
}

/** Every voter of the council votes `choice`, and the proposer closes the poll. */
export async function decideVote(
  s: TestServer,
  p: PricePlace,
  councilId: string,
  vote: { pollId: string; proposer: Viewer },
  choice: 'yes' | 'no' = 'yes',
) {
  for (const v of p.voters[councilId]!)
    await castBallot(s.db, viewerOf(v.personId), vote.pollId, { ballot: { choice }, mandateId: v.mandateId });
  await closePoll(s.db, vote.proposer, vote.pollId);
}

/** A cap proposed, voted yes and closed: adopted unless a body above has a lower one. */
export async function adoptCap(
  s: TestServer,
  p: PricePlace,
  councilId: string,
  input: Partial<ProposePriceCapInput> & { cap: string },
) {
  const vote = await putCapToVote(s, p, councilId, input);
  await decideVote(s, p, councilId, vote);
  return (await findPriceCap(s.db, vote.capId))!;
}
