// `cabildo import councils FILE [--parent ID]` and `cabildo import members FILE --council ID`: the same
// all-or-nothing CSV imports as the API, run by the operator. A rejected file prints the per-row report
// and exits 2; nothing is written.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOption, withDatabase } from './cli-database.ts';
import { UsageError } from './cli-errors.ts';

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

type Report = {
  imported: number;
  rejected: number;
  rows: Array<{ line: number; status: string; field?: string; reason?: string }>;
};

function print(report: Report, json: boolean | undefined, what: string) {
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    for (const r of report.rows.filter((x) => x.status === 'rejected')) {
      process.stdout.write(`line ${r.line}: rejected${r.field ? ` (${r.field})` : ''}: ${r.reason}\n`);
    }
    process.stdout.write(
      report.rejected
        ? `nothing imported: ${report.rejected} row(s) rejected\n`
        : `${report.imported} ${what} imported\n`,
    );
  }
  if (report.rejected) throw new UsageError(`${report.rejected} row(s) rejected; nothing was imported`);
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  const { AppError } = await import('../server/platform/http-errors.ts');
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError)
      throw new UsageError(`${error.field ? `${error.field}: ` : ''}${error.message}`);
    throw error;
  }
}

export function register(program: Command) {
  const imp = program.command('import').description('import councils or members from CSV (all or nothing)');
  imp
    .command('councils <file>')
    .description('CSV columns: key,name,kind,level,territory,sector,parent_key,answer_days')
    .option('--parent <id>', 'federated council the top rows go under (default: top level)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { parent?: string; json?: boolean }) => {
      const parent =
        opts.parent === undefined ? null : parseOption('--parent', z.uuid().safeParse(opts.parent));
      const csv = readFile(file);
      const { importCouncils } = await import('../server/federation/index.ts');
      const report = await withDatabase((h) => run(() => importCouncils(h.db, null, csv, parent)));
      print(report, opts.json, 'councils');
    });
  imp
    .command('members <file>')
    .description('CSV columns: full_name,email,phone,home_place,work_place')
    .requiredOption('--council <id>', 'the base council the members belong to')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { council: string; json?: boolean }) => {
      const council = parseOption('--council', z.uuid().safeParse(opts.council));
      const csv = readFile(file);
      const { importMembersCsv } = await import('../server/members/index.ts');
      const report = await withDatabase((h) => run(() => importMembersCsv(h.db, null, council, csv)));
      print(report, opts.json, 'members');
    });
}
