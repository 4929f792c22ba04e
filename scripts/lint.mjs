#!/usr/bin/env node
// npm run lint: the gate of .ci/run. Runs every check even when an earlier one fails, so one run
// shows everything to fix, then exits 1 if any failed. Each check also runs alone:
//   npm run lint:format      oxfmt --check (fix with `npm run format`)
//   npm run lint:boundaries  import boundaries (.dependency-cruiser.cjs)
//   npm run lint:code        oxlint with type-aware rules (.oxlintrc.json)
import { spawnSync } from 'node:child_process';

const CHECKS = [
  { name: 'format', script: 'lint:format' },
  { name: 'boundaries', script: 'lint:boundaries' },
  { name: 'code', script: 'lint:code' },
];

const failed = [];
for (const check of CHECKS) {
  console.log(`\n=== lint: ${check.name} ===`);
  const res = spawnSync('npm', ['run', '--silent', check.script], { stdio: 'inherit' });
  if (res.status !== 0) failed.push(check.name);
}

console.log(failed.length === 0 ? '\nlint: all checks passed' : `\nlint: failed: ${failed.join(', ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
