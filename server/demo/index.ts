// The demo federation seeded on first start (CABILDO_DEMO=0 skips it). Composes the members and
// federation contexts; nothing depends on it.
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-federation.ts';
export { isEmptyInstance, seedDemoFederation } from './seed-demo-federation.ts';
