// Group commit for hot, independent writes (and reads): calls that arrive while the database is busy
// with the previous group wait for it and then go together as one statement — one round trip, one
// plan, one commit for the whole group. Nothing waits on a timer: a call that finds the queue idle goes
// at the end of the current event-loop turn (with whatever else arrived in that turn), so a quiet
// system answers as fast as before and a busy one answers in groups whose size follows the load
// (ADR 0007).
//
// A group is all-or-nothing at the database (one statement); `run` returns one answer per call, in
// order, so each caller still gets its own outcome. If `run` throws, every call of that group gets the
// error — the statement wrote nothing, as a single call's failure would.

export interface BatchQueueOptions<In, Out> {
  /** Runs one group; must return exactly one answer per input, in the same order. */
  run: (inputs: In[]) => Promise<Out[]>;
  /** The largest group (bounds the statement's size). */
  maxBatch: number;
  /** Groups in flight at once: more than one lets the next group be planned while one commits. */
  maxInFlight: number;
  /** Called when the queue has nothing pending or in flight (to drop it from a registry). */
  onIdle?: () => void;
}

interface Pending<In, Out> {
  input: In;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

export interface BatchQueue<In, Out> {
  push(input: In): Promise<Out>;
  /** Groups sent so far and calls they carried (for the benchmark and tests). */
  stats(): { batches: number; calls: number };
}

export function createBatchQueue<In, Out>(options: BatchQueueOptions<In, Out>): BatchQueue<In, Out> {
  if (options.maxBatch < 1 || options.maxInFlight < 1) throw new Error('batch queue: sizes must be ≥ 1');
  let pending: Pending<In, Out>[] = [];
  let inFlight = 0;
  let batches = 0;
  let calls = 0;
  let scheduled = false;

  const send = () => {
    while (inFlight < options.maxInFlight && pending.length > 0) {
      const group = pending.slice(0, options.maxBatch);
      pending = pending.slice(group.length);
      inFlight++;
      batches++;
      calls += group.length;
      void runGroup(group);
    }
  };

  const runGroup = async (group: Pending<In, Out>[]) => {
    try {
      const answers = await options.run(group.map((p) => p.input));
      if (answers.length !== group.length)
        throw new Error(`batch queue: ${answers.length} answers for ${group.length} calls`);
      for (const [i, p] of group.entries()) p.resolve(answers[i] as Out);
    } catch (error) {
      for (const p of group) p.reject(error);
    } finally {
      inFlight--;
      send();
      if (inFlight === 0 && pending.length === 0) options.onIdle?.();
    }
  };

  return {
    push(input) {
      return new Promise<Out>((resolve, reject) => {
        pending.push({ input, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          send();
        });
      });
    },
    stats: () => ({ batches, calls }),
  };
}

/**
 * One queue per database and key (a poll, an action), made on first use and dropped when idle:
 * `push(db, key, input)`. `run` receives the database and key of its queue.
 */
export function keyedBatchQueues<D extends object, In, Out>(options: {
  run: (db: D, key: string, inputs: In[]) => Promise<Out[]>;
  maxBatch: number;
  maxInFlight: number;
}): (db: D, key: string, input: In) => Promise<Out> {
  const queues = new WeakMap<D, Map<string, BatchQueue<In, Out>>>();
  return (db, key, input) => {
    let byKey = queues.get(db);
    if (!byKey) {
      byKey = new Map();
      queues.set(db, byKey);
    }
    let queue = byKey.get(key);
    if (!queue) {
      const registry = byKey;
      queue = createBatchQueue<In, Out>({
        run: (inputs) => options.run(db, key, inputs),
        maxBatch: options.maxBatch,
        maxInFlight: options.maxInFlight,
        onIdle: () => registry.delete(key),
      });
      byKey.set(key, queue);
    }
    return queue.push(input);
  };
}

/**
 * Runs a group whose statement holds each `keyOf` once: the first call of each key goes in the first
 * run, repeats in the runs after it, in order — what separate statements one after the other would
 * answer. Returns one answer per input, in order.
 */
export async function runDistinct<In, Out>(
  inputs: readonly In[],
  keyOf: (input: In) => string,
  run: (inputs: In[]) => Promise<Out[]>,
): Promise<Out[]> {
  const seen = new Set<string>();
  const now: number[] = [];
  const later: number[] = [];
  inputs.forEach((input, i) => {
    const key = keyOf(input);
    if (seen.has(key)) later.push(i);
    else {
      seen.add(key);
      now.push(i);
    }
  });
  const answers: Out[] = new Array(inputs.length);
  const first = await run(now.map((i) => inputs[i]!));
  now.forEach((i, k) => {
    answers[i] = first[k]!;
  });
  if (later.length > 0) {
    const rest = await runDistinct(
      later.map((i) => inputs[i]!),
      keyOf,
      run,
    );
    later.forEach((i, k) => {
      answers[i] = rest[k]!;
    });
  }
  return answers;
}
