// `cabildo tally --method M [--seats N] [--seed S] [--json] [--format blt|debian|csv] FILE`: count a
// ballot file and print the result with its round-by-round table (or JSON). Exit 0 on success, 2 on a
// bad file or bad arguments, with a message naming the line of the file that is wrong.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  type BallotProfile,
  COUNTING_METHODS,
  countBallots,
  explainTallyJson,
  explainTallyText,
  readBlt,
  readCsvRankings,
  readDebianTally,
} from '../core/decisions/counting/index.ts';
import { UsageError } from './cli-errors.ts';

const FORMATS = ['blt', 'debian', 'csv'] as const;
type BallotFormat = (typeof FORMATS)[number];

const argsSchema = z.object({
  file: z.string().min(1, 'FILE is required'),
  method: z.enum(COUNTING_METHODS, {
    error: () => `--method must be one of ${COUNTING_METHODS.join(', ')}`,
  }),
  seats: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, '--seats must be a whole number from 1')
    .transform(Number)
    .optional(),
  seed: z.string().min(1, '--seed must not be empty').max(200, '--seed is too long').optional(),
  json: z.boolean().optional(),
  format: z.enum(FORMATS, { error: () => `--format must be one of ${FORMATS.join(', ')}` }).optional(),
});

export type TallyArgs = z.infer<typeof argsSchema>;

/** The format from --format, else from the extension, else from the first bytes of the file. */
export function detectFormat(file: string, bytes: Uint8Array, requested?: BallotFormat): BallotFormat {
  if (requested) return requested;
  const ext = extname(file).toLowerCase();
  if (ext === '.blt' || ext === '.hil') return 'blt';
  if (ext === '.csv') return 'csv';
  if (ext === '.debian_votes') return 'debian';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/^\s*V:\s*\S/m.test(head) || /\bOption\s+\d+\s*-*>?\s*:/.test(head)) return 'debian';
  if (/^\uFEFF?\s*(#[^\n]*\n\s*)*\d+\s+\d+\s*(#[^\n]*)?\r?\n/.test(head.replace(/^ï»¿/, ''))) return 'blt';
  if (/^[^\n]*,[^\n]*\r?\n/.test(head)) return 'csv';
  throw new UsageError(
    `cannot tell the format of ${file} from its name or contents; give --format blt, debian or csv`,
  );
}

function readProfile(file: string, format: BallotFormat, bytes: Uint8Array, seats?: number) {
  const result =
    format === 'blt'
      ? readBlt(bytes)
      : format === 'debian'
        ? readDebianTally(bytes)
        : readCsvRankings(bytes, seats === undefined ? {} : { seats });
  if (!result.ok) {
    const where = result.error.line > 0 ? `line ${result.error.line}: ` : '';
    throw new UsageError(`${file}: ${where}${result.error.message}`);
  }
  return result as { profile: BallotProfile; warnings: string[] };
}

export function runTally(raw: Record<string, unknown>): { output: string; warnings: string[] } {
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const args = parsed.data;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${args.file}${code ? ` (${code})` : ''}`);
  }
  const format = detectFormat(args.file, bytes, args.format);
  const { profile, warnings } = readProfile(args.file, format, bytes, args.seats);
  if (args.seats !== undefined && args.seats > profile.candidates.length) {
    throw new UsageError(
      `--seats ${args.seats} is more than the ${profile.candidates.length} candidates in ${args.file}`,
    );
  }
  let tally: ReturnType<typeof countBallots>;
  try {
    const options: { seats?: number; seed?: string } = {};
    if (args.seats !== undefined) options.seats = args.seats;
    if (args.seed !== undefined) options.seed = args.seed;
    tally = countBallots(args.method, profile, options);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`${args.file}: ${error.message}`);
    throw error;
  }
  const output = args.json
    ? `${JSON.stringify(explainTallyJson(tally), null, 2)}\n`
    : explainTallyText(tally, profile.title ? { title: profile.title } : {});
  return { output, warnings };
}

export function register(program: Command): void {
  program
    .command('tally')
    .description(
      'count a ballot file (BLT, Debian tally sheet, or CSV of rankings) and print the round table',
    )
    .argument('<file>', 'ballot file: .blt/.hil, Debian tally sheet, or CSV')
    .requiredOption('--method <method>', `counting method: ${COUNTING_METHODS.join(' | ')}`)
    .option('--seats <n>', 'seats to fill (default: from the file)')
    .option('--seed <seed>', 'seed for ties settled by lot (recorded in the result)')
    .option('--json', 'print {"method","seats","elected","rounds","quota"?,"ranking"?} as JSON')
    .option('--format <format>', 'ballot file format: blt | debian | csv (default: from the extension)')
    .action((file: string, options: Record<string, unknown>) => {
      const { output, warnings } = runTally({ ...options, file });
      for (const warning of warnings) process.stderr.write(`cabildo: warning: ${warning}\n`);
      process.stdout.write(output);
    });
}
