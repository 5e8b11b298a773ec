// Prices, pure: WFP market-price rows read and unit-normalised, series screened for entry and unit errors,
// and abnormal rises found (the median rule and a seasonal deviation in the spirit of WFP's ALPS).
// No IO and no notion of councils or dashboards: the server's prices context stores and shows these.
export * from './anomalies.ts';
export * from './outliers.ts';
export * from './series-table.ts';
export * from './units.ts';
export * from './wfp-import.ts';
export * from './wfp-rows.ts';
