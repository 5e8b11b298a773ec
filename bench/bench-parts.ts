// A benchmark made of parts that are benchmarks of their own (`supply`, `prices`): runs them in order,
// or only the one named by `--only PART`; the other arguments go to each part.
type Part = (args: string[]) => Promise<void>;

export async function runParts(name: string, parts: Record<string, Part>, args: string[]): Promise<void> {
  const at = args.indexOf('--only');
  const only = at >= 0 ? args[at + 1] : undefined;
  if (only !== undefined && !(only in parts)) {
    process.stderr.write(`--only takes one of: ${Object.keys(parts).join(', ')}\n`);
    process.exit(2);
  }
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  for (const [part, run] of Object.entries(parts)) {
    if (only && part !== only) continue;
    process.stdout.write(`\n## ${name}: ${part}\n`);
    await run(rest);
  }
}
