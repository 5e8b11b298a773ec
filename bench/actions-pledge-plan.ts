// Who pledges, in which order, and on what condition, for the actions benchmark: a seeded shuffle of the
// members (person g is the g-th member seeded by actions-seed.ts) and, per member, a threshold drawn from
// the seed — 0 for an unconditional pledge, else 2–8 for a `conditional` share of them.

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Who pledges in which order (a seeded shuffle of the members), and each one's threshold (0: none). */
export function pledgePlan(
  seed: number,
  persons: number,
  conditional: number,
): { order: Int32Array; thresholds: Uint8Array } {
  const order = new Int32Array(persons);
  for (let i = 0; i < persons; i += 1) order[i] = i;
  const shuffle = prng(seed);
  for (let i = persons - 1; i > 0; i -= 1) {
    const j = Math.floor(shuffle() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const draw = prng(seed + 1);
  const thresholds = new Uint8Array(persons);
  for (let g = 0; g < persons; g += 1) {
    const u = draw();
    const v = draw();
    thresholds[g] = u < conditional ? 2 + Math.floor(v * 7) : 0;
  }
  return { order, thresholds };
}
