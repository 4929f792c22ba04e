import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain.js';
import type { Actor } from '../../lib/context.js';
import {
  canDecideAmendment,
  canEditAmendment,
  canReadAmendments,
  canSeeAmendment,
  canSubmitAmendment,
} from './policy.js';

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

describe('amendment policy', () => {
  it('lets the focal department edit and submit drafts only', () => {
    expect(canEditAmendment(focal, { status: 'draft' })).toBe(true);
    expect(canSubmitAmendment(focal, { status: 'draft' })).toBe(true);
    expect(canEditAmendment(focal, { status: 'submitted' })).toBe(false);
    expect(canDecideAmendment(focal, { status: 'submitted' })).toBe(false);
  });

  it('lets leaders decide submitted proposals and hides drafts from them', () => {
    expect(canDecideAmendment(leader, { status: 'submitted' })).toBe(true);
    expect(canDecideAmendment(leader, { status: 'approved' })).toBe(false);
    expect(canSeeAmendment(leader, { status: 'draft' })).toBe(false);
    expect(canSeeAmendment(leader, { status: 'rejected' })).toBe(true);
    expect(canEditAmendment(leader, { status: 'draft' })).toBe(false);
  });

  it('keeps unit officers and administrators out', () => {
    expect(canReadAmendments(unit)).toBe(false);
    expect(canReadAmendments(actor('admin'))).toBe(false);
    expect(canSeeAmendment(unit, { status: 'submitted' })).toBe(false);
  });
});
