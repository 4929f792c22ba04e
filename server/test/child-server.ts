// The real server as a child process (tsx server/main.ts), for the shutdown and startup tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT } from '../paths.js';

/** A TCP port free at the time of asking. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ChildServer {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `node --import tsx server/main.ts` with exactly `env` (plus PATH and HOME). */
export function spawnServer(env: Record<string, string>): ChildServer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  // 'close', not 'exit': the output is complete only once the pipes are drained.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** Waits until the child prints its address (it listens), or fails with its output. */
export async function waitListening(child: ChildServer, timeoutMs = 180_000): Promise<void> {
  const started = Date.now();
  while (!/bioplan: http:\/\//.test(child.output())) {
    if (child.process.exitCode !== null) throw new Error(`server exited early:\n${child.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
