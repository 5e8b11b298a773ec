// Pure rules of calls to action, pledges and demands (no IO, no clock).
// calls to action and pledges
export * from './action-permissions.ts';
export * from './action-status.ts';
export * from './conditional-pledges.ts';
// demands
export * from './demand-permissions.ts';
export * from './demand-status.ts';
// pledges taken in groups
export * from './pledge-steps.ts';
