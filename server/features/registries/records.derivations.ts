// The catalogue indicators that follow from the generic registries (issue 12), read by the report's
// prefill, the review's differences and the consolidation (server/lib/derivations.ts). A record
// counts in a window when its dates (the kind's `span`, stored as occurred_on/ended_on, Vietnamese
// calendar days) meet the window, both ends included. For a unit, its own records; for the province,
// every unit's, each identity (identity_key, the kind's `identity`) once, so the same training or
// decision reported by two units is counted once and its figure taken once (the larger).
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { registryKind, WASTE_STREAM_OPTIONS } from '../../../shared/registry-kinds.js';
import { pathTo } from '../../../shared/routes.js';
import type { DbOrTx } from '../../db/client.js';
import { registryRecords } from '../../db/schema/index.js';
import type { Derivation, DerivationWindow } from '../../lib/derivations.js';
import { meetsWindow } from './records.repository.js';

interface Spec {
  code: string;
  wasteStream?: string;
  kind: string;
  /** null: count the identities; otherwise the sum of this numeric expression, once per identity. */
  measure: SQL | null;
  filter?: SQL;
  method: { vi: string; en: string };
}

const num = (key: string) => sql`coalesce((${registryRecords.data} ->> ${key})::numeric, 0)`;

/** The method in words: what is counted for a unit, and how the province counts each thing once. */
const method = (vi: string, viOnce: string, en: string, enOnce: string) => ({
  vi: `${vi} Toàn tỉnh: ${viOnce} chỉ tính một lần dù nhiều đơn vị cùng báo cáo.`,
  en: `${en} Province: ${enOnce} counted once however many units report it.`,
});

const SPECS: Spec[] = [
  {
    code: 'KH-01',
    kind: 'st_task',
    measure: null,
    method: method(
      'Số nhiệm vụ KH&CN có thời gian thực hiện (từ ngày bắt đầu đến ngày kết thúc) giao với khoảng số liệu.',
      'nhiệm vụ cùng mã số (hoặc, không có mã, cùng tên và ngày bắt đầu)',
      'S&T tasks whose period meets the data window.',
      'a task with the same code (or, without one, title and start date) is',
    ),
  },
  {
    code: 'KH-02',
    kind: 'tech_transfer',
    measure: null,
    method: method(
      'Số lần chuyển giao công nghệ có ngày chuyển giao trong khoảng số liệu.',
      'chuyển giao cùng công nghệ, bên nhận và năm',
      'Technology transfers dated in the window.',
      'a transfer of the same technology to the same recipient in the same year is',
    ),
  },
  {
    code: 'DT-01',
    kind: 'training',
    measure: null,
    method: method(
      'Số lớp đào tạo, tập huấn diễn ra (từ ngày bắt đầu đến ngày kết thúc) trong khoảng số liệu.',
      'lớp cùng tên và ngày bắt đầu',
      'Trainings held in the window.',
      'a training with the same title and start date is',
    ),
  },
  {
    code: 'DT-03',
    kind: 'training',
    measure: sql`${num('officials')} + ${num('business')} + ${num('residents')}`,
    method: method(
      'Tổng số người tham dự (cán bộ, doanh nghiệp, người dân) của các lớp diễn ra trong khoảng số liệu.',
      'lớp cùng tên và ngày bắt đầu (lấy số người lớn hơn)',
      'Participants (officials, business, residents) of the trainings held in the window.',
      'a training with the same title and start date (the larger figure) is',
    ),
  },
  {
    code: 'TT-01',
    kind: 'communication',
    measure: null,
    method: method(
      'Số hoạt động truyền thông có ngày thực hiện trong khoảng số liệu.',
      'hoạt động cùng hình thức, ngày, kênh và nội dung',
      'Communication activities dated in the window.',
      'an activity of the same kind, date, channel and subject is',
    ),
  },
  {
    code: 'TT-02',
    kind: 'communication',
    measure: num('reach'),
    method: method(
      'Tổng số lượt người tiếp cận (ước tính) của các hoạt động truyền thông trong khoảng số liệu.',
      'hoạt động cùng hình thức, ngày, kênh và nội dung (lấy số lượt lớn hơn)',
      'Estimated reach of the communication activities in the window.',
      'an activity of the same kind, date, channel and subject (the larger reach) is',
    ),
  },
  {
    code: 'CS-01',
    kind: 'policy',
    measure: null,
    method: method(
      'Số văn bản cơ chế, chính sách ban hành hoặc rà soát có ngày văn bản trong khoảng số liệu.',
      'văn bản cùng số, ngày và việc ban hành hoặc rà soát',
      'Policies issued or reviewed, dated in the window.',
      'a document with the same number, date and action is',
    ),
  },
  {
    code: 'KP-01',
    kind: 'funding',
    measure: num('amount'),
    method: method(
      'Tổng kinh phí (triệu đồng) có ngày quyết định trong khoảng số liệu, hoặc không có ngày quyết định mà năm giao với khoảng số liệu.',
      'khoản kinh phí cùng số quyết định, nguồn và số tiền',
      'Funding (million VND) whose decision is dated in the window or, without a date, whose year meets it.',
      'an allocation with the same decision number, source and amount is',
    ),
  },
  {
    code: 'DT-02',
    kind: 'investment',
    measure: num('capital'),
    filter: sql`${registryRecords.data} ->> 'status' in ('approved', 'implementing', 'operating')`,
    method: method(
      'Tổng vốn đầu tư (triệu đồng) của các dự án được chấp thuận chủ trương (hoặc, không có ngày đó, bắt đầu triển khai) trong khoảng số liệu.',
      'dự án cùng nhà đầu tư và tên dự án',
      'Capital (million VND) of the projects approved (or, without that date, started) in the window.',
      'a project with the same investor and name is',
    ),
  },
  ...WASTE_STREAMS.map((stream): Spec => {
    const label = WASTE_STREAM_OPTIONS.find((o) => o.value === stream)!;
    return {
      code: 'SP-01',
      wasteStream: stream,
      kind: 'bio_product',
      measure: null,
      filter: sql`${registryRecords.data} -> 'wasteStreams' @> ${JSON.stringify([stream])}::jsonb`,
      method: method(
        `Số chế phẩm sinh học xử lý chất thải ${label.vi.toLowerCase()} có ngày ứng dụng trong khoảng số liệu.`,
        'chế phẩm cùng tên và nhà sản xuất',
        `Bio-products treating ${label.en.toLowerCase()} waste applied in the window.`,
        'a product with the same name and producer is',
      ),
    };
  }),
];

function where(s: Spec, window: DerivationWindow, extra?: SQL): SQL {
  return and(eq(registryRecords.kind, s.kind), meetsWindow(window.from, window.to), s.filter, extra)!;
}

/** Per unit: one row per (unit, identity) with its figure, then counted or summed per unit. */
async function byUnit(db: DbOrTx, s: Spec, window: DerivationWindow, unitIds: string[]): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const inner = db
    .select({
      unitId: registryRecords.unitId,
      v: (s.measure ? sql`max(${s.measure})` : sql`1`).as('v'),
    })
    .from(registryRecords)
    .where(where(s, window, inArray(registryRecords.unitId, unitIds)))
    .groupBy(registryRecords.unitId, registryRecords.identityKey)
    .as('g');
  const rows = await db
    .select({ unitId: inner.unitId, value: sql<string>`sum(${inner.v})` })
    .from(inner)
    .groupBy(inner.unitId);
  return new Map(rows.filter((r) => r.unitId).map((r) => [r.unitId!, Number(r.value)]));
}

/** The province: one row per identity with its (largest) figure, counted or summed. */
async function province(db: DbOrTx, s: Spec, window: DerivationWindow): Promise<number> {
  const inner = db
    .select({ v: (s.measure ? sql`max(${s.measure})` : sql`1`).as('v') })
    .from(registryRecords)
    .where(where(s, window))
    .groupBy(registryRecords.identityKey)
    .as('g');
  const [row] = await db.select({ value: sql<string | null>`sum(${inner.v})` }).from(inner);
  return Number(row?.value ?? 0);
}

/** The client's list of a registry filtered to a window (and a unit). */
export function recordsLink(kind: string, window: DerivationWindow, unitId?: string): string {
  const slug = registryKind(kind)?.slug ?? kind;
  return pathTo('registryList', { kind: slug }, { tu: window.from, den: window.to, 'don-vi': unitId });
}

/** Every indicator the generic registries derive (not DN-01/DN-02: the enterprise registry's). */
export const registryDerivations: Derivation[] = SPECS.map((s) => ({
  indicatorCode: s.code,
  wasteStream: s.wasteStream ?? null,
  method: s.method,
  byUnit: (db, window, unitIds) => byUnit(db, s, window, unitIds),
  province: (db, window) => province(db, s, window),
  recordsLink: (window, unitId) => recordsLink(s.kind, window, unitId),
}));
