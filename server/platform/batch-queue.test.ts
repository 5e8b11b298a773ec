import { describe, expect, it } from 'vitest';
import { createBatchQueue } from './batch-queue.ts';

/** A fake statement: records each group it is given and answers after `ms`. */
function recorder(ms = 5) {
  const groups: number[][] = [];
  let running = 0;
  let mostAtOnce = 0;
  const run = async (inputs: number[]) => {
    groups.push(inputs);
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    return inputs.map((n) => n * 10);
  };
  return { groups, run, mostAtOnce: () => mostAtOnce };
}

describe('batch queue', () => {
  it('answers each call with its own answer, in groups no larger than the bound', async () => {
    const r = recorder();
    const q = createBatchQueue({ run: r.run, maxBatch: 8, maxInFlight: 1 });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => q.push(i)));
    expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => i * 10));
    expect(r.groups.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Math.max(...r.groups.map((g) => g.length))).toBeLessThanOrEqual(8);
    expect(r.groups.length).toBeLessThan(50);
    expect(q.stats()).toEqual({ batches: r.groups.length, calls: 50 });
  });

  it('keeps at most maxInFlight groups running, and sends what arrives meanwhile as the next group', async () => {
    const r = recorder(20);
    const q = createBatchQueue({ run: r.run, maxBatch: 100, maxInFlight: 2 });
    const first = q.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = q.push(2);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = Array.from({ length: 10 }, (_, i) => q.push(100 + i));
    await Promise.all([first, second, ...rest]);
    expect(r.mostAtOnce()).toBe(2);
    expect(r.groups).toEqual([[1], [2], Array.from({ length: 10 }, (_, i) => 100 + i)]);
  });

  it('rejects every call of a failed group, and goes on with the next group', async () => {
    let calls = 0;
    const q = createBatchQueue<number, number>({
      run: async (inputs) => {
        calls++;
        if (inputs.includes(13)) throw new Error('unlucky group');
        return inputs;
      },
      maxBatch: 2,
      maxInFlight: 1,
    });
    const settled = await Promise.allSettled([q.push(12), q.push(13), q.push(14)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(calls).toBe(2);
  });

  it('rejects a group whose run returns the wrong number of answers', async () => {
    const q = createBatchQueue<number, number>({ run: async () => [1], maxBatch: 10, maxInFlight: 1 });
    await expect(Promise.all([q.push(1), q.push(2)])).rejects.toThrow(/1 answers for 2 calls/);
  });

  it('reports idle once nothing is pending or running', async () => {
    let idle = 0;
    const q = createBatchQueue({ run: recorder(2).run, maxBatch: 4, maxInFlight: 1, onIdle: () => idle++ });
    await Promise.all([q.push(1), q.push(2), q.push(3), q.push(4), q.push(5)]);
    await new Promise((r) => setTimeout(r, 10));
    expect(idle).toBe(1);
  });
});
