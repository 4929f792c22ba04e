// What the portal's new pages and open data read: the published years of the plan in force (never
// a withdrawn or unpublished one), the indicators over those years, the public registry, and the
// rows of each open dataset.
import type { PlanDto } from '../../../shared/contracts/plans.js';
import { vietnamDate } from '../../../shared/format.js';
import { WASTE_STREAM_LABELS } from '../../../shared/reporting-rules.js';
import type { Ctx } from '../../lib/context.js';
import { listPublished as listPublishedAnswers } from '../feedback/index.js';
import { planLineage } from '../plan/index.js';
import { listPublicEnterprises } from '../registries/index.js';
import type { PublishedFigure } from '../../db/schema/index.js';
import type { DatasetName, Row } from './opendata.js';
import { TEXTS } from './i18n.js';
import { itemPaths, unitName } from './pages.js';
import { listPublished, type PublicationRow } from './publishing.repository.js';

export type Publication = Pick<PublicationRow, 'year' | 'items' | 'figures' | 'publishedAt' | 'updatedAt'> & {
  /** The replaced plan the year was published for; null for the plan's own years. */
  fromPlan: { id: string; number: string } | null;
};

/**
 * The published years of the plan, oldest first (none without a plan), continued by the years the
 * plans it replaces published (nearest first; a year the plan published itself is its own), so an
 * indicator's series runs on across the replacement where codes match.
 */
export async function publications(ctx: Ctx, plan: PlanDto | null): Promise<Publication[]> {
  if (!plan) return [];
  const own: Publication[] = (await listPublished(ctx.db, plan.id)).map((p) => ({ ...p, fromPlan: null }));
  const years = new Set(own.map((p) => p.year));
  const earlier: Publication[] = [];
  for (const old of (await planLineage(ctx.db, plan.id)).ancestors) {
    for (const p of await listPublished(ctx.db, old.planId)) {
      if (years.has(p.year)) continue;
      years.add(p.year);
      earlier.push({ ...p, fromPlan: { id: old.planId, number: old.number } });
    }
  }
  return [...own, ...earlier].sort((a, b) => a.year - b.year);
}

export interface IndicatorSeries {
  code: string;
  name: string;
  unit: string;
  points: Array<{ year: number; value: number | null; reporting: number }>;
}

/** Each indicator published at least once, with its total in every published year (name as last published). */
export function indicatorSeries(pubs: Publication[]): IndicatorSeries[] {
  const byCode = new Map<string, IndicatorSeries>();
  for (const pub of pubs) {
    for (const f of pub.figures) {
      const s = byCode.get(f.code) ?? { code: f.code, name: f.name, unit: f.unit, points: [] };
      s.name = f.name;
      s.unit = f.unit;
      s.points.push({ year: pub.year, value: f.total, reporting: f.reporting });
      byCode.set(f.code, s);
    }
  }
  const years = pubs.map((p) => p.year);
  // Every series has a point for every published year, so that its table and chart line up.
  for (const s of byCode.values()) {
    s.points = years.map((y) => s.points.find((p) => p.year === y) ?? { year: y, value: null, reporting: 0 });
  }
  return [...byCode.values()];
}

const streamValue = (f: PublishedFigure, stream: string) => f.streams.find((s) => s.stream === stream)?.value ?? null;
const joined = (values: Array<string | number>) => values.join('; ');

/**
 * The rows of an open dataset, in a stable order. No value is null in every format (an empty text
 * too): CSV cannot tell an empty text from a missing one, so the dataset never holds both.
 */
export async function datasetRows(ctx: Ctx, name: DatasetName, plan: PlanDto | null): Promise<Row[]> {
  const rows = await readRows(ctx, name, plan);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v])));
}

async function readRows(ctx: Ctx, name: DatasetName, plan: PlanDto | null): Promise<Row[]> {
  if (name === 'so-lieu-chi-tieu') {
    return (await publications(ctx, plan)).flatMap((pub) =>
      pub.figures.map((f) => ({
        nam: pub.year,
        ma_chi_tieu: f.code,
        ten_chi_tieu: f.name,
        don_vi_tinh: f.unit,
        tong_so: f.total,
        nong_lam_thuy_san: streamValue(f, 'agri'),
        y_te: streamValue(f, 'medical'),
        cong_nghiep: streamValue(f, 'industrial'),
        sinh_hoat: streamValue(f, 'domestic'),
        so_don_vi_bao_cao: f.reporting,
        ngay_cong_bo: vietnamDate(pub.publishedAt),
      })),
    );
  }
  if (name === 'doanh-nghiep-che-pham') {
    return (await listPublicEnterprises(ctx.db)).map((e) => ({
      ten_doanh_nghiep: e.name,
      xa_phuong: e.commune,
      nganh_nghe: e.sector,
      san_pham: joined(e.products.map((p) => p.name)),
      dong_chat_thai: joined(e.wasteStreams.map((s) => WASTE_STREAM_LABELS[s].vi)),
      nam_quy_mo_cong_nghiep: joined(e.industrialYears),
    }));
  }
  if (name === 'nhiem-vu-ke-hoach') {
    if (!plan) return [];
    const path = itemPaths(plan.items);
    const t = TEXTS.vi;
    return plan.items.map((i) => ({
      muc: path.get(i.id) ?? i.label,
      loai: i.kind,
      tieu_de: i.title ?? '',
      noi_dung: i.text ?? '',
      chu_tri: joined(i.assignments.filter((a) => a.role === 'lead').map((a) => unitName(a, t))),
      phoi_hop: joined(i.assignments.filter((a) => a.role === 'coordinate').map((a) => unitName(a, t))),
    }));
  }
  const answers = await listPublishedAnswers(ctx, { page: 1, pageSize: 100_000 });
  return answers.data.map((a) => ({
    chu_de: a.subject,
    cau_hoi: a.text,
    tra_loi: a.answer,
    ngay_tra_loi: a.answeredAt ? vietnamDate(new Date(a.answeredAt)) : null,
    muc_ke_hoach: a.planItem ? (a.planItem.label ?? a.planItem.key) : '',
  }));
}
