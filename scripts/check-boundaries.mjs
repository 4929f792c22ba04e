#!/usr/bin/env node
// npm run lint:boundaries: the import-boundary rules of .dependency-cruiser.cjs over every source
// folder. Prints one line per violation and exits 1 if there is any.
//
// Why a wrapper instead of the `depcruise` command: TypeScript 7 has no compiler API, so
// dependency-cruiser parses TypeScript with swc. dependency-cruiser 17 (the last line that runs on
// Node 20) asks swc for plain TypeScript syntax even for .tsx files, and swc then stops at the
// first JSX element. dependency-cruiser 18 passes `tsx: true` for .tsx files, but needs Node 22.
// Until the project moves to Node 22, this script does what 18 does: it turns on `tsx` for .tsx
// files before dependency-cruiser loads swc. After the move, replace this file with
// `depcruise server shared client e2e bench scripts --config .dependency-cruiser.cjs`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (file, options) => parseFileSync(file, file.endsWith('.tsx') ? { ...options, tsx: true } : options);

const { cruise } = await import('dependency-cruiser');
const { default: extractDepcruiseOptions } = await import('dependency-cruiser/config-utl/extract-depcruise-options');

const SOURCES = ['server', 'shared', 'client', 'e2e', 'bench', 'scripts'];
const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const result = await cruise(SOURCES, { ...options, outputType: 'err' });
process.stdout.write(result.output);
process.exitCode = result.exitCode > 0 ? 1 : 0;
