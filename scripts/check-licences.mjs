#!/usr/bin/env node
// Supply chain: lists every production dependency (the lockfile's packages not marked dev) with
// the licence its installed package.json declares, read from node_modules, and fails when one is
// outside scripts/licence-allowlist.json. SPDX expressions are read: "A OR B" passes when either
// passes, "A AND B" when both do. Optional packages for other platforms (not installed) are
// skipped. Run by .ci/run after `npm ci`; `node scripts/check-licences.mjs --quiet` prints only problems.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const policy = JSON.parse(readFileSync(path.join(root, 'scripts', 'licence-allowlist.json'), 'utf8'));
const allowed = new Set(policy.allowed);
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));

/** The licence a package.json declares, as a string ("(none)" when it declares none). */
function declared(pkg) {
  const l = pkg.license ?? pkg.licenses;
  if (typeof l === 'string') return l;
  if (Array.isArray(l)) return l.map((x) => (typeof x === 'string' ? x : x.type)).join(' OR ');
  if (l && typeof l === 'object') return l.type;
  return '(none)';
}

/** Whether an SPDX expression is satisfied by the allowlist (OR: any branch; AND: every branch). */
function passes(expression) {
  const e = expression
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  const or = splitTop(e, 'OR');
  if (or.length > 1) return or.some(passes);
  const and = splitTop(e, 'AND');
  if (and.length > 1) return and.every(passes);
  const id = e.replace(/\+$/, '');
  return allowed.has(policy.aliases?.[id] ?? id);
}

/** Splits on a top-level operator, leaving parenthesised groups whole. */
function splitTop(expression, op) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const token of expression.split(/(\(|\)|\s+)/).filter((t) => t !== '' && t !== undefined)) {
    if (token === '(') depth += 1;
    if (token === ')') depth -= 1;
    if (depth === 0 && token === op) {
      parts.push(current);
      current = '';
    } else current += token;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const rows = [];
let skipped = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  if (!where || entry.dev || entry.link) continue;
  const file = path.join(root, where, 'package.json');
  if (!existsSync(file)) {
    if (entry.optional) {
      skipped += 1;
      continue;
    }
    rows.push({
      name: where.replace(/^.*node_modules\//, ''),
      version: entry.version,
      licence: '(not installed)',
      ok: false,
    });
    continue;
  }
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const licence = declared(pkg);
  const exception = policy.exceptions?.[`${pkg.name}@${pkg.version}`];
  const ok = exception ? passes(exception.licence) : passes(licence);
  rows.push({
    name: pkg.name,
    version: pkg.version,
    licence: exception ? `${licence} → ${exception.licence}*` : licence,
    ok,
  });
}

rows.sort((a, b) => a.name.localeCompare(b.name));
const bad = rows.filter((r) => !r.ok);
if (!quiet) {
  const width = Math.max(...rows.map((r) => `${r.name}@${r.version}`.length));
  for (const r of rows) console.log(`${r.ok ? '  ' : '✗ '}${`${r.name}@${r.version}`.padEnd(width)}  ${r.licence}`);
  const counts = new Map();
  for (const r of rows) counts.set(r.licence, (counts.get(r.licence) ?? 0) + 1);
  console.log(
    `\n${rows.length} production packages (${skipped} optional ones for other platforms not installed); ` +
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([l, n]) => `${l}: ${n}`)
        .join(', '),
  );
  console.log('* decided in scripts/licence-allowlist.json "exceptions"');
}
if (bad.length > 0) {
  console.error(`\nLicences outside scripts/licence-allowlist.json (${bad.length}):`);
  for (const r of bad) console.error(`  ${r.name}@${r.version}: ${r.licence}`);
  process.exit(1);
}
console.log(`Licence check: ${rows.length} production packages, all licences allowed.`);
