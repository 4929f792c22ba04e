import { defineConfig } from 'vitest/config';

// Three tiers in one setup (docs/CONVENTIONS.md §9): pure rules (the server's and the client's),
// integration through app.inject() on a real database, and end-to-end journeys in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/lib/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      // The client's pure logic (word diff, plan tree, form fields): no browser needed.
      {
        test: {
          name: 'client-unit',
          include: ['client/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/features/**/*.test.ts', 'server/db/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
