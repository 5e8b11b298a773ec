// Decisions context of the web app: a council's sittings and polls (its "Assemblies" tab), the assembly
// room and its projector view, a poll (vote, result, published ballots, seal) and a person's pending
// votes. Pages and the tab are lazy chunks; other contexts reach this one only through this file.
import { lazy } from 'react';

export const AssemblyPage = lazy(() => import('./AssemblyPage.tsx'));
export const ProjectorPage = lazy(() => import('./ProjectorPage.tsx'));
/** The minutes of a sitting: read, download, and (secretary) generate, edit, put to the vote. */
export const MinutesPage = lazy(() => import('./MinutesPage.tsx'));
export const PollPage = lazy(() => import('./PollPage.tsx'));
export const MyVotesPage = lazy(() => import('./MyVotesPage.tsx'));
/** A motion: its text and versions, support, lineage, amendments with diffs, officers' acts and votes. */
export const MotionPage = lazy(() => import('./MotionPage.tsx'));
/** The "Assemblies" tab of a council page: sittings, polls outside them, the forms for officers. */
export const CouncilAssembliesTab = lazy(() => import('./CouncilAssembliesTab.tsx'));
/** The poll link or the "put to the vote" button of a subject another context decides by vote. */
export { SubjectVote } from './SubjectVote.tsx';
