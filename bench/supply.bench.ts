// `npm run bench -- supply [--only allocation|shipments|balance]`: issue 6's three figures in one run —
// (a) a distribution round for 1,000,000 households (≤ 1 s), (b) a shipment plan for 100 depots × 1,000
// councils against HiGHS on the LP (≤ 2 s, same optimum), (c) the balance of a depot with 1,000,000 stock
// events on the PostgreSQL server (≤ 10 ms). Each part is also a bench of its own (supply-allocation,
// supply-shipments, supply-balance) and prints its own table with its fixed seed.
import { runParts } from './bench-parts.ts';
import { main as allocation } from './supply-allocation.bench.ts';
import { main as balance } from './supply-balance.bench.ts';
import { main as shipments } from './supply-shipments.bench.ts';

export const main = (args: string[]) => runParts('supply', { allocation, shipments, balance }, args);
