// One unit's report as a Word file, its Excel template and import, and a cycle's Excel export.
// Reports are read and saved through the reporting service (its access, status and version
// rules apply); nothing here writes the reporting tables itself.
import type { ImportResultDto, RefusedCellDto } from '../../../shared/contracts/consolidation.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { formatDate, formatNumber } from '../../../shared/format.js';
import { canApply, STATUS_LABELS, vietnamDay, WASTE_STREAM_LABELS, type ContentValue } from '../../../shared/reporting-rules.js';
import { LIMITS } from '../../../shared/limits.js';
import { DEPARTMENT_ABBREVIATIONS } from '../../db/seed/org-units.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { renderOfficialDocument } from '../../lib/documents/decree30.js';
import { AppError, msg, notFound, type Message } from '../../lib/errors.js';
import { localStorage } from '../../lib/storage.js';
import {
  buildCycleExport,
  buildReportTemplate,
  InvalidTemplateError,
  parseNumber,
  readReportTemplate,
  type TemplateIndicator,
} from '../../lib/spreadsheets/workbooks.js';
import { getReport, saveReport } from '../reporting/reports.service.js';
import { compileTables } from './compile.js';
import * as repo from './consolidation.repository.js';
import { reportDocument, titleCase } from './document-model.js';

const streamList = () => WASTE_STREAMS.map((s) => ({ code: s, label: capital(WASTE_STREAM_LABELS[s].vi) }));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

async function planContext(ctx: Ctx, cycleId: string) {
  const cp = await repo.getCycleWithPlan(ctx.db, cycleId);
  if (!cp) throw notFound(msg('Không tìm thấy kỳ báo cáo', 'Reporting cycle not found'));
  const committee = await repo.committeeOn(ctx.db, vietnamDay(ctx.clock.now()));
  const province = committee?.fullName.replace(/^Ủy ban nhân dân tỉnh\s+/u, '') ?? 'Vĩnh Long';
  const planIssuer = `Ủy ban nhân dân ${titleCase(cp.plan.issuer).replace(/^Tỉnh\b/u, 'tỉnh')}`;
  return { ...cp, province, planIssuer };
}

/* ───────────────────────────── Word ───────────────────────────── */

/**
 * One unit's report as a Word file in the state format, headed with the unit's own agency.
 * Stored with its checksum per report version, so asking again answers the same file.
 */
export async function getReportDocx(ctx: Ctx, reportId: string): Promise<{ fileName: string; body: Buffer; sha256: string }> {
  const r = await getReport(ctx, reportId);
  const fileName = `bao-cao-${r.unit.code.toLowerCase()}-${r.year}-v${r.version}.docx`;
  const stored = await repo.reportDocumentAt(ctx.db, r.id, r.version);
  const storage = localStorage(ctx.config.filesDir);
  if (stored) return { fileName: stored.fileName, sha256: stored.sha256, body: await storage.get(stored.storageKey) };
  const p = await planContext(ctx, r.cycleId);
  const date = r.submittedAt ? vietnamDay(new Date(r.submittedAt)) : vietnamDay(ctx.clock.now());
  const body = await renderOfficialDocument(
    reportDocument(r, { province: p.province, planNumber: p.plan.number, planDate: p.plan.date, planIssuer: p.planIssuer, date, abbreviations: DEPARTMENT_ABBREVIATIONS }),
  );
  const put = await storage.put(body);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.insertDocument(tx, {
      kind: 'report_docx',
      cycleId: r.cycleId,
      reportId: r.id,
      sourceVersion: r.version,
      fileName,
      storageKey: put.key,
      sha256: put.sha256,
      size: put.size,
      createdBy: ctx.actor?.id ?? null,
    });
    await writeAudit(tx, { actor: ctx.actor, action: 'report.document', entityType: 'generated_document', entityId: row.id, data: { reportId: r.id, version: r.version, sha256: put.sha256 }, requestId: ctx.requestId, at: ctx.clock.now() });
  });
  return { fileName, sha256: put.sha256, body };
}

/* ───────────────────────────── Excel template and import ───────────────────────────── */

function templateIndicators(r: ReportDto): TemplateIndicator[] {
  return [...r.form.indicators]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({ code: i.code, name: i.name, unit: i.unit, valueType: i.valueType, byWasteStream: i.byWasteStream, min: i.min, max: i.max }));
}

/** The unit's form as an .xlsx, prefilled with what the report holds. */
export async function getReportTemplate(ctx: Ctx, reportId: string): Promise<{ fileName: string; body: Buffer }> {
  const r = await getReport(ctx, reportId);
  const p = await planContext(ctx, r.cycleId);
  const body = await buildReportTemplate({
    reportId: r.id,
    cycleId: r.cycleId,
    version: r.version,
    year: r.year,
    unitCode: r.unit.code,
    unitName: r.unit.fullName,
    planNumber: p.plan.number,
    indicators: templateIndicators(r),
    streams: streamList(),
    values: new Map(r.values.map((v) => [`${v.indicatorCode}|${v.wasteStream ?? ''}`, v.value])),
  });
  return { fileName: `bieu-mau-${r.unit.code.toLowerCase()}-${r.year}.xlsx`, body };
}

const refuse = (sheet: string, cell: string, reason: Message, lang: 'vi' | 'en'): RefusedCellDto => ({ sheet, cell, address: `${sheet}!${cell}`, reason: reason[lang] });

/**
 * Imports a filled template into the report's draft: every readable cell is checked against the
 * form (type, whole numbers, bounds, Có/Không), refused cells are listed with sheet, address and
 * reason, and the rest is saved through the reporting service's draft save (its version and
 * status rules apply). A file that is not a template of this report imports nothing (400). When
 * the values already equal the report's, nothing is saved: importing the same file twice
 * changes nothing the second time.
 */
export async function importReportXlsx(ctx: Ctx, reportId: string, file: { body: Buffer; fileName: string }, version?: number): Promise<ImportResultDto> {
  const r = await getReport(ctx, reportId);
  // Only the unit's officers write its report: others who may read it get 403, not 404.
  requireAccess(ctx, 'report.write.own');
  const actor = requireAccess(ctx, 'report.write.own', { orgUnitId: r.orgUnitId });
  let parsed: Awaited<ReturnType<typeof readReportTemplate>>;
  try {
    parsed = await readReportTemplate(file.body);
  } catch (e) {
    if (e instanceof InvalidTemplateError) {
      throw new AppError('INVALID_TEMPLATE', msg(`Tệp "${file.fileName}": ${e.vi}. Chưa nhập dữ liệu nào.`, `File "${file.fileName}": ${e.en}. Nothing was imported.`), {
        issues: [{ path: 'file', message: msg(e.vi, e.en) }],
      });
    }
    throw e;
  }
  if (parsed.meta.reportId !== r.id) {
    throw new AppError(
      'INVALID_TEMPLATE',
      msg(
        `Tệp "${file.fileName}" là biểu mẫu của một báo cáo khác (đơn vị ${parsed.meta.unitCode || 'khác'}); hãy tải biểu mẫu của báo cáo này. Chưa nhập dữ liệu nào.`,
        `File "${file.fileName}" is the template of another report (unit ${parsed.meta.unitCode || 'other'}); download this report's template. Nothing was imported.`,
      ),
      { issues: [{ path: 'file', message: msg('Biểu mẫu của báo cáo khác', 'Template of another report') }] },
    );
  }
  if (!canApply(r.status, 'save')) {
    throw new AppError(
      'REPORT_NOT_EDITABLE',
      msg(`Báo cáo năm ${r.year} của ${r.unit.name} đang ở trạng thái "${STATUS_LABELS[r.status].vi}", không nhập số liệu được`, `The ${r.year} report of ${r.unit.name} is ${STATUS_LABELS[r.status].en}; values cannot be imported`),
      { status: 409 },
    );
  }
  if (version !== undefined && version !== r.version) {
    throw new AppError('CONFLICT', msg(`Báo cáo đã được sửa (phiên bản ${r.version}); hãy tải lại trang rồi nhập lại`, `The report was changed (version ${r.version}); reload and import again`), {
      status: 409,
      issues: [{ path: 'version', message: msg(`Phiên bản hiện tại là ${r.version}`, `The current version is ${r.version}`) }],
    });
  }

  const byCode = new Map(r.form.indicators.map((i) => [i.code, i]));
  const values = new Map<string, ContentValue>(r.values.map((v) => [`${v.indicatorCode}|${v.wasteStream ?? ''}`, { ...v }]));
  const refused: RefusedCellDto[] = [];
  const seen = new Set<string>();
  let accepted = 0;
  for (const c of parsed.cells) {
    const ind = byCode.get(c.code);
    if (!ind) {
      refused.push(refuse(c.sheet, c.codeCell, msg(`Mã chỉ tiêu "${c.code}" không có trong biểu mẫu của báo cáo`, `Indicator code "${c.code}" is not in the report's form`), ctx.lang));
      continue;
    }
    const stream = ind.byWasteStream ? c.stream : '';
    if (ind.byWasteStream && !(WASTE_STREAMS as readonly string[]).includes(stream)) {
      refused.push(refuse(c.sheet, c.cell, msg(`Chỉ tiêu ${ind.code}: dòng chất thải không hợp lệ (cột G đã bị sửa)`, `Indicator ${ind.code}: invalid waste stream (column G was changed)`), ctx.lang));
      continue;
    }
    const key = `${ind.code}|${stream}`;
    if (seen.has(key)) {
      refused.push(refuse(c.sheet, c.cell, msg(`Chỉ tiêu ${ind.code} được nhập hai lần; giữ giá trị ở dòng đầu`, `Indicator ${ind.code} appears twice; the first row is kept`), ctx.lang));
      continue;
    }
    seen.add(key);
    const field = `Chỉ tiêu "${ind.name}" (${ind.code})${stream ? `, dòng ${WASTE_STREAM_LABELS[stream as keyof typeof WASTE_STREAM_LABELS].vi}` : ''}`;
    const fieldEn = `Indicator "${ind.nameEn}" (${ind.code})${stream ? `, ${WASTE_STREAM_LABELS[stream as keyof typeof WASTE_STREAM_LABELS].en} waste` : ''}`;
    const result = readValue(c.raw, ind);
    if ('error' in result) {
      refused.push(refuse(c.sheet, c.cell, msg(`${field}: ${result.error.vi}`, `${fieldEn}: ${result.error.en}`), ctx.lang));
      continue;
    }
    accepted += 1;
    if (result.value === null) values.delete(key);
    else values.set(key, { indicatorCode: ind.code, wasteStream: (stream || null) as ContentValue['wasteStream'], value: result.value });
  }

  const before = new Map(r.values.map((v) => [`${v.indicatorCode}|${v.wasteStream ?? ''}`, v.value]));
  let changed = 0;
  for (const key of new Set([...before.keys(), ...values.keys()])) if (before.get(key) !== values.get(key)?.value) changed += 1;
  if (changed === 0) return { reportId: r.id, version: r.version, accepted, changed: 0, refused };

  const saved = await saveReport(ctx, r.id, {
    version: r.version,
    values: [...values.values()].map((v) => ({ indicatorCode: v.indicatorCode, wasteStream: v.wasteStream ?? null, value: v.value })),
    sections: r.sections,
    otherResults: r.otherResults,
    proposalsToCommittee: r.proposalsToCommittee,
  });
  await writeAudit(ctx.db, {
    actor,
    action: 'report.import',
    entityType: 'report',
    entityId: r.id,
    data: { fileName: file.fileName, accepted, changed, refused: refused.map((x) => x.address), version: saved.version },
    requestId: ctx.requestId,
    at: ctx.clock.now(),
  });
  return { reportId: r.id, version: saved.version, accepted, changed, refused };
}

/** A cell's value for an indicator, or why it is refused. */
function readValue(raw: unknown, ind: ReportDto['form']['indicators'][number]): { value: number | boolean | string | null } | { error: Message } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  if (typeof raw === 'object' && raw !== null && 'error' in raw) return { error: msg('ô có lỗi công thức', 'the cell holds a formula error') };
  if (ind.valueType === 'boolean') {
    const s = String(raw).trim().toLowerCase();
    if (raw === true || ['có', 'co', 'x', 'true', 'yes'].includes(s)) return { value: true };
    if (raw === false || ['không', 'khong', 'false', 'no'].includes(s)) return { value: false };
    return { error: msg(`chỉ nhập "Có" hoặc "Không" (đang là "${String(raw).slice(0, 40)}")`, `enter "Có" or "Không" (found "${String(raw).slice(0, 40)}")`) };
  }
  if (ind.valueType === 'text') {
    const s = raw instanceof Date ? formatDate(raw.toISOString()) : String(raw).trim();
    if (s.length > LIMITS.longText) return { error: msg(`dài quá ${formatNumber(LIMITS.longText)} ký tự`, `longer than ${LIMITS.longText} characters`) };
    return { value: s };
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumber(raw) : null;
  if (n === null || !Number.isFinite(n)) {
    return { error: msg(`phải là số (đang là "${String(raw instanceof Date ? formatDate(raw.toISOString()) : raw).slice(0, 40)}")`, `must be a number (found "${String(raw).slice(0, 40)}")`) };
  }
  if (ind.valueType === 'integer' && !Number.isInteger(n)) return { error: msg(`phải là số nguyên (đang là ${formatNumber(n)})`, `must be a whole number (found ${n})`) };
  const min = ind.min ?? 0;
  const max = ind.max ?? (ind.valueType === 'percent' ? 100 : null);
  if (n < min) return { error: msg(`không được nhỏ hơn ${formatNumber(min)} (đang là ${formatNumber(n)})`, `must be at least ${min} (found ${n})`) };
  if (max !== null && n > max) return { error: msg(`không được lớn hơn ${formatNumber(max)} (đang là ${formatNumber(n)})`, `must be at most ${max} (found ${n})`) };
  return { value: n };
}

/* ───────────────────────────── cycle export ───────────────────────────── */

const KIND_LABELS: Record<string, string> = {
  department: 'Sở, ngành',
  commune: 'Xã',
  ward: 'Phường',
  district: 'Huyện',
  committee: 'UBND',
  enterprise: 'Doanh nghiệp',
  institute: 'Viện',
  school: 'Trường',
  other: 'Khác',
};
const TIMING_LABELS = { on_time: 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa gửi' } as const;

/** A cycle's indicator data as .xlsx (focal officers and leaders). */
export async function exportCycleXlsx(ctx: Ctx, cycleId: string): Promise<{ fileName: string; body: Buffer }> {
  requireAccess(ctx, 'consolidation.read');
  const p = await planContext(ctx, cycleId);
  const input = await repo.loadCompileInput(ctx.db, cycleId, true);
  if (!input) {
    throw new AppError('CYCLE_NOT_OPEN', msg(`Kỳ báo cáo năm ${p.cycle.year} chưa mở; chưa có số liệu`, `The ${p.cycle.year} cycle is not open; there is no data`), { status: 409 });
  }
  const tables = compileTables(input);
  const reportByUnit = new Map(input.reports.map((r) => [r.orgUnitId, r]));
  const valuesByReport = new Map<string, Map<string, number | boolean | string | null>>();
  for (const v of input.values) {
    let m = valuesByReport.get(v.reportId);
    if (!m) valuesByReport.set(v.reportId, (m = new Map()));
    m.set(`${v.indicatorCode}|${v.stream}`, (v.value ?? null) as number | boolean | string | null);
  }
  const body = await buildCycleExport({
    year: p.cycle.year,
    planNumber: p.plan.number,
    indicators: [...input.indicators].sort((a, b) => a.position - b.position),
    streams: streamList(),
    units: tables.units.map((u) => {
      const r = reportByUnit.get(u.orgUnitId);
      return {
        code: u.code,
        name: u.name,
        kindLabel: KIND_LABELS[u.kind] ?? u.kind,
        statusLabel: r ? capital(STATUS_LABELS[r.status].vi) : 'Chưa mở báo cáo',
        timingLabel: TIMING_LABELS[u.timing],
        submittedAt: u.submittedAt ? formatDate(vietnamDay(new Date(u.submittedAt))) : '',
        values: (r && valuesByReport.get(r.id)) || new Map(),
        totals: u.values,
      };
    }),
  });
  return { fileName: `so-lieu-chi-tieu-${p.cycle.year}.xlsx`, body };
}
