// `npm start` as a user runs it: the built server bundle (dist/server/main.js, from
// scripts/build-server.mjs) on a fresh embedded database serves the client and the plan, and a
// second start on the same data changes nothing. Catches what in-process tests cannot: a file
// the bundle reads at run time (migrations, seed data, the client) not found from dist/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(tmpdir(), 'bioplan-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the bundle; answers its origin, what it printed and a stop function. */
async function start(): Promise<{ origin: string; output: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BIOPLAN_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      SMTP_URL: '',
      BIOPLAN_DEMO: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 600) throw new Error(`the server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}

describe('npm start', () => {
  it(
    'serves the client and the plan from the built bundle on a fresh embedded database; a second start changes nothing',
    { timeout: 240_000 },
    async () => {
      const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);

      const first = await start();
      try {
        expect(first.output()).toMatch(/bioplan: http:\/\/127\.0\.0\.1:\d+ \(pglite\)/);
        expect(first.output()).toMatch(/admin@bioplan\.local/);
        const page = await fetch(`${first.origin}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        const plan = (await (await fetch(`${first.origin}/api/v1/public/plan`)).json()) as { number: string };
        expect(plan.number).toBe('1953/KH-UBND');
      } finally {
        await first.stop();
      }

      const second = await start();
      try {
        // The admin account exists already: no new password is printed.
        expect(second.output()).not.toMatch(/admin@bioplan\.local/);
        const plan = (await (await fetch(`${second.origin}/api/v1/public/plan`)).json()) as { number: string };
        expect(plan.number).toBe('1953/KH-UBND');
      } finally {
        await second.stop();
      }
    },
  );
});
