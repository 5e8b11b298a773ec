// `cabildo admin create`: the first administrator (or another one), from the command line. The
// password comes from standard input or CABILDO_ADMIN_PASSWORD, never from an argument (shell history).
import type { Command } from 'commander';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../core/members/index.ts';
import { parseOption, withDatabase } from './cli-database.ts';
import { UsageError } from './cli-errors.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function register(program: Command) {
  const admin = program.command('admin').description('instance administrators');
  admin
    .command('create')
    .description('create an administrator account (password from stdin or CABILDO_ADMIN_PASSWORD)')
    .requiredOption('--name <full name>', 'full name')
    .requiredOption('--login <email or phone>', 'login: an email address or a phone number')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'machine-readable output')
    .action(async (opts: { name: string; login: string; passwordStdin?: boolean; json?: boolean }) => {
      const name = parseOption('--name', z.string().trim().min(1).max(200).safeParse(opts.name));
      const raw = opts.passwordStdin ? await readStdin() : process.env.CABILDO_ADMIN_PASSWORD;
      if (raw === undefined)
        throw new UsageError('password: pass --password-stdin or set CABILDO_ADMIN_PASSWORD');
      const password = parseOption(
        'password',
        z.string().min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX).safeParse(raw),
      );
      const [{ createAdministrator }, { AppError }] = await Promise.all([
        import('../server/members/index.ts'),
        import('../server/platform/http-errors.ts'),
      ]);
      const created = await withDatabase(async (h) => {
        try {
          return await createAdministrator(
            h.db,
            { fullName: name, login: opts.login, password },
            { onlyIfFirst: false },
          );
        } catch (error) {
          if (error instanceof AppError) throw new UsageError(`${error.field ?? 'admin'}: ${error.message}`);
          throw error;
        }
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(created)}\n`);
      else process.stdout.write(`administrator ${created.fullName} created (person ${created.personId})\n`);
    });
}
