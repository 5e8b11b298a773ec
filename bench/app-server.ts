// The product's server for HTTP benchmarks, in a child process so the load generator does not share its
// event loop: ballots.bench.ts's `--serve URL` mode (buildServer on the product's own database pool,
// listening on a random port, reporting it and its CPU use over IPC, stopping when told or when the
// parent goes away).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { say } from './bench-database.ts';

const here = dirname(fileURLToPath(import.meta.url));

export interface AppServer {
  port: number;
  /** The server process's CPU time (ms, user + system) and event-loop utilisation since the last call. */
  usage(): Promise<{ cpuMs: number; elu: number }>;
  stop(): Promise<void>;
}

export async function startAppServer(url: string): Promise<AppServer> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, join(here, 'run.ts'), 'ballots', '--serve', url, ''],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type: string; port?: number }) =>
      m.type === 'listening' && m.port
        ? resolve(m.port)
        : reject(new Error('server child did not report its port')),
    );
    child.once('exit', (code) => reject(new Error(`server child exited with ${code}`)));
  });
  say(`server child pid ${child.pid} listening on 127.0.0.1:${port}`);
  return {
    port,
    usage: () =>
      new Promise((resolve) => {
        child.once('message', (m: { type: string; usage: { cpuMs: number; elu: number } }) =>
          resolve(m.usage),
        );
        child.send({ type: 'usage' });
      }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
