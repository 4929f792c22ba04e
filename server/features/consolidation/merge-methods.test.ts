// The method sentence of an indicator derived per waste stream, written once (issue 13: the
// consolidated draft's note repeated SP-01's sentence four times, once per stream).
import { describe, expect, it } from 'vitest';
import { mergeMethods } from './compile-tables.js';

const per = (stream: string) =>
  `Số chế phẩm sinh học xử lý chất thải ${stream} có ngày ứng dụng trong khoảng số liệu. Toàn tỉnh: chế phẩm cùng tên và nhà sản xuất chỉ tính một lần dù nhiều đơn vị cùng báo cáo.`;

describe('mergeMethods', () => {
  it('lists the streams where the sentences differ and keeps the shared words once', () => {
    expect(mergeMethods([per('nông/lâm/thủy sản'), per('y tế'), per('công nghiệp'), per('sinh hoạt')])).toBe(
      per('nông/lâm/thủy sản, y tế, công nghiệp và sinh hoạt'),
    );
  });

  it('keeps one method as it is, and sentences that differ throughout one after another', () => {
    expect(mergeMethods([per('y tế')])).toBe(per('y tế'));
    expect(mergeMethods(['Số lớp đào tạo.', 'Tổng kinh phí được bố trí trong năm.'])).toBe(
      'Số lớp đào tạo. Tổng kinh phí được bố trí trong năm.',
    );
  });
});
