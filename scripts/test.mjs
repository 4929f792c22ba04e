#!/usr/bin/env node
// npm test: unit + integration on PGlite; integration again on PostgreSQL when
// TEST_DATABASE_URL is set; end-to-end journeys in Chromium. Prints one closing line
// "N passed, M failed" for the whole run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const chromium = process.env.BIOPLAN_CHROMIUM ?? '/usr/bin/chromium';
const requireE2e = process.env.BIOPLAN_REQUIRE_E2E === '1';
const out = mkdtempSync(path.join(tmpdir(), 'bioplan-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedTiers = [];

function run(name, args, env = {}) {
  const report = path.join(out, `${name}.json`);
  console.log(`\n=== ${name} ===`);
  const res = spawnSync(
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numFailedTests > 0 || res.status !== 0) failedTiers.push(name);
  } else if (res.status !== 0) {
    failedTiers.push(name);
    totals.failed += 1;
  }
}

console.log('\n=== typecheck ===');
const tsc = spawnSync('npx', ['tsc', '--noEmit'], { stdio: 'inherit' });
if (tsc.status !== 0) failedTiers.push('typecheck');

run('unit+integration (PGlite)', ['--project', 'unit', '--project', 'client-unit', '--project', 'integration'], {
  BIOPLAN_TEST_DB: 'pglite',
});

if (process.env.TEST_DATABASE_URL) {
  run('integration (PostgreSQL)', ['--project', 'integration'], { BIOPLAN_TEST_DB: 'postgres' });
} else {
  console.log('\nTEST_DATABASE_URL is not set: integration tests ran on PGlite only.');
}

if (existsSync(chromium)) {
  console.log('\n=== building the client for end-to-end tests ===');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) {
    failedTiers.push('client build');
    totals.failed += 1;
  } else {
    run('e2e (Chromium)', ['--project', 'e2e'], { BIOPLAN_CHROMIUM: chromium });
  }
} else if (requireE2e) {
  console.error(
    `\nChromium not found at ${chromium}; BIOPLAN_REQUIRE_E2E=1 makes this a failure. Install it: apt-get install chromium`,
  );
  failedTiers.push('e2e (no browser)');
  totals.failed += 1;
} else {
  console.warn(
    `\nWARNING: Chromium not found at ${chromium}; end-to-end tests skipped. Install it with: apt-get install chromium`,
  );
}

console.log(`\n${failedTiers.length ? `Failed tiers: ${failedTiers.join(', ')}` : 'All tiers passed.'}`);
console.log(
  `tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(failedTiers.length ? 1 : 0);
