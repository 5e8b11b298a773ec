// Scheduled work (`*Task`): each task runs every `everyMs` in this process, one run at a time, and logs
// a failure without stopping. Tasks are idempotent and take their own locks, so several server
// processes may run the same task at once: the row locks decide, a second runner finds nothing to do.
export interface ScheduledTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export function startScheduledTasks(tasks: readonly ScheduledTask[]): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const task of tasks) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const run = task
        .run()
        .catch((error: unknown) =>
          process.stderr.write(
            `cabildo: task ${task.name} failed: ${error instanceof Error ? error.message : String(error)}\n`,
          ),
        )
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
    const timer = setInterval(tick, task.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return async () => {
    stopped = true;
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled([...running]);
  };
}
