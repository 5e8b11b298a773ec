// `cabildo ledger verify [--council ID]`: recomputes every hash chain (or one council's) and reports the
// first broken entry. Exit 1 when any chain is broken.
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOption, withDatabase } from './cli-database.ts';
import { WorkFailedError } from './cli-errors.ts';

export function register(program: Command) {
  const ledger = program.command('ledger').description("the councils' tamper-evident ledgers");
  ledger
    .command('verify')
    .description('recompute hash chains and report the first broken entry')
    .option('--council <id>', 'verify one council only')
    .option('--json', 'machine-readable output')
    .action(async (opts: { council?: string; json?: boolean }) => {
      const council =
        opts.council === undefined ? undefined : parseOption('--council', z.uuid().safeParse(opts.council));
      const { verifyLedger } = await import('../server/platform/ledger.ts');
      const verdicts = await withDatabase((h) => verifyLedger(h.db, council));
      const broken = verdicts.filter((v) => v.firstBroken);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ chains: verdicts.length, broken })}\n`);
      } else {
        const entries = verdicts.reduce((n, v) => n + v.entries, 0);
        process.stdout.write(`${verdicts.length} chain(s), ${entries} entries checked\n`);
        for (const b of broken) {
          process.stdout.write(
            `BROKEN chain ${b.chainId}: entry ${b.firstBroken!.seq} (${b.firstBroken!.reason})\n`,
          );
        }
      }
      if (council && verdicts[0]?.entries === 0)
        throw new WorkFailedError(`no ledger entries for council ${council}`);
      if (broken.length > 0) throw new WorkFailedError(`${broken.length} chain(s) broken`);
    });
}
