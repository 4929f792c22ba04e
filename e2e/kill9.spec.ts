// kill -9 during a burst of writes, on PGlite and PostgreSQL: after a restart every acknowledged
// write is there, nothing is half-written (each account has its audit line and no audit line
// lacks its account), and the PGlite data directory opens again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildServer, freshPostgresDatabase, signInHttp, startServer } from './processes.js';

const PASSWORD = 'Kx9#mTq2-vLp8!zR';

/** `npm run backup -- <file>` with the server's environment. */
function backup(env: Record<string, string>, file: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/db/backup/cli.ts', 'backup', file], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
}
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(() => buildServer());
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.each(['pglite', 'postgres'] as const)('kill -9 on %s', (kind) => {
  it('keeps every acknowledged write, half of none, and starts again', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), `bioplan-kill9-${kind}-`));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = { BIOPLAN_DATA_DIR: dataDir };
    if (kind === 'postgres') {
      const database = await freshPostgresDatabase();
      cleanups.push(() => database.drop());
      env.DATABASE_URL = database.url;
    }
    const first = await startServer(3108, env);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    const admin = await signInHttp(first.url, ADMIN.email, ADMIN.password);
    // A backup while the server runs: from PostgreSQL's snapshot it works; a second process on a
    // running server's PGlite directory would corrupt it, so it is refused.
    const whileRunning = backup(env, path.join(dataDir, 'while-running.bioplan.gz'));
    expect(whileRunning.status, whileRunning.stderr).toBe(kind === 'pglite' ? 1 : 0);
    expect(whileRunning.stderr.includes('đang được tiến trình')).toBe(kind === 'pglite');

    // Six clients create accounts as fast as they can; the server is killed in the middle.
    const acknowledged: string[] = [];
    let sent = 0;
    const state = { killed: false };
    const client = async (n: number) => {
      for (let i = 0; !state.killed; i += 1) {
        const email = `kill9-${n}-${i}@test.vn`;
        sent += 1;
        const res = await admin
          .call(first.url, 'POST', '/api/v1/users', {
            email,
            name: `Cán bộ ${n}-${i}`,
            role: 'leader',
            password: PASSWORD,
          })
          .catch(() => null);
        if (res?.status === 201) acknowledged.push(email);
        else if (res && !state.killed) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.json)}`);
      }
    };
    const clients = Promise.all([0, 1, 2, 3, 4, 5].map(client));
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    state.killed = true;
    first.child.kill('SIGKILL');
    await Promise.all([first.exited, clients]);
    expect(sent).toBeGreaterThan(acknowledged.length);

    // The same data directory or database opens again (the PGlite lock of the dead process is taken over).
    const second = await startServer(3108, env);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    const again = await signInHttp(second.url, ADMIN.email, ADMIN.password);
    const users = await again.call(second.url, 'GET', '/api/v1/users?q=kill9&pageSize=200');
    expect(users.status).toBe(200);
    const stored = new Map<string, string>(users.json.data.map((u: { email: string; id: string }) => [u.email, u.id]));
    expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
    const audit = await again.call(second.url, 'GET', '/api/v1/audit-log?action=user.create&pageSize=200');
    const audited = audit.json.data
      .filter((line: { data: { email?: string } | null }) => line.data?.email?.startsWith('kill9-'))
      .map((line: { entityId: string }) => line.entityId)
      .sort();
    expect(audited).toEqual([...stored.values()].sort());
    second.child.kill('SIGTERM');
    await second.exited;
    console.log(`kill -9 (${kind}): ${sent} sent, ${acknowledged.length} acknowledged, ${stored.size} stored`);
    // Stopped, the installation backs up (the CLI prints its figures).
    const file = path.join(dataDir, 'after.bioplan.gz');
    const done = backup(env, file);
    expect(done.status, done.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    console.log(done.stdout.trim());
  }, 300_000);
});
