// Factories for the collective-action tests: a local federation of base councils (delegates seated, so
// the federation votes too) with members, and calls to action decided through the product's own path —
// proposed and put to the vote over HTTP, voted and closed.
import { expect } from 'vitest';
import { castBallot, closePoll } from '../decisions/index.ts';
import { insertOffice } from '../federation/index.ts';
import {
  buildCouncil,
  buildLocalFederation,
  buildMember,
  TestClient,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';

export async function buildActionPlace(s: TestServer, membersPerBase = 3) {
  const fed = await buildLocalFederation(s.db, 2);
  const chair = await buildMember(s.db, fed.bases[1]!);
  await insertOffice(s.db, fed.bases[1]!, 'chair', chair.personId);
  const members: Record<string, Array<{ personId: string; login: string }>> = {};
  for (const base of fed.bases)
    members[base] = await Promise.all(Array.from({ length: membersPerBase }, () => buildMember(s.db, base)));
  // A council outside the federation, with a member: never in scope.
  const outside = await buildCouncil(s.db, { kind: 'village' });
  const outsider = await buildMember(s.db, outside);
  return { ...fed, chair, members, outside, outsider };
}

export type ActionPlace = Awaited<ReturnType<typeof buildActionPlace>>;

/** The leading officer who proposes in a council, and one voter whose yes carries a simple majority. */
function officerAndVoter(p: ActionPlace, councilId: string) {
  if (councilId === p.local)
    return { officer: p.secretary, voter: { personId: p.delegates[0]!.personId, mandateId: p.mandates[0]! } };
  const i = p.bases.indexOf(councilId);
  const officer = p.baseSecretaries[i]!;
  return { officer, voter: { personId: officer.personId, mandateId: undefined } };
}

export const strike = (overrides: Record<string, unknown> = {}) => ({
  kind: 'strike',
  title: `Huelga general ${Date.now().toString(36)}`,
  description: 'Against the price of diesel',
  startsAt: '2026-12-01T06:00:00Z',
  liftingConditions: 'Diesel back at 3.72 BOB per litre',
  ...overrides,
});

/** Proposes a call as the council's leading officer over HTTP; returns the action and its call decision. */
export async function proposeCall(s: TestServer, p: ActionPlace, councilId: string, body = strike()) {
  const { officer } = officerAndVoter(p, councilId);
  const client = await TestClient.signedIn(s.app, officer.login);
  const res = await client.request('POST', `/api/v1/councils/${councilId}/actions`, body);
  expect(res.statusCode, res.body).toBe(201);
  return { actionId: res.json().action.id as string, decisionId: res.json().decision.id as string, client };
}

/** Puts a decision to the body's vote and votes `choice`; the poll stays open. */
export async function voteOn(
  s: TestServer,
  p: ActionPlace,
  councilId: string,
  decisionId: string,
  choice: 'yes' | 'no' = 'yes',
) {
  const { officer, voter } = officerAndVoter(p, councilId);
  const client = await TestClient.signedIn(s.app, officer.login);
  const opened = await client.request('POST', `/api/v1/action-decisions/${decisionId}/poll`, {});
  expect(opened.statusCode, opened.body).toBe(201);
  const pollId = opened.json().pollId as string;
  await castBallot(s.db, viewerOf(voter.personId), pollId, {
    ballot: { choice },
    mandateId: voter.mandateId,
  });
  return { pollId, closer: viewerOf(officer.personId) };
}

/** Puts a decision to the body's vote, votes `choice` and closes the poll. */
export async function decide(
  s: TestServer,
  p: ActionPlace,
  councilId: string,
  decisionId: string,
  choice: 'yes' | 'no' = 'yes',
) {
  const { pollId, closer } = await voteOn(s, p, councilId, decisionId, choice);
  await closePoll(s.db, closer, pollId);
  return pollId;
}

/** A call proposed and voted yes: the action is called. */
export async function callAction(s: TestServer, p: ActionPlace, councilId: string, body = strike()) {
  const { actionId, decisionId } = await proposeCall(s, p, councilId, body);
  await decide(s, p, councilId, decisionId);
  return actionId;
}

/** Proposes a later decision (suspend, resume, lift) and has the body adopt it. */
export async function decideLater(
  s: TestServer,
  p: ActionPlace,
  councilId: string,
  actionId: string,
  kind: 'suspend' | 'resume' | 'lift',
  reason: string | null = null,
) {
  const { officer } = officerAndVoter(p, councilId);
  const client = await TestClient.signedIn(s.app, officer.login);
  const res = await client.request('POST', `/api/v1/actions/${actionId}/decisions`, { kind, reason });
  expect(res.statusCode, res.body).toBe(201);
  await decide(s, p, councilId, res.json().id);
}
