// Importing a filled Excel template into the unit's report. The file is read cell by cell and
// checked against the form; then merged into the report (unit-files-merge.ts): a file made from an
// older version never overwrites newer work — cells changed on both sides come back as conflicts
// and nothing is saved until the officer chooses. The report is saved through the report service
// (its access, status and version rules apply).
import {
  ImportChoices,
  type ImportChangeDto,
  type ImportConflictDto,
  type ImportOptions,
  type ImportResultDto,
  type RefusedCellDto,
} from '../../../shared/contracts/consolidation.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { WASTE_STREAMS, type WasteStream } from '../../../shared/domain.js';
import { formatDate, formatNumber } from '../../../shared/format.js';
import { LIMITS } from '../../../shared/limits.js';
import { readNumber } from '../../../shared/numbers.js';
import {
  checkIndicatorValue,
  STATUS_LABELS,
  WASTE_STREAM_LABELS,
  type ContentValue,
} from '../../../shared/reporting-rules.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg, type Message } from '../../lib/errors.js';
import { cellText, type PlainCellValue } from '../../lib/spreadsheets/cells.js';
import { readReportTemplateSafely } from '../../lib/spreadsheets/safe-open.js';
import { InvalidTemplateError, type readReportTemplate } from '../../lib/spreadsheets/workbooks.js';
import { canEditReport } from './policy.js';
import { getReport } from './report-read.service.js';
import { saveReport } from './report-write.service.js';
import { mergeImport, type CellValue, type ImportedCell } from './unit-files-merge.js';

type Indicator = ReportDto['form']['indicators'][number];

const refuse = (sheet: string, cell: string, reason: Message, lang: 'vi' | 'en'): RefusedCellDto => ({
  sheet,
  cell,
  address: `${sheet}!${cell}`,
  reason: reason[lang],
});

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Waste stream by its label as the template shows it ("Y tế"), or by its code (older templates). */
const STREAM_BY_LABEL = new Map<string, WasteStream>(
  WASTE_STREAMS.flatMap((s) => [
    [capital(WASTE_STREAM_LABELS[s].vi).toLowerCase(), s],
    [s, s],
  ]),
);

const keyOf = (code: string, stream: string | null | undefined) => `${code}|${stream ?? ''}`;

function labelOf(indicator: Indicator, stream: string, lang: 'vi' | 'en'): string {
  const s = stream ? WASTE_STREAM_LABELS[stream as WasteStream] : null;
  return lang === 'en'
    ? `${indicator.nameEn} (${indicator.code})${s ? ` — ${s.en}` : ''}`
    : `${indicator.name} (${indicator.code})${s ? ` — ${s.vi}` : ''}`;
}

function templateError(fileName: string, vi: string, en: string, path = 'file'): AppError {
  return new AppError(
    'INVALID_TEMPLATE',
    msg(`Tệp "${fileName}": ${vi}. Chưa nhập dữ liệu nào.`, `File "${fileName}": ${en}. Nothing was imported.`),
    { issues: [{ path, message: msg(vi, en) }] },
  );
}

function readChoices(options: ImportOptions) {
  if (!options.choices) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(options.choices);
  } catch {
    parsed = null;
  }
  const choices = ImportChoices.safeParse(parsed);
  if (!choices.success)
    throw new AppError('VALIDATION_ERROR', msg('Lựa chọn cho các ô không hợp lệ', 'The choices per cell are invalid'), {
      issues: [{ path: 'choices', message: msg('Lựa chọn không hợp lệ', 'Invalid choices') }],
    });
  return choices.data;
}

/**
 * Imports a filled template into the report's draft. Each readable cell is checked against the
 * form (type, whole numbers, bounds, Có/Không); refused cells are listed with sheet, address and
 * reason. A blank cell changes nothing unless `clearBlanks`. A file made from an older version of
 * the report answers its conflicts (file value, current value, who changed the report and when)
 * and saves nothing until every conflict has a choice. What changed is listed before → after;
 * importing the same file again changes nothing.
 */
export async function importReportXlsx(
  ctx: Ctx,
  reportId: string,
  file: { body: Buffer; fileName: string },
  options: ImportOptions & { version?: number },
): Promise<ImportResultDto> {
  const report = await getReport(ctx, reportId);
  // Only the unit's officers write its report: others who may read it get 403, not 404.
  requireAccess(ctx, 'report.write.own');
  const actor = requireAccess(ctx, 'report.write.own', { orgUnitId: report.orgUnitId });
  const choices = readChoices(options);
  let parsed: Awaited<ReturnType<typeof readReportTemplate>>;
  try {
    parsed = await readReportTemplateSafely(file.body, file.fileName);
  } catch (err) {
    if (err instanceof InvalidTemplateError) throw templateError(file.fileName, err.vi, err.en);
    throw err;
  }
  if (parsed.meta.reportId !== report.id) {
    throw templateError(
      file.fileName,
      `là biểu mẫu của một báo cáo khác (đơn vị ${parsed.meta.unitCode || 'khác'}); hãy tải biểu mẫu của báo cáo này`,
      `is the template of another report (unit ${parsed.meta.unitCode || 'other'}); download this report's template`,
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
  if (options.version !== undefined && options.version !== report.version) {
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

  const { cells, refused, indicators } = readCells(parsed.cells, report, ctx.lang);
  const current = new Map<string, CellValue>(
    report.values.map((v) => [keyOf(v.indicatorCode, v.wasteStream), v.value]),
  );
  const templateVersion = /^\d+$/.test(parsed.meta.version ?? '') ? Number(parsed.meta.version) : null;
  const base = parsed.base
    ? new Map([...parsed.base].map(([key, raw]) => [key, baseValue(raw, indicators.get(key))]))
    : null;
  const merged = mergeImport({
    cells,
    current,
    base,
    templateVersion,
    reportVersion: report.version,
    clearBlanks: options.clearBlanks === 'true',
    resolve: options.resolve,
    choices,
  });
  const describe = (key: string) => {
    const [code, stream] = key.split('|');
    return {
      key,
      indicatorCode: code,
      wasteStream: stream || null,
      label: labelOf(indicators.get(key) as Indicator, stream, ctx.lang),
    };
  };
  const answer = {
    reportId: report.id,
    templateVersion,
    accepted: cells.filter((c) => !c.isBlank).length,
    blanksKept: merged.blanksKept,
    refused,
  };
  if (merged.conflicts.length > 0) {
    const conflicts: ImportConflictDto[] = merged.conflicts.map((c) => ({
      ...describe(c.key),
      cell: c.cell,
      address: `${parsed.cells[0]?.sheet ?? ''}!${c.cell}`,
      fileValue: c.fileValue,
      currentValue: c.currentValue,
      templateValue: c.templateValue,
      changedBy: report.updatedBy?.name ?? null,
      changedAt: report.updatedAt,
    }));
    return { ...answer, status: 'conflicts', version: report.version, changed: 0, changes: [], conflicts };
  }
  const changes: ImportChangeDto[] = merged.changes.map((c) => ({ ...describe(c.key), ...c }));
  if (changes.length === 0)
    return { ...answer, status: 'applied', version: report.version, changed: 0, changes, conflicts: [] };

  const values: ContentValue[] = [...merged.next].map(([key, value]) => {
    const [code, stream] = key.split('|');
    return { indicatorCode: code, wasteStream: (stream || null) as WasteStream | null, value };
  });
  const saved = await saveReport(ctx, report.id, {
    version: report.version,
    values,
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
      templateVersion,
      clearBlanks: options.clearBlanks === 'true',
      resolve: options.resolve ?? null,
      changes: merged.changes.map((c) => ({ key: c.key, before: c.before, after: c.after })),
      refused: refused.map((x) => x.address),
      version: saved.version,
    },
    requestId: ctx.requestId,
    at: ctx.clock.now(),
  });
  return { ...answer, status: 'applied', version: saved.version, changed: changes.length, changes, conflicts: [] };
}

/** A value the template recorded, as the report stores it. */
function baseValue(raw: PlainCellValue, indicator: Indicator | undefined): CellValue {
  if (raw === null || raw instanceof Date || typeof raw === 'object') return null;
  if (indicator?.valueType === 'text') return String(raw);
  return raw;
}

/** The file's cells read against the form: the readable ones, and the refused with their reason. */
function readCells(
  rows: Awaited<ReturnType<typeof readReportTemplate>>['cells'],
  report: ReportDto,
  lang: 'vi' | 'en',
) {
  const byCode = new Map(report.form.indicators.map((indicator) => [indicator.code, indicator]));
  const indicators = new Map<string, Indicator>();
  const cells: ImportedCell[] = [];
  const refused: RefusedCellDto[] = [];
  for (const cell of rows) {
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
          lang,
        ),
      );
      continue;
    }
    const stream = indicator.byWasteStream
      ? (STREAM_BY_LABEL.get((cell.stream || cell.streamLabel).toLowerCase()) ?? null)
      : '';
    if (stream === null) {
      refused.push(
        refuse(
          cell.sheet,
          cell.cell,
          msg(
            `Chỉ tiêu ${indicator.code}: dòng chất thải "${cell.streamLabel}" không hợp lệ (cột C đã bị sửa)`,
            `Indicator ${indicator.code}: invalid waste stream "${cell.streamLabel}" (column C was changed)`,
          ),
          lang,
        ),
      );
      continue;
    }
    const key = keyOf(indicator.code, stream);
    if (indicators.has(key)) {
      refused.push(
        refuse(
          cell.sheet,
          cell.cell,
          msg(
            `Chỉ tiêu ${indicator.code} được nhập hai lần; giữ giá trị ở dòng đầu`,
            `Indicator ${indicator.code} appears twice; the first row is kept`,
          ),
          lang,
        ),
      );
      continue;
    }
    indicators.set(key, indicator);
    const s = stream ? WASTE_STREAM_LABELS[stream] : null;
    const field = `Chỉ tiêu "${indicator.name}" (${indicator.code})${s ? `, dòng ${s.vi}` : ''}`;
    const fieldEn = `Indicator "${indicator.nameEn}" (${indicator.code})${s ? `, ${s.en} waste` : ''}`;
    const result = readValue(cell.raw, indicator);
    if ('error' in result) {
      refused.push(
        refuse(cell.sheet, cell.cell, msg(`${field}: ${result.error.vi}`, `${fieldEn}: ${result.error.en}`), lang),
      );
      continue;
    }
    cells.push({ key, cell: cell.cell, value: result.value, isBlank: result.value === null });
  }
  return { cells, refused, indicators };
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
