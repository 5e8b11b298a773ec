// Decisions, pure part: the counting engine (counting/), and the rules of polls — settings, ballot
// checks, the tally of a poll, quorum, receipt codes — and who may run assemblies and polls.
// Knows nothing of storage, HTTP, the clock or randomness.
export * from './counting/index.ts';
export * from './polls/ballot-check.ts';
export * from './polls/poll-permissions.ts';
export * from './polls/poll-rules.ts';
export * from './polls/poll-tally.ts';
export * from './polls/quorum.ts';
export * from './polls/receipt-code.ts';
export * from './polls/referendum-results.ts';
