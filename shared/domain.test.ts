import { describe, expect, it } from 'vitest';
import { isGroupMemberConcerned } from './domain.js';

describe('isGroupMemberConcerned: which members of a group answer for an item', () => {
  it('a group that leads an item addresses every member ("các sở, ngành, địa phương … có trách nhiệm")', () => {
    for (const kind of ['department', 'district', 'commune', 'ward'] as const)
      expect(isGroupMemberConcerned('departments_and_localities', 'lead', kind)).toBe(true);
    expect(isGroupMemberConcerned('enterprises_and_organisations', 'lead', 'enterprise')).toBe(true);
  });

  it('a group named as coordinating with a named lead concerns its departments, not the communes and wards', () => {
    expect(isGroupMemberConcerned('departments_and_localities', 'coordinate', 'department')).toBe(true);
    expect(isGroupMemberConcerned('departments_and_localities', 'coordinate', 'commune')).toBe(false);
    expect(isGroupMemberConcerned('departments_and_localities', 'coordinate', 'ward')).toBe(false);
    expect(isGroupMemberConcerned('other_departments', 'coordinate', 'department')).toBe(true);
  });

  it('never takes in a unit outside the group', () => {
    expect(isGroupMemberConcerned('other_departments', 'lead', 'commune')).toBe(false);
    expect(isGroupMemberConcerned('enterprises_and_organisations', 'coordinate', 'department')).toBe(false);
    expect(isGroupMemberConcerned('departments_and_localities', 'lead', 'committee')).toBe(false);
  });
});
