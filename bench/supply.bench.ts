// `npm run bench -- supply [--only allocation|shipments|balance]`: issue 6's three figures in one run —
// (a) a distribution round for 1,000,000 households (≤ 1 s), (b) a shipment plan for 100 depots × 1,000
// councils against HiGHS on the LP (≤ 2 s, same optimum), (c) the balance of a depot with 1,000,000 stock
// events on the PostgreSQL server (≤ 10 ms). Each part is also a bench of its own (supply-allocation,
// supply-shipments, supply-balance) and prints its own table with its fixed seed.
import { main as allocation } from './supply-allocation.bench.ts';
import { main as balance } from './supply-balance.bench.ts';
import { main as shipments } from './supply-shipments.bench.ts';

const PARTS = { allocation, shipments, balance } as const;

export async function main(args: string[]): Promise<void> {
  const at = args.indexOf('--only');
  const only = at >= 0 ? args[at + 1] : undefined;
  if (only !== undefined && !(only in PARTS)) {
    process.stderr.write(`--only takes one of: ${Object.keys(PARTS).join(', ')}\n`);
    process.exit(2);
  }
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  for (const [name, run] of Object.entries(PARTS)) {
    if (only && name !== only) continue;
    process.stdout.write(`\n## supply: ${name}\n`);
    await run(rest);
  }
}
