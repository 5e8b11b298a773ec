// Decisions context (server side): assemblies (sittings, agenda, attendance, quorum) and polls (motions,
// elections, recall votes, referendums) with their ballots — secret ones kept apart from who voted —
// their tallies and seals. Owns the assemblies, agenda_items, attendance, polls, poll_voters,
// secret_ballots and named_ballots tables; reads memberships and mandates as facts, and acts on
// mandates only through federation's index (the rights check, recall by vote).
export { assembliesRoutes } from './assemblies.routes.ts';
export { closeDuePolls } from './close-due-polls.task.ts';
export { closePoll } from './close-poll.ts';
export { conveneAssembly } from './convene-assembly.ts';
export { openRecallVote } from './open-recall-vote.ts';
export { pollsRoutes } from './polls.routes.ts';
export { referendumsRoutes } from './referendums.routes.ts';
