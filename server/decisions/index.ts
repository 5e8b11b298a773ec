// Decisions context (server side): assemblies (sittings, agenda, attendance, quorum) and polls (motions,
// elections, recall votes, referendums) with their ballots — secret ones kept apart from who voted —
// their tallies and seals, and each sitting's speakers list. Owns the assemblies, agenda_items,
// attendance, polls, poll_voters, secret_ballots, named_ballots, speaker_requests and speaker_settings
// tables; reads memberships and mandates as facts, and acts on mandates only through federation's index
// (the rights check, recall by vote).
// Motions too: motions, motion_versions, motion_supporters, amendments, composite_origins and the
// instructions sending councils give their delegates on them.
// Minutes of sittings: minutes and minutes_approvals (approved by a poll of a later sitting).
export { admitMotion } from './admit-motion.ts';
export { assembliesRoutes } from './assemblies.routes.ts';
export { assemblyPetitionsRoutes } from './assembly-petitions.routes.ts';
export { castBallot } from './cast-ballot.ts';
export { closeDuePolls } from './close-due-polls.task.ts';
export { closePoll } from './close-poll.ts';
export { conveneAssembly } from './convene-assembly.ts';
export { forwardMotion } from './forward-motion.ts';
export { minutesRoutes } from './minutes.routes.ts';
export { motionsRoutes } from './motions.routes.ts';
export { openPoll, type PollInput } from './open-poll.ts';
export { openRecallVote } from './open-recall-vote.ts';
export { openSubjectVote, type SubjectVoteSettings, subjectVoteBody } from './open-subject-vote.ts';
export {
  type PollSubjectDecision,
  type PollSubjectKind,
  type PollSubjectOpening,
  registerPollSubject,
} from './poll-subjects.ts';
export { pollsRoutes } from './polls.routes.ts';
export { referendumsRoutes } from './referendums.routes.ts';
export { scheduleMotion } from './schedule-motion.ts';
export { speakersRoutes } from './speakers.routes.ts';
export { submitMotion } from './submit-motion.ts';
