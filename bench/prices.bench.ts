// `npm run bench -- prices [--only import|anomalies|violations]`: issue 7's three figures in one run —
// the import of the real 18,094-row Bolivia file end to end on the PostgreSQL server (≤ 2 s), the anomaly
// scan over 1,000,000 observations (≤ 1 s), the violation check of a new report (≤ 5 ms). Each part is
// also a bench of its own (prices-import, prices-anomalies, prices-violations) with its fixed seed.
import { runParts } from './bench-parts.ts';
import { main as anomalies } from './prices-anomalies.bench.ts';
import { main as imports } from './prices-import.bench.ts';
import { main as violations } from './prices-violations.bench.ts';

export const main = (args: string[]) => runParts('prices', { import: imports, anomalies, violations }, args);
