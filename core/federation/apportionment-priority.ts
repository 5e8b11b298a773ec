// The exact machinery under apportionment: fractions of bigints compared by cross-multiplication, a
// contest that hands out seats highest claim first, and the seeded lot for claims left level. Knows
// nothing of methods; apportionment.ts says what a claim is.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Places kept in the published quotients and remainders; the digits beyond are cut off, not rounded. */
export const QUOTIENT_DECIMALS = 6;

export interface Fraction {
  numerator: bigint;
  /** Always > 0, so cross-multiplying keeps the order. */
  denominator: bigint;
}

export function compare(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Exact decimal text, truncated to QUOTIENT_DECIMALS places; fractions here are never negative. */
export function decimalText({ numerator, denominator }: Fraction): string {
  const scale = 10n ** BigInt(QUOTIENT_DECIMALS);
  const scaled = (numerator * scale) / denominator;
  return `${scaled / scale}.${(scaled % scale).toString().padStart(QUOTIENT_DECIMALS, '0')}`;
}

export interface Claim {
  index: number;
  value: Fraction;
}

/** Claims level for the last `count` units: the lot must pick that many of `tied`. */
export interface Contest {
  tied: number[];
  count: number;
  onPicked: (index: number) => void;
}

/**
 * Hands out `count` units, highest claim first. `award` applies one unit and returns the child's next
 * claim, which must be strictly lower than the one just served (or none). Claims level with the highest
 * are served together when the units last; otherwise the tie is returned for the lot, the only place
 * chance enters.
 */
export function awardByPriority(
  count: number,
  claims: Claim[],
  award: (claim: Claim) => Claim | undefined,
): Contest | undefined {
  const heap = new ClaimHeap(claims);
  let left = count;
  while (left > 0) {
    const top = heap.pop();
    if (!top) throw new Error('apportionment ran out of claims before the seats ran out');
    const level = [top];
    for (let next = heap.peek(); next && compare(next.value, top.value) === 0; next = heap.peek())
      level.push(heap.pop()!);
    if (level.length > left) {
      const byIndex = new Map(level.map((claim) => [claim.index, claim]));
      return { tied: [...byIndex.keys()], count: left, onPicked: (index) => award(byIndex.get(index)!) };
    }
    for (const claim of level) {
      const next = award(claim);
      if (next) heap.push(next);
    }
    left -= level.length;
  }
  return undefined;
}

/** Binary max-heap of claims; level claims come out in no particular order, so callers take them as a group. */
class ClaimHeap {
  private readonly items: Claim[] = [];
  constructor(claims: Claim[]) {
    for (const claim of claims) this.push(claim);
  }
  peek(): Claim | undefined {
    return this.items[0];
  }
  push(claim: Claim): void {
    const items = this.items;
    items.push(claim);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(items[parent]!.value, items[i]!.value) >= 0) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }
  pop(): Claim | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < items.length && compare(items[l]!.value, items[largest]!.value) > 0) largest = l;
      if (r < items.length && compare(items[r]!.value, items[largest]!.value) > 0) largest = r;
      if (largest === i) return top;
      [items[largest], items[i]] = [items[i]!, items[largest]!];
      i = largest;
    }
  }
}

// ── Lots ──────────────────────────────────────────────────────────────────────────────────────────
// The tied councils are sorted by id and shuffled by a generator seeded from `seed`; the first ones win.
// Sorting makes the draw independent of the order the children were listed in, and taking a prefix of one
// shuffle means one more seat never takes a seat from a lot winner (a tie left with k+1 seats picks the
// same k and one more).

/**
 * A tie the lot settled: `councilIds` were level for the last contested seats, `chosen` are those the
 * lot gave (or, when seats were being given back, let keep) those seats. Both lists sorted by id.
 */
export interface ApportionmentTie {
  councilIds: string[];
  chosen: string[];
  by: 'lot';
  seed: string;
}

/** One per apportionment; claim indexes are positions in `councilIds`. */
export class Lot {
  readonly ties: ApportionmentTie[] = [];
  constructor(
    private readonly councilIds: readonly string[],
    private readonly seed: string,
  ) {}

  /** 'picked-lose': the units were seats given back, so the councils the lot did not pick keep theirs. */
  settle(contest: Contest | undefined, meaning: 'picked-win' | 'picked-lose'): void {
    if (!contest) return;
    const idOf = (index: number) => this.councilIds[index]!;
    const tied = [...contest.tied].sort((a, b) => byId(idOf(a), idOf(b)));
    const rng = xoroshiro128plus(seedNumber(this.seed));
    for (let i = tied.length - 1; i > 0; i--) {
      const j = uniformInt(rng, 0, i);
      [tied[i], tied[j]] = [tied[j]!, tied[i]!];
    }
    const picked = tied.slice(0, contest.count);
    for (const index of picked) contest.onPicked(index);
    const pickedIds = new Set(picked.map(idOf));
    const ids = tied.map(idOf).sort(byId);
    this.ties.push({
      councilIds: ids,
      chosen: ids.filter((id) => pickedIds.has(id) === (meaning === 'picked-win')),
      by: 'lot',
      seed: this.seed,
    });
  }
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a over the UTF-16 code units: any seed text to the 32-bit integer the generator takes. */
function seedNumber(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}
