import { beforeAll, describe, expect, it } from 'vitest';
import { PATHS } from '../shared/routes';
import type { FeatureModule } from './features/types';

// The server builds every link it stores from shared/routes.ts (server/features/notifications/
// links.test.ts checks that each stored link matches an entry of the table); this test checks the
// other half: the client declares every page of the table, so such a link always opens a page.

let declared: string[] = [];

beforeAll(async () => {
  // The pages load the i18n setup, which touches the document and localStorage at import time.
  Object.assign(globalThis, {
    window: globalThis,
    document: { documentElement: {} },
    localStorage: { getItem: () => null, setItem: () => undefined },
  });
  const modules = import.meta.glob<{ feature: FeatureModule }>('./features/*/routes.tsx');
  const loaded = await Promise.all(Object.values(modules).map((load) => load()));
  declared = loaded.flatMap((module) => (module.feature.routes ?? []).map((route) => route.path));
});

describe('the client’s pages and the shared route table', () => {
  it('declares every page of the table', () => {
    const missing = Object.entries(PATHS).filter(([, path]) => !declared.includes(path));
    expect(missing).toEqual([]);
  });

  it('declares no page twice', () => {
    expect(declared.filter((path, i) => declared.indexOf(path) !== i)).toEqual([]);
  });
});
