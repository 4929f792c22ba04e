import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root (the folder of package.json), found from this file whether the server runs
 * from its TypeScript sources (tsx, tests) or from the built bundle in dist/server.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Files the server reads at run time; they stay in the source tree, never bundled. */
export const PATHS = {
  migrations: path.join(ROOT, 'server', 'db', 'migrations'),
  seedData: path.join(ROOT, 'server', 'db', 'seed', 'data'),
  client: path.join(ROOT, 'dist', 'client'),
};
