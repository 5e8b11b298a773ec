// What every benchmark reads off its samples and its arguments: the median (the middle sample, upper
// middle for an even count), the 99th percentile (nearest rank), and `--name value` options.
const ascending = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

export const median = (xs: readonly number[]) => ascending(xs)[Math.floor(xs.length / 2)] ?? Number.NaN;

export const p99 = (xs: readonly number[]) =>
  ascending(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)] ?? Number.NaN;

/** The value after `name` in the arguments, or `fallback`. */
export function option(args: readonly string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
}
