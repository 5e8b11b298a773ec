// Entry of the `cabildo` command. Each command lives in its own `*-command.ts` file and registers itself.
import { Command, CommanderError } from 'commander';
import { EXIT_FAILURE, EXIT_USAGE, UsageError, WorkFailedError } from './cli-errors.ts';

const program = new Command()
  .name('cabildo')
  .description('Cabildo — software for federated councils')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) })
  .showHelpAfterError('(run with --help for usage)');

const registrations: Array<Promise<{ register: (p: Command) => void }>> = [
  // one line per command module, in the order they appear in --help
  import('./db-command.ts'),
  import('./admin-command.ts'),
  import('./import-command.ts'),
  import('./ledger-command.ts'),
  import('./demo-command.ts'),
  import('./tally-command.ts'),
];

for (const mod of await Promise.all(registrations)) mod.register(program);

function failWith(code: number, message: string): never {
  process.stderr.write(`cabildo: ${message}\n`);
  process.exit(code);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    process.exit(error.exitCode === 0 ? 0 : EXIT_USAGE);
  }
  if (error instanceof UsageError) failWith(EXIT_USAGE, error.message);
  if (error instanceof WorkFailedError) failWith(EXIT_FAILURE, error.message);
  failWith(EXIT_FAILURE, error instanceof Error ? (error.stack ?? error.message) : String(error));
}
