// A unit's files: its report as a Word file, its Excel template and the import of a filled one.
// Reports are read and saved through the report services (their access, status and version rules
// apply); nothing here writes the report tables itself.
import type { ImportResultDto, RefusedCellDto } from '../../../shared/contracts/consolidation.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { formatDate, formatNumber, vietnamDate } from '../../../shared/format.js';
import {
  checkIndicatorValue,
  STATUS_LABELS,
  WASTE_STREAM_LABELS,
  type ContentValue,
} from '../../../shared/reporting-rules.js';
import { LIMITS } from '../../../shared/limits.js';
import { readNumber } from '../../../shared/numbers.js';
import { getAgencySettings } from '../settings/index.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { renderOfficialDocument } from '../../lib/documents/decree30.js';
import { AppError, msg, notFound, type Message } from '../../lib/errors.js';
import { cellText, type PlainCellValue } from '../../lib/spreadsheets/cells.js';
import { readReportTemplateSafely } from '../../lib/spreadsheets/safe-open.js';
import { localStorage } from '../../lib/storage.js';
import {
  buildReportTemplate,
  InvalidTemplateError,
  type readReportTemplate,
  type TemplateIndicator,
} from '../../lib/spreadsheets/workbooks.js';
import { planContext as readPlanContext } from './plan-context.js';
import { canEditReport } from './policy.js';
import { reportDocument } from './report-document.js';
import { getReport } from './report-read.service.js';
import { saveReport } from './report-write.service.js';
import * as repo from './unit-files.repository.js';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const streamList = () =>
  WASTE_STREAMS.map((stream) => ({ code: stream, label: capital(WASTE_STREAM_LABELS[stream].vi) }));

async function planContext(ctx: Ctx, cycleId: string) {
  const context = await readPlanContext(ctx.db, cycleId, vietnamDate(ctx.clock.now()));
  if (!context) throw notFound(msg('Không tìm thấy kỳ báo cáo', 'Reporting cycle not found'));
  return context;
}

/* ───────────────────────────── Word ───────────────────────────── */

/**
 * One unit's report as a Word file in the state format, headed with the unit's own agency.
 * Stored with its checksum per report version, so asking again answers the same file.
 */
export async function getReportDocx(
  ctx: Ctx,
  reportId: string,
): Promise<{ fileName: string; body: Buffer; sha256: string }> {
  const report = await getReport(ctx, reportId);
  const fileName = `bao-cao-${report.unit.code.toLowerCase()}-${report.year}-v${report.version}.docx`;
  const stored = await repo.reportDocumentAt(ctx.db, report.id, report.version);
  const storage = localStorage(ctx.config.filesDir);
  if (stored) return { fileName: stored.fileName, sha256: stored.sha256, body: await storage.get(stored.storageKey) };
  const context = await planContext(ctx, report.cycleId);
  const settings = await getAgencySettings(ctx.db);
  const date = report.submittedAt ? vietnamDate(new Date(report.submittedAt)) : vietnamDate(ctx.clock.now());
  const body = await renderOfficialDocument(
    reportDocument(report, {
      province: context.province,
      planNumber: context.plan.number,
      planDate: context.plan.date,
      planIssuer: context.planIssuer,
      date,
      abbreviations: settings.departmentAbbreviations,
      focalDepartment: settings.focalDepartment.name,
      copyTo: settings.unitReport.copyTo,
    }),
  );
  const put = await storage.put(body);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.insertReportDocument(tx, {
      cycleId: report.cycleId,
      reportId: report.id,
      sourceVersion: report.version,
      fileName,
      storageKey: put.key,
      sha256: put.sha256,
      size: put.size,
      createdBy: ctx.actor?.id ?? null,
    });
    await writeAudit(tx, {
      actor: ctx.actor,
      action: 'report.document',
      entityType: 'generated_document',
      entityId: row.id,
      data: { reportId: report.id, version: report.version, sha256: put.sha256 },
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    });
  });
  return { fileName, sha256: put.sha256, body };
}

/* ───────────────────────────── Excel template and import ───────────────────────────── */

function templateIndicators(report: ReportDto): TemplateIndicator[] {
  return [...report.form.indicators]
    .sort((a, b) => a.position - b.position)
    .map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      valueType: indicator.valueType,
      byWasteStream: indicator.byWasteStream,
      min: indicator.min,
      max: indicator.max,
    }));
}

/** The unit's form as an .xlsx, prefilled with what the report holds. */
export async function getReportTemplate(ctx: Ctx, reportId: string): Promise<{ fileName: string; body: Buffer }> {
  const report = await getReport(ctx, reportId);
  const context = await planContext(ctx, report.cycleId);
  const body = await buildReportTemplate({
    reportId: report.id,
    cycleId: report.cycleId,
    version: report.version,
    year: report.year,
    unitCode: report.unit.code,
    unitName: report.unit.fullName,
    planNumber: context.plan.number,
    indicators: templateIndicators(report),
    streams: streamList(),
    values: new Map(report.values.map((value) => [`${value.indicatorCode}|${value.wasteStream ?? ''}`, value.value])),
  });
  return { fileName: `bieu-mau-${report.unit.code.toLowerCase()}-${report.year}.xlsx`, body };
}

const refuse = (sheet: string, cell: string, reason: Message, lang: 'vi' | 'en'): RefusedCellDto => ({
  sheet,
  cell,
  address: `${sheet}!${cell}`,
  reason: reason[lang],
});

/**
 * Imports a filled template into the report's draft: every readable cell is checked against the
 * form (type, whole numbers, bounds, Có/Không), refused cells are listed with sheet, address and
 * reason, and the rest is saved through the reporting service's draft save (its version and
 * status rules apply). A file that is not a template of this report imports nothing (400). When
 * the values already equal the report's, nothing is saved: importing the same file twice
 * changes nothing the second time.
 */
export async function importReportXlsx(
  ctx: Ctx,
  reportId: string,
  file: { body: Buffer; fileName: string },
  version?: number,
): Promise<ImportResultDto> {
  const report = await getReport(ctx, reportId);
  // Only the unit's officers write its report: others who may read it get 403, not 404.
  requireAccess(ctx, 'report.write.own');
  const actor = requireAccess(ctx, 'report.write.own', { orgUnitId: report.orgUnitId });
  let parsed: Awaited<ReturnType<typeof readReportTemplate>>;
  try {
    parsed = await readReportTemplateSafely(file.body, file.fileName);
  } catch (err) {
    if (err instanceof InvalidTemplateError) {
      throw new AppError(
        'INVALID_TEMPLATE',
        msg(
          `Tệp "${file.fileName}": ${err.vi}. Chưa nhập dữ liệu nào.`,
          `File "${file.fileName}": ${err.en}. Nothing was imported.`,
        ),
        {
          issues: [{ path: 'file', message: msg(err.vi, err.en) }],
        },
      );
    }
    throw err;
  }
  if (parsed.meta.reportId !== report.id) {
    throw new AppError(
      'INVALID_TEMPLATE',
      msg(
        `Tệp "${file.fileName}" là biểu mẫu của một báo cáo khác (đơn vị ${parsed.meta.unitCode || 'khác'}); hãy tải biểu mẫu của báo cáo này. Chưa nhập dữ liệu nào.`,
        `File "${file.fileName}" is the template of another report (unit ${parsed.meta.unitCode || 'other'}); download this report's template. Nothing was imported.`,
      ),
      { issues: [{ path: 'file', message: msg('Biểu mẫu của báo cáo khác', 'Template of another report') }] },
    );
  }
  const verdict = canEditReport(
    actor,
    { orgUnitId: report.orgUnitId, status: report.status, firstSubmittedAt: report.firstSubmittedAt },
    { status: report.cycleStatus },
  );
  // A closed cycle is refused by the save itself (after a file that changes nothing is answered).
  if (!verdict.allowed && verdict.reason === 'status') {
    throw new AppError(
      'REPORT_NOT_EDITABLE',
      msg(
        `Báo cáo năm ${report.year} của ${report.unit.name} đang ở trạng thái "${STATUS_LABELS[report.status].vi}", không nhập số liệu được`,
        `The ${report.year} report of ${report.unit.name} is ${STATUS_LABELS[report.status].en}; values cannot be imported`,
      ),
      { status: 409 },
    );
  }
  if (version !== undefined && version !== report.version) {
    throw new AppError(
      'CONFLICT',
      msg(
        `Báo cáo đã được sửa (phiên bản ${report.version}); hãy tải lại trang rồi nhập lại`,
        `The report was changed (version ${report.version}); reload and import again`,
      ),
      {
        status: 409,
        issues: [
          {
            path: 'version',
            message: msg(`Phiên bản hiện tại là ${report.version}`, `The current version is ${report.version}`),
          },
        ],
      },
    );
  }

  const byCode = new Map(report.form.indicators.map((indicator) => [indicator.code, indicator]));
  const values = new Map<string, ContentValue>(
    report.values.map((value) => [`${value.indicatorCode}|${value.wasteStream ?? ''}`, { ...value }]),
  );
  const refused: RefusedCellDto[] = [];
  const seen = new Set<string>();
  let accepted = 0;
  for (const cell of parsed.cells) {
    const indicator = byCode.get(cell.code);
    if (!indicator) {
      refused.push(
        refuse(
          cell.sheet,
          cell.codeCell,
          msg(
            `Mã chỉ tiêu "${cell.code}" không có trong biểu mẫu của báo cáo`,
            `Indicator code "${cell.code}" is not in the report's form`,
          ),
          ctx.lang,
        ),
      );
      continue;
    }
    const stream = indicator.byWasteStream ? cell.stream : '';
    if (indicator.byWasteStream && !(WASTE_STREAMS as readonly string[]).includes(stream)) {
      refused.push(
        refuse(
          cell.sheet,
          cell.cell,
          msg(
            `Chỉ tiêu ${indicator.code}: dòng chất thải không hợp lệ (cột G đã bị sửa)`,
            `Indicator ${indicator.code}: invalid waste stream (column G was changed)`,
          ),
          ctx.lang,
        ),
      );
      continue;
    }
    const key = `${indicator.code}|${stream}`;
    if (seen.has(key)) {
      refused.push(
        refuse(
          cell.sheet,
          cell.cell,
          msg(
            `Chỉ tiêu ${indicator.code} được nhập hai lần; giữ giá trị ở dòng đầu`,
            `Indicator ${indicator.code} appears twice; the first row is kept`,
          ),
          ctx.lang,
        ),
      );
      continue;
    }
    seen.add(key);
    const field = `Chỉ tiêu "${indicator.name}" (${indicator.code})${stream ? `, dòng ${WASTE_STREAM_LABELS[stream as keyof typeof WASTE_STREAM_LABELS].vi}` : ''}`;
    const fieldEn = `Indicator "${indicator.nameEn}" (${indicator.code})${stream ? `, ${WASTE_STREAM_LABELS[stream as keyof typeof WASTE_STREAM_LABELS].en} waste` : ''}`;
    const result = readValue(cell.raw, indicator);
    if ('error' in result) {
      refused.push(
        refuse(cell.sheet, cell.cell, msg(`${field}: ${result.error.vi}`, `${fieldEn}: ${result.error.en}`), ctx.lang),
      );
      continue;
    }
    accepted += 1;
    if (result.value === null) values.delete(key);
    else
      values.set(key, {
        indicatorCode: indicator.code,
        wasteStream: (stream || null) as ContentValue['wasteStream'],
        value: result.value,
      });
  }

  const before = new Map(
    report.values.map((value) => [`${value.indicatorCode}|${value.wasteStream ?? ''}`, value.value]),
  );
  let changed = 0;
  for (const key of new Set([...before.keys(), ...values.keys()]))
    if (before.get(key) !== values.get(key)?.value) changed += 1;
  if (changed === 0) return { reportId: report.id, version: report.version, accepted, changed: 0, refused };

  const saved = await saveReport(ctx, report.id, {
    version: report.version,
    values: [...values.values()].map((v) => ({
      indicatorCode: v.indicatorCode,
      wasteStream: v.wasteStream ?? null,
      value: v.value,
    })),
    sections: report.sections,
    otherResults: report.otherResults,
    proposalsToCommittee: report.proposalsToCommittee,
  });
  await writeAudit(ctx.db, {
    actor,
    action: 'report.import',
    entityType: 'report',
    entityId: report.id,
    data: {
      fileName: file.fileName,
      accepted,
      changed,
      refused: refused.map((x) => x.address),
      version: saved.version,
    },
    requestId: ctx.requestId,
    at: ctx.clock.now(),
  });
  return { reportId: report.id, version: saved.version, accepted, changed, refused };
}

/** A cell's value for an indicator, or why it is refused. */
function readValue(
  raw: PlainCellValue,
  ind: ReportDto['form']['indicators'][number],
): { value: number | boolean | string | null } | { error: Message } {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  if (typeof raw === 'object' && 'error' in raw)
    return { error: msg('ô có lỗi công thức', 'the cell holds a formula error') };
  // As the cell reads; a date as the form writes it (dd/mm/yyyy).
  const text = raw instanceof Date ? formatDate(raw.toISOString()) : cellText(raw);
  if (ind.valueType === 'boolean') {
    const s = text.trim().toLowerCase();
    if (raw === true || ['có', 'co', 'x', 'true', 'yes'].includes(s)) return { value: true };
    if (raw === false || ['không', 'khong', 'false', 'no'].includes(s)) return { value: false };
    return {
      error: msg(
        `chỉ nhập "Có" hoặc "Không" (đang là "${text.slice(0, 40)}")`,
        `enter "Có" or "Không" (found "${text.slice(0, 40)}")`,
      ),
    };
  }
  if (ind.valueType === 'text') {
    const s = text.trim();
    if (s.length > LIMITS.longText)
      return {
        error: msg(`dài quá ${formatNumber(LIMITS.longText)} ký tự`, `longer than ${LIMITS.longText} characters`),
      };
    return { value: s };
  }
  // Text cells are read as Vietnamese numbers ("1.234,5"); an ambiguous "1.5" is read 1,5, never 15.
  const reading = typeof raw === 'string' ? readNumber(raw, 'vi') : null;
  const n = typeof raw === 'number' ? raw : reading?.ok ? reading.value : null;
  if (n === null || !Number.isFinite(n)) {
    return {
      error: msg(`phải là số (đang là "${text.slice(0, 40)}")`, `must be a number (found "${text.slice(0, 40)}")`),
    };
  }
  // The same range rules as the form and the submission check.
  const problems = checkIndicatorValue(ind, n);
  if (problems.length > 0)
    return { error: msg(problems.map((p) => p.vi).join('; '), problems.map((p) => p.en).join('; ')) };
  return { value: n };
}
