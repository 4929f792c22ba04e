import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.loginAs('admin');
});
afterAll(async () => t?.close());

describe('arbitrary input never breaks the API', () => {
  it('answers any JSON body to POST /users with 4xx and the envelope, never 500', async () => {
    const before = (await admin.get('/api/v1/users')).json().page.total;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            email: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
            name: fc.oneof(fc.string({ maxLength: 300 }), fc.boolean()),
            role: fc.oneof(fc.constantFrom('admin', 'focal', 'unit', 'leader'), fc.string()),
            password: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
            orgUnitId: fc.oneof(fc.uuid(), fc.string()),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await admin.post('/api/v1/users', body);
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          const json = res.json();
          expect(json.error.code).toEqual(expect.any(String));
          expect(json.requestId).toEqual(expect.any(String));
        },
      ),
      { numRuns: 60 },
    );
    expect((await admin.get('/api/v1/users')).json().page.total).toBe(before);
  });

  it('answers any query string to GET /org-units with 200 or 400, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('asOf', 'q', 'kind', 'page', 'pageSize', 'x'), fc.string({ maxLength: 120 })),
        async (query) => {
          const res = await admin.get(`/api/v1/org-units?${new URLSearchParams(query).toString()}`);
          expect([200, 400]).toContain(res.statusCode);
        },
      ),
      { numRuns: 60 },
    );
  });
});
