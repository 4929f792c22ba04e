// Builds the server for `npm start`: server/main.ts and what it imports (our code only; packages
// stay in node_modules) into one ES module, dist/server/main.js, with a source map for stack
// traces. Running compiled JavaScript keeps the TypeScript loader out of the server process
// (less memory, faster start). Files read at run time (migrations, seed data, the built client)
// are found from the project root (server/paths.ts), not bundled.
import { build } from 'esbuild';

await build({
  // The Excel template parser runs in a worker thread (server/lib/spreadsheets/safe-open.ts),
  // which loads this sibling file.
  entryPoints: { main: 'server/main.ts', 'template-worker': 'server/lib/spreadsheets/template-worker.ts' },
  outdir: 'dist/server',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
