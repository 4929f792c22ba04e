import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain.js';
import type { Actor } from '../../lib/context.js';
import { canSeeFeedback, canTriageFeedback } from './policy.js';

const actor = (role: Role, orgUnitId: string | null = null): Actor => ({
  id: `${role}-1`,
  email: `${role}@x.vn`,
  name: role,
  role,
  orgUnitId,
});
const focal = actor('focal');
const leader = actor('leader');
const unit = actor('unit', 'unit-a');

describe('feedback policy', () => {
  const item = { createdById: 'someone', orgUnitId: 'unit-b', forwardedToUnitId: null };
  it('lets the focal department triage and see every item', () => {
    expect(canTriageFeedback(focal)).toBe(true);
    expect(canSeeFeedback(focal, item)).toBe(true);
  });

  it('shows a unit what it sent or was forwarded, nothing else', () => {
    expect(canTriageFeedback(unit)).toBe(false);
    expect(canSeeFeedback(unit, item)).toBe(false);
    expect(canSeeFeedback(unit, { ...item, forwardedToUnitId: 'unit-a' })).toBe(true);
    expect(canSeeFeedback(unit, { ...item, orgUnitId: 'unit-a' })).toBe(true);
    expect(canSeeFeedback(leader, { ...item, createdById: leader.id })).toBe(true);
  });
});
