import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

it('documents the feedback, amendment, version and guidance routes in the OpenAPI document', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  const paths = Object.keys(res.json().paths);
  for (const p of [
    '/api/v1/feedback',
    '/api/v1/feedback/track/{trackingCode}',
    '/api/v1/feedback/{id}',
    '/api/v1/plans/{id}/amendments',
    '/api/v1/plans/{id}/amendments/{amendmentId}/approve',
    '/api/v1/plans/{id}/versions',
    '/api/v1/plans/{id}/diff',
    '/api/v1/guidance-documents',
  ]) {
    expect(paths).toContain(p);
  }
});
