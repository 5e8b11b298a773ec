// Shapes of the rosters API (server/rosters/*.schema.ts), as the web app reads them. Instants are ISO
// text; local dates ('YYYY-MM-DD') and times ('HH:MM') are on the council's roster clock (its zone).

export type Attendance = 'attended' | 'no-show';

export interface PersonRef {
  personId: string;
  fullName: string;
}

export interface Shift {
  id: string;
  councilId: string;
  place: string;
  role: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  weightedHours: number;
  needed: number;
  signedUp: number;
  /** Places still open (0 when full or cancelled). */
  gap: number;
  requiredTraining: string | null;
  depotId: string | null;
  distributionRoundId: string | null;
  templateSlotId: string | null;
  lead: PersonRef | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  /** The signed-in person has a live sign-up for it. */
  mine: boolean;
}

export interface RosterSettings {
  timeZone: string;
  maxHoursPerWeek: number | null;
  nightWeightPercent: number;
  horizonDays: number;
  cancellationWindowHours: number;
}

export interface Roster {
  council: { id: string; name: string };
  from: string;
  to: string;
  settings: RosterSettings;
  shifts: Shift[];
  totals: { shifts: number; needed: number; signedUp: number; gap: number; shiftsWithGap: number };
  viewer: {
    canDefineShifts: boolean;
    canDefineDistributionShifts: boolean;
    canKeepTemplates: boolean;
    canSetSettings: boolean;
    canSignUp: boolean;
    canReadAttendance: boolean;
    canReadIncidents: boolean;
  };
}

export interface SignUp {
  id: string;
  personId: string;
  fullName: string;
  signedUpAt: string;
  attendance: Attendance | null;
}

export interface ShiftDetail {
  shift: Shift;
  signUps: SignUp[];
  viewer: {
    canSignUp: boolean;
    canCancelSignUp: boolean;
    canCancelShift: boolean;
    canMarkAttendance: boolean;
    canRecordIncident: boolean;
    canReadIncidents: boolean;
  };
}

export interface MyShift extends Shift {
  councilName: string;
  signUpId: string;
  signedUpAt: string;
  attendance: Attendance | null;
}

export interface MyShifts {
  shifts: MyShift[];
  noShows: { councilId: string; noShows: number; attended: number }[];
}

export interface TemplateSlot {
  id: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  startTime: string;
  endTime: string;
  place: string;
  role: string;
  needed: number;
  requiredTraining: string | null;
  depotId: string | null;
}

export interface ShiftTemplate {
  id: string;
  councilId: string;
  name: string;
  createdAt: string;
  slots: TemplateSlot[];
}

export interface Incident {
  id: string;
  shiftId: string;
  role: string;
  place: string;
  author: PersonRef;
  text: string;
  occurredAt: string;
  recordedAt: string;
}

export interface RosterFeed {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface IssuedFeed extends RosterFeed {
  token: string;
  url: string;
}

/** The few facts of a member and a depot the shift form needs (members and supply APIs). */
export interface MemberRef {
  personId: string;
  fullName: string;
  status: string;
}

export interface DepotRef {
  id: string;
  name: string;
}

/**
 * The few facts of a distribution round the shift form and page need (supply's
 * `GET /councils/:id/distribution-rounds`; web/supply/index.ts does not export its round type).
 */
export interface RoundRef {
  id: string;
  title: string;
  status: 'open' | 'closed';
  openedAt: string;
}

export interface Training {
  id: string;
  personId: string;
  fullName: string;
  training: string;
  recordedAt: string;
}

export interface AttendanceCount extends PersonRef {
  attended: number;
  noShows: number;
}
