// Decisions, pure part: the counting engine (counting/), the rules of polls — settings, ballot checks,
// the tally of a poll, quorum, receipt codes —, the order of a sitting's speakers list (speakers/), and
// who may run assemblies and polls.
// Motions (motions/): their states, amendments as line changes, composites, instructions.
// Knows nothing of storage, HTTP, the clock or randomness.
export * from './counting/index.ts';
export * from './minutes/generate-minutes.ts';
export * from './minutes/markdown-blocks.ts';
export * from './minutes/minutes-text.ts';
export * from './motions/amendment-text.ts';
export * from './motions/composite-rules.ts';
export * from './motions/instruction-check.ts';
export * from './motions/line-diff.ts';
export * from './motions/motion-states.ts';
export * from './polls/ballot-check.ts';
export * from './polls/poll-permissions.ts';
export * from './polls/poll-rules.ts';
export * from './polls/poll-tally.ts';
export * from './polls/quorum.ts';
export * from './polls/receipt-code.ts';
export * from './polls/referendum-results.ts';
export * from './speakers/speakers-queue.ts';
