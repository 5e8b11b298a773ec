// Prices context (server side), issue 7: market-price series imported from files with their screening
// and anomaly flags, caps adopted by vote, members' price reports and the violations they reveal.
// Owns the markets, commodities, price_imports, price_observations, price_caps, price_reports,
// price_violations and violation_followups tables; reads councils and offices through federation's index
// and items through supply's.
export { followUpViolation } from './follow-up-violation.ts';
export { startPriceImport } from './import-price-file.ts';
export { linkCommodity } from './link-commodity.ts';
export { PRICE_CAP_SUBJECT, registerPriceCapSubject } from './price-cap-subject.ts';
export { priceCapsRoutes } from './price-caps.routes.ts';
export { priceReportsRoutes } from './price-reports.routes.ts';
export { priceSeriesRoutes } from './price-series.routes.ts';
export { priceViolationsRoutes } from './price-violations.routes.ts';
export { pricesError } from './prices-errors.ts';
export { proposePriceCap } from './propose-price-cap.ts';
export { reportPrice } from './report-price.ts';
