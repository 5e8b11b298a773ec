// Rosters, pure: shifts as half-open intervals and their night-weighted hours on a council's wall clock
// (Intl time zones, DST-correct), the fairness checks (sign-up horizon, cancellation window, weekly
// hours cap by ISO week), weekly templates expanded into shifts, and who may do what.
export * from './fairness.ts';
export * from './permissions.ts';
export * from './shift-hours.ts';
export * from './shift-templates.ts';
export * from './zoned-time.ts';
