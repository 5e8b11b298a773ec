// Factories for the demands tests: a base council with its officers and members (the voters), another
// council whose secretary endorses, and demands adopted through the product's own path — proposed and
// put to the vote over HTTP, voted and closed.
import { expect } from 'vitest';
import { castBallot, closePoll } from '../decisions/index.ts';
import {
  buildCouncil,
  buildMember,
  buildOfficer,
  TestClient,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';

export async function buildDemandPlace(s: TestServer) {
  const base = await buildCouncil(s.db, { kind: 'mine' });
  const secretary = await buildOfficer(s.db, base, 'secretary');
  const chair = await buildOfficer(s.db, base, 'chair');
  const treasurer = await buildOfficer(s.db, base, 'treasurer');
  const members = [await buildMember(s.db, base), await buildMember(s.db, base)];
  const other = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const otherSecretary = await buildOfficer(s.db, other, 'secretary');
  const otherMember = await buildMember(s.db, other);
  return {
    base,
    secretary,
    chair,
    treasurer,
    members,
    other,
    otherSecretary,
    otherMember,
    voters: [secretary, chair, treasurer, ...members],
  };
}
export type DemandPlace = Awaited<ReturnType<typeof buildDemandPlace>>;

export interface DemandDraft {
  text: string;
  addressee: string;
  raisedOn?: string | null;
}

export const draft = (n: number, addressee = 'Ministry of Labour'): DemandDraft => ({
  text: `Point ${n}: wages paid on time`,
  addressee,
});

/** Proposes the drafts as one batch (the secretary) and opens its vote over HTTP. */
export async function putDemandsToVote(s: TestServer, p: DemandPlace, drafts: DemandDraft[]) {
  const client = await TestClient.signedIn(s.app, p.secretary.login);
  const proposed = await client.request('POST', `/api/v1/councils/${p.base}/demands`, { demands: drafts });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const batchId = proposed.json().batchId as string;
  const opened = await client.request('POST', `/api/v1/demand-batches/${batchId}/poll`, {});
  expect(opened.statusCode, opened.body).toBe(201);
  return {
    batchId,
    demandIds: (proposed.json().demands as Array<{ id: string }>).map((d) => d.id),
    pollId: opened.json().pollId as string,
  };
}

/** Every voter votes `choice`; the poll stays open. */
export async function voteOn(s: TestServer, p: DemandPlace, pollId: string, choice: 'yes' | 'no' = 'yes') {
  for (const v of p.voters) await castBallot(s.db, viewerOf(v.personId), pollId, { ballot: { choice } });
}

export const closeVote = (s: TestServer, p: DemandPlace, pollId: string) =>
  closePoll(s.db, viewerOf(p.secretary.personId), pollId);

/** Drafts proposed, voted yes and closed: on the list, numbered. Returns the demands' ids in order. */
export async function adoptDemands(s: TestServer, p: DemandPlace, drafts: DemandDraft[]) {
  const vote = await putDemandsToVote(s, p, drafts);
  await voteOn(s, p, vote.pollId);
  await closeVote(s, p, vote.pollId);
  return vote;
}
