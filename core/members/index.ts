// Members, pure part: logins, join-application references, due dates and status rules.
// Knows nothing of storage or HTTP.
export * from './join-applications.ts';
export * from './logins.ts';
export * from './member-import.ts';
