// Drawing lots for ties that a rule leaves to chance. A count must be reproducible, so the lot is a
// seeded pseudo-random generator (pure-rand xoroshiro128+), never Math.random: the same seed and the
// same sequence of draws give the same order on every machine.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Seed used when the caller gives none; recorded in the tally like any other. */
export const DEFAULT_SEED = '0';

export interface Lot {
  readonly seed: string;
  /** The tied candidates in the order the lot puts them (first = drawn first). */
  order(tied: readonly number[]): number[];
}

/** FNV-1a over the UTF-16 code units: turns any seed text into the 32-bit seed the generator takes. */
function seedNumber(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

/** One lot per count: draws are taken in sequence, so each tie consumes the generator in turn. */
export function createLot(seed: string = DEFAULT_SEED): Lot {
  const rng = xoroshiro128plus(seedNumber(seed));
  return {
    seed,
    order(tied) {
      // Sort first so the draw does not depend on the order the caller happened to list the tie in.
      const items = [...tied].sort((a, b) => a - b);
      for (let i = items.length - 1; i > 0; i--) {
        const j = uniformInt(rng, 0, i);
        const held = items[i]!;
        items[i] = items[j]!;
        items[j] = held;
      }
      return items;
    },
  };
}
