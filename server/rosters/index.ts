// Rosters context (server side), issue 8: councils' volunteer shifts (from weekly templates or one by
// one, tied to a depot or a distribution round or not), members' sign-ups under the council's fairness
// rules with exact places and no overlapping shifts, attendance and no-shows, trainings, the shift
// leads' incident log and each person's iCalendar feed. Owns the roster_settings, shift_templates,
// shift_template_slots, shifts, shift_sign_ups, member_trainings, shift_incidents and roster_feed_tokens
// tables; reads councils, offices and memberships through federation's index, and depots and distribution
// rounds through supply's (to refuse another council's).
export { cancelShift } from './cancel-shift.ts';
export { cancelSignUp } from './cancel-sign-up.ts';
export { createShiftTemplate } from './create-shift-template.ts';
export { defineShift } from './define-shift.ts';
export { expandShiftTemplate } from './expand-shift-template.ts';
export { incidentsRoutes } from './incidents.routes.ts';
export { issueRosterFeed, revokeRosterFeed } from './issue-roster-feed.ts';
export { markShiftAttendance } from './mark-attendance.ts';
export { recordIncident } from './record-incident.ts';
export { recordTraining } from './record-training.ts';
export { rostersRoutes } from './rosters.routes.ts';
export { rostersError } from './rosters-errors.ts';
export { setRosterSettings } from './set-roster-settings.ts';
export { shiftsRoutes } from './shifts.routes.ts';
export { signUpForShift } from './sign-up-for-shift.ts';
