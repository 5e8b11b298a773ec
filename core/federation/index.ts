// Federation, pure part: council kinds and the tree rules, offices, apportionment, mandates (status at
// an instant, weight, eligibility) and the permissions table.
// Knows nothing of storage, HTTP or persons' contact data.
export * from './apportionment.ts';
export * from './council-import.ts';
export * from './councils.ts';
export * from './mandates.ts';
export * from './permissions.ts';
export * from './recall-petitions.ts';
