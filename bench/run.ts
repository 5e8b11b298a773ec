// `npm run bench -- NAME [args]`: runs bench/NAME.bench.ts. Each benchmark prints its own table and
// uses fixed seeds so two runs measure the same work.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const name = process.argv[2];

if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(join(here, `${name}.bench.ts`))) {
  process.stderr.write(`usage: npm run bench -- NAME   (one of: ${available.join(', ') || 'none yet'})\n`);
  process.exit(2);
}
const mod = (await import(`./${name}.bench.ts`)) as { main: (args: string[]) => Promise<void> };
await mod.main(process.argv.slice(3));
