import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OrgUnitKind, SuccessionKind } from '../../../shared/domain.js';
import { PATHS } from '../../paths.js';

export interface SeedUnit {
  code: string;
  name: string;
  fullName: string;
  kind: OrgUnitKind;
  parentCode?: string;
  validFrom?: string;
  validTo?: string;
  postalCode?: string;
}

export interface SeedSuccession {
  from: string;
  to: string;
  date: string;
  kind: SuccessionKind;
  note?: string;
}

/**
 * The departments of the plan. Bến Tre merged its departments on 1/3/2025 (Sở NN&PTNT + Sở
 * TN&MT → Sở Nông nghiệp và Môi trường; Sở KH&ĐT + Sở Tài chính → Sở Tài chính; Sở TT&TT + Sở
 * KH&CN → Sở Khoa học và Công nghệ); on 1/7/2025 the departments of Bến Tre, Trà Vinh and Vĩnh
 * Long merged into those of the new Tỉnh Vĩnh Long.
 */
const DEPARTMENTS: Array<{ key: string; name: string }> = [
  { key: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' },
  { key: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
  { key: 'STC', name: 'Sở Tài chính' },
  { key: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' },
  { key: 'SCT', name: 'Sở Công Thương' },
  { key: 'SYT', name: 'Sở Y tế' },
  { key: 'SXD', name: 'Sở Xây dựng' },
];

const MERGED_DEPARTMENTS_FROM = '2025-03-01';
const PROVINCE_MERGE = '2025-07-01';

/** Departments that ended when Bến Tre merged its departments on 1/3/2025. */
const PRE_2025_DEPARTMENTS: Array<{ code: string; name: string; into: string }> = [
  { code: 'BT-SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', into: 'BT-SNNMT' },
  { code: 'BT-STNMT', name: 'Sở Tài nguyên và Môi trường', into: 'BT-SNNMT' },
  { code: 'BT-SKHDT', name: 'Sở Kế hoạch và Đầu tư', into: 'BT-STC' },
  { code: 'BT-STC-2024', name: 'Sở Tài chính', into: 'BT-STC' },
  { code: 'BT-STTTT', name: 'Sở Thông tin và Truyền thông', into: 'BT-SKHCN' },
  { code: 'BT-SKHCN-2024', name: 'Sở Khoa học và Công nghệ', into: 'BT-SKHCN' },
];

const LEVEL_KIND: Record<string, OrgUnitKind> = {
  tinh: 'province',
  huyen: 'district',
  thanh_pho: 'district',
  xa: 'commune',
  phuong: 'ward',
};

/** Reads the administrative units of the plan's territory from the CSV shipped with the project. */
function readAdministrativeUnits(): Array<Record<string, string>> {
  const csv = readFileSync(path.join(PATHS.seedData, 'don-vi-hanh-chinh-ben-tre.csv'), 'utf8').trim();
  const [header, ...lines] = csv.split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

export function seedOrgUnits(): { units: SeedUnit[]; successions: SeedSuccession[] } {
  const units: SeedUnit[] = [];
  const successions: SeedSuccession[] = [];
  const rows = readAdministrativeUnits();

  for (const r of rows) {
    units.push({
      code: r.code,
      name: r.name,
      fullName: r.full_name,
      kind: LEVEL_KIND[r.level],
      parentCode: r.parent_code || undefined,
      validFrom: r.valid_from || undefined,
      validTo: r.valid_to || undefined,
      postalCode: r.postal_code || undefined,
    });
    if (r.former_district_hint) {
      successions.push({
        from: r.former_district_hint,
        to: r.code,
        date: PROVINCE_MERGE,
        kind: 'split',
        note: 'Theo vùng mã bưu chính (gợi ý, không phải căn cứ pháp lý)',
      });
    }
  }
  successions.push({ from: '83', to: '86', date: PROVINCE_MERGE, kind: 'merge', note: 'Nghị quyết 202/2025/QH15' });

  units.push(
    {
      code: 'BT-UBND',
      name: 'UBND tỉnh Bến Tre',
      fullName: 'Ủy ban nhân dân tỉnh Bến Tre',
      kind: 'committee',
      parentCode: '83',
      validTo: '2025-06-30',
    },
    {
      code: 'VL-UBND',
      name: 'UBND tỉnh Vĩnh Long',
      fullName: 'Ủy ban nhân dân tỉnh Vĩnh Long',
      kind: 'committee',
      parentCode: '86',
      validFrom: PROVINCE_MERGE,
    },
  );
  successions.push({ from: 'BT-UBND', to: 'VL-UBND', date: PROVINCE_MERGE, kind: 'merge' });

  for (const d of PRE_2025_DEPARTMENTS) {
    units.push({
      code: d.code,
      name: d.name,
      fullName: `${d.name} tỉnh Bến Tre`,
      kind: 'department',
      parentCode: '83',
      validTo: '2025-02-28',
    });
    successions.push({ from: d.code, to: d.into, date: MERGED_DEPARTMENTS_FROM, kind: 'merge' });
  }
  for (const d of DEPARTMENTS) {
    const merged = ['SNNMT', 'STC', 'SKHCN'].includes(d.key);
    units.push({
      code: `BT-${d.key}`,
      name: d.name,
      fullName: `${d.name} tỉnh Bến Tre`,
      kind: 'department',
      parentCode: '83',
      validFrom: merged ? MERGED_DEPARTMENTS_FROM : undefined,
      validTo: '2025-06-30',
    });
    units.push({
      code: `VL-${d.key}`,
      name: d.name,
      fullName: `${d.name} tỉnh Vĩnh Long`,
      kind: 'department',
      parentCode: '86',
      validFrom: PROVINCE_MERGE,
    });
    successions.push({ from: `BT-${d.key}`, to: `VL-${d.key}`, date: PROVINCE_MERGE, kind: 'merge' });
  }
  return { units, successions };
}
