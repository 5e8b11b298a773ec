// One distribution round: the stock of one item divided among households. Priority classes are served in
// order (0 first), each in full while the stock lasts; the class in which the stock runs short shares what
// is left by weighted max-min fairness (water-filling) in whole steps; the classes after it get nothing.
//
// Fairness, exactly. Amounts are counted in steps (stepMilli, the least amount that can be handed out).
// Household i of the short class is entitled to e_i steps, has weight w_i (its weighted size) and receives
// a_i steps; its share is a_i / w_i. The class receives S = ⌊stock left / step⌋ steps, all of them, and
// nobody more than e_i. Among such allocations it is max-min optimal: no household could receive one more
// step without another household whose share is smaller, or equal after the move, receiving less. That is,
// for every i with a_i < e_i and every other j with a_j > 0:
//     a_j / w_j ≤ (a_i + 1) / w_i,
// and when the two are equal, j comes before i in the tie order. The tie order is the household id in
// UTF-16 code-unit order or, given a tieBreakSeed, a 32-bit hash of seed and id, then the id. A round
// records its seed, so each round can rotate who wins ties — with indivisible items (one LPG cylinder)
// plain id order would have the same households lose every tie, round after round.
//
// Equivalently, the k-th step of household i has priority k / w_i, and the class gets the S steps of
// lowest priority (ties in tie order): what handing out steps one at a time to the lowest (a_i + 1) / w_i
// gives, and what continuous water-filling rounded down to steps, leftovers handed out that way, gives.
// Only tie order depends on ids, so the result does not depend on the order of the input.
//
// What is not handed out: the stock beyond the total entitlement or, when the stock is short, less than
// one step (the part of the stock that is not a whole number of steps).

export const MAX_WEIGHT_MILLIS = 1_000_000;
/** Steps and weights fit in 32-bit arrays, and with MAX_WEIGHT_MILLIS < 2^20 priorities k / w compare
 * exactly by cross-multiplying in doubles. */
export const MAX_ENTITLEMENT_STEPS = 2 ** 32 - 1;
export const MAX_PRIORITY_CLASSES = 64;

export interface RoundHousehold {
  id: string;
  /** A whole number of steps, in milli-units (entitlementOf rounds it down so). */
  entitlementMilli: number;
  /** The household's weighted size, millis of a person; 0 only with entitlement 0. */
  weightMillis: number;
  /** 0 is served first. */
  priorityClass: number;
}

export interface RoundInput {
  stockMilli: number;
  stepMilli: number;
  households: readonly RoundHousehold[];
  /** Decides ties between equal shares (see above); absent: by id. Recorded with the round. */
  tieBreakSeed?: string | undefined;
}

export interface ClassOutcome {
  priorityClass: number;
  households: number;
  entitlementMilli: number;
  allocatedMilli: number;
  /** full: everyone got their entitlement; short: the stock ran out in this class; none: nothing was left. */
  status: 'full' | 'short' | 'none';
  /**
   * Short only, else null: the water level per 1000 millis of weight, in milli-units, rounded down — the
   * priority of the last step handed out × 1000 × step. Every household of the class below its entitlement
   * holds at most level × weight ÷ 1000, and at most one step less.
   */
  levelMilliPerPerson: number | null;
}

export interface RoundAllocation {
  /** Index i is households[i]'s allocation; a typed array because rounds run to millions of households. */
  allocatedMilli: Float64Array;
  stockMilli: number;
  entitlementMilli: number;
  allocatedTotalMilli: number;
  undistributedMilli: number;
  /** Every class that has households, first served first. */
  classes: ClassOutcome[];
}

/**
 * Malformed input (negative or fractional amounts, an entitlement that is not whole steps, ids that tie
 * with each other) is a programmer error — the round's inputs come from the store and entitlementOf —
 * and throws RangeError. Ids are assumed distinct; a duplicate is detected where it would decide a tie.
 */
export function allocateRound(input: RoundInput): RoundAllocation {
  const { stockMilli, stepMilli, households } = input;
  if (!Number.isSafeInteger(stepMilli) || stepMilli < 1)
    throw new RangeError(`stepMilli must be a whole number of at least 1, got ${stepMilli}`);
  if (!Number.isSafeInteger(stockMilli) || stockMilli < 0)
    throw new RangeError(`stockMilli must be a whole number of at least 0, got ${stockMilli}`);

  const n = households.length;
  const entitled = new Uint32Array(n); // steps
  const classOf = new Uint8Array(n);
  const classSteps = new Float64Array(MAX_PRIORITY_CLASSES);
  const classSize = new Float64Array(MAX_PRIORITY_CLASSES);
  let totalMilli = 0;
  for (let i = 0; i < n; i += 1) {
    const h = households[i]!;
    const e = h.entitlementMilli;
    const w = h.weightMillis;
    const c = h.priorityClass;
    if (typeof h.id !== 'string') throw new RangeError(`household ${i} has no id`);
    if (!Number.isSafeInteger(e) || e < 0 || e % stepMilli !== 0 || e / stepMilli > MAX_ENTITLEMENT_STEPS)
      throw new RangeError(`entitlement of ${h.id} must be whole steps of ${stepMilli}, got ${e}`);
    if (!Number.isInteger(w) || w < 0 || w > MAX_WEIGHT_MILLIS || (w === 0 && e > 0))
      throw new RangeError(`weight of ${h.id} must be a whole number up to ${MAX_WEIGHT_MILLIS}, got ${w}`);
    if (!Number.isInteger(c) || c < 0 || c >= MAX_PRIORITY_CLASSES)
      throw new RangeError(`priority class of ${h.id} must be 0 to ${MAX_PRIORITY_CLASSES - 1}, got ${c}`);
    entitled[i] = e / stepMilli;
    classOf[i] = c;
    classSteps[c]! += e / stepMilli;
    classSize[c]! += 1;
    totalMilli += e;
  }
  if (!Number.isSafeInteger(totalMilli)) throw new RangeError('the total entitlement is too large to count');

  // Decide each class from its total alone: only the short one needs household-level work.
  const status: Array<ClassOutcome['status']> = [];
  let leftSteps = Math.floor(stockMilli / stepMilli);
  let shortClass = -1;
  let shortSteps = 0;
  for (let c = 0; c < MAX_PRIORITY_CLASSES; c += 1) {
    const need = classSteps[c]!;
    if (need <= leftSteps) {
      status.push('full');
      leftSteps -= need;
    } else if (leftSteps === 0) {
      status.push('none');
    } else {
      status.push('short');
      shortClass = c;
      shortSteps = leftSteps;
      leftSteps = 0;
    }
  }

  const allocated = new Float64Array(n); // steps until the end
  let shortCount = 0;
  for (let i = 0; i < n; i += 1) {
    const c = classOf[i]!;
    if (status[c] === 'full') allocated[i] = entitled[i]!;
    else if (c === shortClass) shortCount += 1;
  }
  let level: Priority | null = null;
  if (shortClass >= 0) {
    const members = new Uint32Array(shortCount);
    let m = 0;
    for (let i = 0; i < n; i += 1) if (classOf[i] === shortClass) members[m++] = i;
    level = fillShortClass(members, shortSteps, entitled, households, allocated, input.tieBreakSeed);
  }

  const classes: ClassOutcome[] = [];
  const classAllocated = new Float64Array(MAX_PRIORITY_CLASSES);
  let allocatedTotal = 0;
  for (let i = 0; i < n; i += 1) {
    const milli = allocated[i]! * stepMilli;
    allocated[i] = milli;
    classAllocated[classOf[i]!]! += milli;
    allocatedTotal += milli;
  }
  for (let c = 0; c < MAX_PRIORITY_CLASSES; c += 1) {
    if (classSize[c] === 0) continue;
    classes.push({
      priorityClass: c,
      households: classSize[c]!,
      entitlementMilli: classSteps[c]! * stepMilli,
      allocatedMilli: classAllocated[c]!,
      status: status[c]!,
      levelMilliPerPerson: c === shortClass && level ? levelPerPerson(level, stepMilli) : null,
    });
  }
  return {
    allocatedMilli: allocated,
    stockMilli,
    entitlementMilli: totalMilli,
    allocatedTotalMilli: allocatedTotal,
    undistributedMilli: stockMilli - allocatedTotal,
    classes,
  };
}

/** A step priority k / w, kept as its two integers so that comparisons are exact. */
interface Priority {
  steps: number;
  weightMillis: number;
}

function levelPerPerson(level: Priority, stepMilli: number): number {
  return Number((BigInt(level.steps) * 1000n * BigInt(stepMilli)) / BigInt(level.weightMillis));
}

/** Stop narrowing the level once this few steps remain in question; they are then sorted exactly. */
const CANDIDATE_LIMIT = 256;
/** Relative width of the bracket below which passes that barely reduce the steps in question stop it. */
const NARROW = 2 ** -20;

/**
 * Gives the short class's households (allocated[] is 0 for them until now) the `steps` steps of lowest
 * priority. count(t) = Σ min(e_i, ⌊t·w_i⌋) is how many steps have priority ≤ t; a search over thresholds
 * t narrows a bracket lo < level ≤ hi. Thresholds keep at most 33 significant bits and weights are below
 * 2^20, so t·w_i is exact in a double and every count is exact: the result never depends on rounding.
 * The steps left in the bracket are then sorted exactly, and the lowest handed out.
 */
function fillShortClass(
  members: Uint32Array,
  steps: number,
  entitled: Uint32Array,
  households: readonly RoundHousehold[],
  allocated: Float64Array,
  seed: string | undefined,
): Priority {
  const size = members.length;
  // Compact copies: the bisection passes read them many times, in order.
  const e = new Uint32Array(size);
  const w = new Uint32Array(size);
  let highestRatio = 0;
  for (let m = 0; m < size; m += 1) {
    const i = members[m]!;
    e[m] = entitled[i]!;
    w[m] = households[i]!.weightMillis;
    if (e[m]! > 0 && e[m]! / w[m]! > highestRatio) highestRatio = e[m]! / w[m]!;
  }
  const count = (t: number): number => {
    let total = 0;
    for (let m = 0; m < size; m += 1) {
      const k = Math.floor(t * w[m]!);
      total += Math.min(k, e[m]!);
    }
    return total;
  };

  // count(lo) < steps ≤ count(hi) throughout; the class is short, so count(∞) > steps ≥ 1 = count(0) + 1.
  let lo = 0;
  let countLo = 0;
  let hi = 2 ** Math.ceil(Math.log2(highestRatio));
  let countHi = count(hi);
  while (countHi < steps) {
    hi *= 2;
    countHi = count(hi);
  }
  // Near the level the count grows almost linearly, so aim at it by interpolation, alternately a little
  // below and a little above, to close the bracket from both sides; a probe that lands on the wrong side
  // aims further next time, and one that fails to halve the bracket is followed by a bisection. Stop when
  // few steps are in question, or when the bracket is narrow and passes no longer reduce them: what is
  // left is then equal priorities (households of one size share theirs), which no threshold separates.
  let side = -1;
  let spread = CANDIDATE_LIMIT / 4;
  let mustBisect = false;
  let slowPasses = 0;
  const isOnePriority = (): boolean => {
    // Exact: is the lowest priority in (lo, hi] also the highest? Cross-products stay below 2^52.
    let lowK = 0;
    let lowW = 1;
    let highK = 0;
    let highW = 1;
    for (let m = 0; m < size; m += 1) {
      const top = Math.min(e[m]!, Math.floor(hi * w[m]!));
      const next = Math.min(e[m]!, Math.floor(lo * w[m]!)) + 1;
      if (next > top) continue;
      if (lowK === 0 || next * lowW < lowK * w[m]!) {
        lowK = next;
        lowW = w[m]!;
      }
      if (highK === 0 || top * highW > highK * w[m]!) {
        highK = top;
        highW = w[m]!;
      }
    }
    return lowK * highW === highK * lowW;
  };
  while (countHi - countLo > CANDIDATE_LIMIT && !(slowPasses >= 3 && hi - lo < hi * NARROW)) {
    if (slowPasses === 1 && isOnePriority()) break;
    const width = hi - lo;
    const inQuestion = countHi - countLo;
    const density = inQuestion / width;
    const aim = lo + (steps - countLo + side * spread) / density;
    let mid = keepBits(mustBisect ? lo + width / 2 : aim);
    if (!(mid > lo && mid < hi)) mid = keepBits(lo + width / 2);
    if (!(mid > lo && mid < hi)) break;
    const c = count(mid);
    const landed = c >= steps ? 1 : -1;
    if (landed === 1) {
      hi = mid;
      countHi = c;
    } else {
      lo = mid;
      countLo = c;
    }
    if (!mustBisect) {
      if (landed === side) side = -side;
      else spread *= 4;
    }
    mustBisect = !mustBisect && hi - lo > width / 2;
    slowPasses = countHi - countLo > inQuestion * 0.9 ? slowPasses + 1 : 0;
  }

  // Steps with priority ≤ lo all go out; the `inQuestion` steps in (lo, hi] compete for the rest.
  const inQuestion = countHi - countLo;
  const candidateMember = new Uint32Array(inQuestion);
  const candidateStep = new Uint32Array(inQuestion);
  const candidatePriority = new Float64Array(inQuestion);
  let found = 0;
  for (let m = 0; m < size; m += 1) {
    const base = Math.min(e[m]!, Math.floor(lo * w[m]!));
    const top = Math.min(e[m]!, Math.floor(hi * w[m]!));
    allocated[members[m]!] = base;
    for (let k = base + 1; k <= top; k += 1) {
      candidateMember[found] = m;
      candidateStep[found] = k;
      candidatePriority[found] = k / w[m]!;
      found += 1;
    }
  }
  // Rounding k / w to a double never swaps two priorities but may make unequal ones equal: then
  // cross-multiply, exact because both products stay below 2^52 (steps ≤ 2^32, weights < 2^20).
  const byPriority = (a: number, b: number): number =>
    candidatePriority[a]! - candidatePriority[b]! ||
    candidateStep[a]! * w[candidateMember[b]!]! - candidateStep[b]! * w[candidateMember[a]!]!;
  // Typed arrays and no per-candidate objects: a round of a million households must not wake the
  // garbage collector over the whole heap.
  const order = new Uint32Array(inQuestion);
  for (let c = 0; c < inQuestion; c += 1) order[c] = c;
  order.sort(byPriority);

  // The last step to go out has priority `level`; steps below it all go, steps equal to it go in tie
  // order. Only that group needs ids (it is often large: households of one size share their priorities).
  const wanted = steps - countLo;
  const last = order[wanted - 1]!;
  let first = wanted - 1;
  while (first > 0 && byPriority(order[first - 1]!, last) === 0) first -= 1;
  let end = wanted;
  while (end < inQuestion && byPriority(order[end]!, last) === 0) end += 1;
  const idOf = (c: number) => households[members[candidateMember[c]!]!]!.id;
  const tieKey = new Uint32Array(inQuestion);
  const tied = order.subarray(first, end);
  if (seed !== undefined) for (const c of tied) tieKey[c] = tieHash(seed, idOf(c));
  tied.sort((a, b) => {
    if (tieKey[a] !== tieKey[b]) return tieKey[a]! - tieKey[b]!;
    const idA = idOf(a);
    const idB = idOf(b);
    if (idA === idB) throw new RangeError(`household ${idA} is listed twice`);
    return idA < idB ? -1 : 1;
  });
  for (let r = 0; r < wanted; r += 1) allocated[members[candidateMember[order[r]!]!]!]! += 1;
  return { steps: candidateStep[last]!, weightMillis: w[candidateMember[last]!]! };
}

/** x rounded down to 32 significant bits (33 if log2 rounds the wrong way): exact times any weight < 2^20. */
function keepBits(x: number): number {
  if (x === 0) return 0;
  const scale = 2 ** (31 - Math.floor(Math.log2(x)));
  return Math.floor(x * scale) / scale;
}

/** FNV-1a over seed, a separator and id, then a final mix so that near ids spread apart. */
function tieHash(seed: string, id: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${id}`;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
