import { describe, expect, it } from 'vitest';
import type { FormIndicatorDto, FormSectionDto } from './contracts/reporting.js';
import {
  checkIndicatorValue,
  canApply,
  computeTotals,
  diffContent,
  kindGroupOf,
  nextStatus,
  submissionAllowed,
  validateForSubmit,
  type ReportContent,
} from './reporting-rules.js';
import {
  addDays,
  daysBetween,
  defaultDeadline,
  dueReminderSlot,
  endOfVietnamDay,
  lockDate,
  submissionTiming,
  unitDeadline,
} from './deadlines.js';

describe('dates in Vietnam (UTC+7)', () => {
  it('a report sent at 23:59 on 30/11 local time is on time; 00:01 on 1/12 is one day late', () => {
    expect(submissionTiming('2026-11-30', 0, new Date('2026-11-30T23:59:00+07:00'))).toEqual({
      timing: 'on_time',
      daysLate: 0,
    });
    expect(submissionTiming('2026-11-30', 0, new Date('2026-11-30T16:59:59Z'))).toEqual({
      timing: 'on_time',
      daysLate: 0,
    });
    expect(submissionTiming('2026-11-30', 3, new Date('2026-12-01T00:01:00+07:00'))).toEqual({
      timing: 'late',
      daysLate: 1,
    });
    // 17:00 UTC on 30/11 is already 1/12 in Vietnam.
    expect(submissionTiming('2026-11-30', 3, new Date('2026-11-30T17:00:00Z')).timing).toBe('late');
  });

  it('a Vietnamese day ends at 16:59:59.999 UTC', () => {
    expect(endOfVietnamDay('2026-11-30').toISOString()).toBe('2026-11-30T16:59:59.999Z');
  });

  it('grace: late within deadline + grace days, locked after', () => {
    expect(submissionTiming('2026-11-30', 5, new Date('2026-12-05T23:59:00+07:00'))).toEqual({
      timing: 'late',
      daysLate: 5,
    });
    expect(submissionTiming('2026-11-30', 5, new Date('2026-12-06T00:00:00+07:00'))).toEqual({
      timing: 'locked',
      daysLate: 6,
    });
    expect(submissionTiming('2026-11-30', 0, new Date('2026-12-01T00:00:00+07:00')).timing).toBe('locked');
    expect(lockDate('2026-11-30', 5)).toBe('2026-12-05');
  });

  it('an extension replaces the deadline only when later', () => {
    expect(unitDeadline('2026-11-30', '2026-12-15')).toBe('2026-12-15');
    expect(unitDeadline('2026-11-30', '2026-11-01')).toBe('2026-11-30');
    expect(unitDeadline('2026-11-30', null)).toBe('2026-11-30');
    const d = unitDeadline('2026-11-30', '2026-12-15');
    expect(submissionTiming(d, 0, new Date('2026-12-10T10:00:00+07:00')).timing).toBe('on_time');
  });

  it('date arithmetic crosses months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-30', '2027-01-02')).toBe(33);
    expect(defaultDeadline(2026)).toBe('2026-11-30');
  });
});

describe('workflow', () => {
  it('draft → submitted → returned → submitted → accepted', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'return')).toBe('returned');
    expect(nextStatus('returned', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'accept')).toBe('accepted');
  });

  it('refuses every other transition', () => {
    expect(canApply('draft', 'accept')).toBe(false);
    expect(canApply('draft', 'return')).toBe(false);
    expect(canApply('submitted', 'submit')).toBe(false);
    expect(canApply('submitted', 'save')).toBe(false);
    expect(canApply('accepted', 'save')).toBe(false);
    expect(canApply('accepted', 'return')).toBe(false);
    expect(canApply('returned', 'accept')).toBe(false);
    expect(canApply('returned', 'save')).toBe(true);
    expect(nextStatus('accepted', 'submit')).toBeNull();
  });

  it('the lock stops a first submission, never the resubmission of a returned report', () => {
    const at = new Date('2026-12-20T10:00:00+07:00');
    expect(
      submissionAllowed({ status: 'draft', hasBeenSubmitted: false, deadline: '2026-11-30', graceDays: 3, at }),
    ).toMatchObject({ allowed: false, reason: 'locked' });
    expect(
      submissionAllowed({ status: 'returned', hasBeenSubmitted: true, deadline: '2026-11-30', graceDays: 3, at })
        .allowed,
    ).toBe(true);
    expect(
      submissionAllowed({ status: 'accepted', hasBeenSubmitted: true, deadline: '2026-11-30', graceDays: 3, at }),
    ).toMatchObject({ allowed: false, reason: 'status' });
  });
});

describe('reminder days', () => {
  const offsets = [7, 3, 1, -1, -3];
  it('fires the latest slot whose day has come', () => {
    expect(dueReminderSlot('2026-11-30', offsets, '2026-11-22')).toBeNull();
    expect(dueReminderSlot('2026-11-30', offsets, '2026-11-23')).toBe(7);
    expect(dueReminderSlot('2026-11-30', offsets, '2026-11-26')).toBe(7);
    expect(dueReminderSlot('2026-11-30', offsets, '2026-11-27')).toBe(3);
    expect(dueReminderSlot('2026-11-30', offsets, '2026-11-30')).toBe(1);
    expect(dueReminderSlot('2026-11-30', offsets, '2026-12-01')).toBe(-1);
    expect(dueReminderSlot('2026-11-30', offsets, '2026-12-03')).toBe(-3);
  });
  it('stops once the last slot is stale', () => {
    expect(dueReminderSlot('2026-11-30', offsets, '2026-12-10')).toBe(-3);
    expect(dueReminderSlot('2026-11-30', offsets, '2026-12-11')).toBeNull();
  });
});

describe('unit kinds on the board', () => {
  it('groups departments, localities and enterprises', () => {
    expect(kindGroupOf('department')).toBe('department');
    expect(kindGroupOf('ward')).toBe('locality');
    expect(kindGroupOf('commune')).toBe('locality');
    expect(kindGroupOf('enterprise')).toBe('enterprise');
    expect(kindGroupOf('province')).toBe('other');
  });
});

const ind = (o: Partial<FormIndicatorDto> & Pick<FormIndicatorDto, 'code' | 'valueType'>): FormIndicatorDto => ({
  name: `Tên ${o.code}`,
  nameEn: `Name ${o.code}`,
  unit: '',
  byWasteStream: false,
  isRequired: false,
  min: null,
  max: null,
  position: 0,
  ...o,
});
const form = {
  indicators: [
    ind({ code: 'KH-00', valueType: 'boolean', isRequired: true, position: 1 }),
    ind({ code: 'DN-01', valueType: 'integer', isRequired: true, min: 0, position: 2 }),
    ind({ code: 'XL-01', valueType: 'number', byWasteStream: true, min: 0, position: 3 }),
    ind({ code: 'TL-01', valueType: 'percent', position: 4 }),
    ind({ code: 'GC-01', valueType: 'text', position: 5 }),
  ],
  sections: [
    {
      planItemId: '00000000-0000-4000-8000-000000000001',
      key: 'IV.4',
      label: '4.',
      title: 'Sở Tài chính',
      role: 'lead',
    },
  ] as FormSectionDto[],
};
const empty: ReportContent = { values: [], sections: [], otherResults: '', proposalsToCommittee: '' };

describe('form rules', () => {
  it('names every failing field, in Vietnamese, with its path', () => {
    const issues = validateForSubmit(form, {
      ...empty,
      values: [
        { indicatorCode: 'DN-01', value: 2.5 },
        { indicatorCode: 'XL-01', wasteStream: 'medical', value: -1 },
        { indicatorCode: 'TL-01', value: 120 },
      ],
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message.vi]));
    expect(byPath['values.KH-00']).toMatch(/bắt buộc/);
    expect(byPath['values.DN-01']).toMatch(/số nguyên/);
    expect(byPath['values.XL-01.medical']).toMatch(/dòng chất thải y tế: không được nhỏ hơn 0/);
    expect(byPath['values.TL-01']).toMatch(/không được lớn hơn 100/);
    expect(byPath['sections.00000000-0000-4000-8000-000000000001.results']).toMatch(/^Mục 4 "Sở Tài chính"/);
  });

  it('cites plan items by their labels as issued, never by the internal key', () => {
    const section = (id: string, key: string, label: string, citation: string | null) =>
      ({ planItemId: id, key, label, title: 'Tuyên truyền', role: 'lead', citation }) as FormSectionDto;
    const cited = {
      indicators: [],
      sections: [
        section('00000000-0000-4000-8000-000000000002', 'II-NV.2', '2.', 'mục II.2 phần Nhiệm vụ kế hoạch'),
        section('00000000-0000-4000-8000-000000000003', 'II-NV.3', '3.', null),
      ],
    };
    const messages = validateForSubmit(cited, empty).flatMap((i) => [i.message.vi, i.message.en]);
    expect(messages).toHaveLength(4);
    for (const m of messages) expect(m).not.toMatch(/II-NV/);
    expect(messages[0]).toBe('Mục II.2 phần Nhiệm vụ kế hoạch "Tuyên truyền": chưa nhập kết quả đạt được');
    expect(messages[2]).toMatch(/^Mục 3 "Tuyên truyền"/);
    const filled = {
      ...empty,
      sections: [{ planItemId: cited.sections[0].planItemId, results: 'x', difficulties: '', proposals: '' }],
    };
    expect(diffContent(cited, empty, filled).map((c) => c.label)).toEqual([
      'mục II.2 phần Nhiệm vụ kế hoạch · kết quả',
    ]);
  });

  it('passes a complete report', () => {
    const issues = validateForSubmit(form, {
      ...empty,
      values: [
        { indicatorCode: 'KH-00', value: true },
        { indicatorCode: 'DN-01', value: 3 },
        { indicatorCode: 'XL-01', wasteStream: 'agri', value: 10.5 },
      ],
      sections: [
        { planItemId: form.sections[0].planItemId, results: 'Đã bố trí kinh phí', difficulties: '', proposals: '' },
      ],
    });
    expect(issues).toEqual([]);
  });

  it('refuses wrong shapes: unknown indicator, missing stream, wrong type, duplicates', () => {
    const issues = validateForSubmit(form, {
      ...empty,
      values: [
        { indicatorCode: 'ZZ-99', value: 1 },
        { indicatorCode: 'XL-01', value: 1 },
        { indicatorCode: 'KH-00', value: 'có' },
        { indicatorCode: 'DN-01', value: 1 },
        { indicatorCode: 'DN-01', value: 2 },
      ],
    });
    const text = issues.map((i) => i.message.vi).join('\n');
    expect(text).toMatch(/ZZ-99 không có trong biểu mẫu/);
    expect(text).toMatch(/cần nhập theo dòng chất thải/);
    expect(text).toMatch(/phải là có\/không/);
    expect(text).toMatch(/nhập hai lần/);
  });

  it('computes totals by waste stream', () => {
    expect(
      computeTotals(form.indicators, [
        { indicatorCode: 'XL-01', wasteStream: 'agri', value: 0.1 },
        { indicatorCode: 'XL-01', wasteStream: 'medical', value: 0.2 },
      ]),
    ).toEqual([{ indicatorCode: 'XL-01', total: 0.3 }]);
    expect(computeTotals(form.indicators, [])).toEqual([{ indicatorCode: 'XL-01', total: null }]);
  });

  it('diffs two versions field by field', () => {
    const a: ReportContent = {
      ...empty,
      values: [
        { indicatorCode: 'DN-01', value: 1 },
        { indicatorCode: 'XL-01', wasteStream: 'agri', value: 5 },
      ],
    };
    const b: ReportContent = { ...empty, values: [{ indicatorCode: 'DN-01', value: 2 }], otherResults: 'Thêm' };
    const changes = diffContent(form, a, b);
    expect(changes).toEqual([
      { kind: 'value', path: 'values.DN-01', label: 'DN-01', before: 1, after: 2 },
      { kind: 'value', path: 'values.XL-01.agri', label: 'XL-01 · nông, lâm, thủy sản', before: 5, after: null },
      { kind: 'free', path: 'otherResults', label: 'Kết quả khác', before: '', after: 'Thêm' },
    ]);
  });
});

describe('checkIndicatorValue: the one range rule of the form, the import and the server', () => {
  const rule = (o: Partial<FormIndicatorDto>) => ({
    valueType: 'number' as FormIndicatorDto['valueType'],
    min: null,
    max: null,
    ...o,
  });
  const vi = (o: Partial<FormIndicatorDto>, n: number) => checkIndicatorValue(rule(o), n).map((m) => m.vi);

  it('refuses negative counts and amounts when no min is given', () => {
    expect(vi({ valueType: 'number' }, -3)).toEqual(['không được nhỏ hơn 0 (đang là -3)']);
    expect(vi({ valueType: 'integer' }, -1)).toEqual(['không được nhỏ hơn 0 (đang là -1)']);
    expect(vi({ valueType: 'number' }, 0)).toEqual([]);
    expect(vi({ valueType: 'number' }, 1234.5)).toEqual([]);
  });

  it('keeps percentages between 0 and 100', () => {
    expect(vi({ valueType: 'percent' }, 120)).toEqual(['không được lớn hơn 100 (đang là 120)']);
    expect(vi({ valueType: 'percent' }, -0.5)).toEqual(['không được nhỏ hơn 0 (đang là -0,5)']);
    expect(vi({ valueType: 'percent' }, 100)).toEqual([]);
    expect(vi({ valueType: 'percent' }, 99.5)).toEqual([]);
  });

  it("applies the indicator's own min and max, written each language's way", () => {
    expect(vi({ min: 10, max: 2000 }, 2500.5)).toEqual(['không được lớn hơn 2.000 (đang là 2.500,5)']);
    expect(checkIndicatorValue(rule({ min: 10, max: 2000 }), 2500.5)[0].en).toBe(
      'must be at most 2,000 (found 2,500.5)',
    );
    expect(vi({ min: 10 }, 9)).toEqual(['không được nhỏ hơn 10 (đang là 9)']);
    expect(vi({ min: -50 }, -20)).toEqual([]);
  });

  it('wants whole numbers for integer indicators', () => {
    expect(vi({ valueType: 'integer' }, 2.5)).toEqual(['phải là số nguyên (đang là 2,5)']);
    expect(vi({ valueType: 'integer' }, 3)).toEqual([]);
    expect(vi({ valueType: 'integer' }, -2.5)).toEqual([
      'phải là số nguyên (đang là -2,5)',
      'không được nhỏ hơn 0 (đang là -2,5)',
    ]);
  });

  it('has nothing to say about yes/no and text indicators', () => {
    expect(vi({ valueType: 'boolean' }, -1)).toEqual([]);
    expect(vi({ valueType: 'text' }, -1)).toEqual([]);
  });

  it('is what the submission check says, with the field named', () => {
    const issues = validateForSubmit(
      { indicators: [ind({ code: 'NL-01', valueType: 'number', position: 1 })], sections: [] },
      { ...empty, values: [{ indicatorCode: 'NL-01', value: -3 }] },
    );
    expect(issues).toEqual([
      {
        path: 'values.NL-01',
        message: {
          vi: 'Chỉ tiêu "Tên NL-01" (NL-01): không được nhỏ hơn 0 (đang là -3)',
          en: expect.stringContaining('NL-01'),
        },
      },
    ]);
  });
});
