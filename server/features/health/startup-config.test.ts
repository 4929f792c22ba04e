// Issue 11, "Startup": the configuration is validated at start; every wrong variable is named in
// one message and the process exits 1.
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../config.js';
import { spawnServer } from '../../test/child-server.js';

describe('configuration', () => {
  it('has sane defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, trustProxy: [], metricsToken: undefined, shutdownTimeoutMs: 20_000 });
    expect(c.reminderDays).toEqual([7, 3, 1, -1, -3]);
  });

  it('names every wrong variable at once, never its value', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        SMTP_URL: 'mail.example.vn',
        BIOPLAN_PUBLIC_URL: 'bioplan.vinhlong.gov.vn',
        BIOPLAN_REMINDER_DAYS: '7,ba',
        TRUST_PROXY: 'proxy.local',
        METRICS_TOKEN: 'short',
        BIOPLAN_ADMIN_PASSWORD: 'hunter2',
        DATABASE_POOL_SIZE: '0',
        LOG_LEVEL: 'loud',
        SHUTDOWN_TIMEOUT_MS: '-1',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(
      [
        'PORT',
        'DATABASE_URL',
        'SMTP_URL',
        'BIOPLAN_PUBLIC_URL',
        'BIOPLAN_REMINDER_DAYS',
        'TRUST_PROXY',
        'METRICS_TOKEN',
        'BIOPLAN_ADMIN_PASSWORD',
        'DATABASE_POOL_SIZE',
        'LOG_LEVEL',
        'SHUTDOWN_TIMEOUT_MS',
      ].sort(),
    );
    expect((error as Error).message).toMatch(/^Cấu hình không hợp lệ \(invalid configuration\), 11 biến cần sửa/);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', SMTP_URL: ' ', TRUST_PROXY: '' })).toMatchObject({
      databaseUrl: undefined,
      smtpUrl: undefined,
      trustProxy: [],
    });
  });

  it('every variable it reads is in the README configuration table', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const name of CONFIG_VARIABLES) expect(readme, name).toContain(`| \`${name}\` |`);
  });

  it('the server refuses to start with a wrong configuration: one message, exit code 1', async () => {
    const child = spawnServer({ PORT: '99999', TRUST_PROXY: '10.0.0.1,nope', BIOPLAN_DATA_DIR: '/tmp/bioplan-never' });
    const code = await child.exited;
    const out = child.output();
    expect(code, out).toBe(1);
    expect(out).toContain('Cấu hình không hợp lệ');
    expect(out).toMatch(/- PORT: /);
    expect(out).toMatch(/- TRUST_PROXY: .*CIDR/);
    expect(out).not.toContain('bioplan: http://');
  });
});
