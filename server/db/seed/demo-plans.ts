import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PATHS } from '../../paths.js';
import { signIn } from './demo-activity.js';

/** The demo's second plan: the merged province's plan, written for the demo in the shape of a real one. */
export const DEMO_PLAN_FILE = 'ke-hoach-86-KH-UBND-2026-vinh-long.txt';
export const DEMO_PLAN_NUMBER = '86/KH-UBND';
/** The plan it replaces, and from when. */
export const DEMO_REPLACED_NUMBER = '1953/KH-UBND';
/**
 * 1/7/2026: the first day after the new plan (issued 15/6/2026) is sent out, one year after the
 * province merger (1/7/2025), and the start of the second half of the year, so the 2026 cycle of
 * 1953/KH-UBND, opened under the old plan, runs to its end and stays readable.
 */
export const DEMO_REPLACEMENT_FROM = '2026-07-01';

/**
 * With BIOPLAN_DEMO=1 and no plan 86/KH-UBND yet: the demo focal officer imports the Vĩnh Long
 * plan's text through the importer (read, parse, publish — the same API an officer uses) and
 * records that it replaces 1953/KH-UBND from 1/7/2026.
 */
export async function seedDemoPlans(app: FastifyInstance, log: (line: string) => void): Promise<void> {
  const focal = await signIn(app, 'daumoi@demo.bioplan.vn');
  const plans = (await focal('GET', '/api/v1/plans')).data as Array<{ id: string; number: string }>;
  if (plans.some((p) => p.number === DEMO_PLAN_NUMBER)) return;
  const old = plans.find((p) => p.number === DEMO_REPLACED_NUMBER);
  const text = readFileSync(path.join(PATHS.seedData, DEMO_PLAN_FILE), 'utf8');
  const draft = await focal('POST', '/api/v1/plan-imports', { text });
  const published = await focal('POST', `/api/v1/plan-imports/${draft.id}/publish`, { version: draft.version });
  const planId = published.planId as string;
  if (old) {
    await focal('POST', `/api/v1/plans/${planId}/replacements`, {
      oldPlanIds: [old.id],
      fromDate: DEMO_REPLACEMENT_FROM,
      note: 'Mục III.4 của Kế hoạch 86/KH-UBND',
      confirm: true,
    });
  }
  log(
    `Dữ liệu minh họa: Kế hoạch ${DEMO_PLAN_NUMBER} của tỉnh Vĩnh Long đã được nhập, thay thế ${DEMO_REPLACED_NUMBER}.`,
  );
}
