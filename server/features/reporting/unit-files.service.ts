// A unit's files: its report as a Word file and its Excel template (the import of a filled one is
// in unit-files-import.service.ts). Reports are read through the report services (their access
// rules apply); nothing here writes the report tables itself.
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { vietnamDate } from '../../../shared/format.js';
import { reportFileName } from '../../../shared/file-names.js';
import { WASTE_STREAM_LABELS } from '../../../shared/reporting-rules.js';
import { loadItems } from '../plan/index.js';
import { agencySettingsChangedAt, getAgencySettings } from '../settings/index.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { renderOfficialDocument } from '../../lib/documents/decree30.js';
import { msg, notFound } from '../../lib/errors.js';
import { fileStorage } from '../../lib/storage.js';
import { buildReportTemplate, type TemplateIndicator } from '../../lib/spreadsheets/workbooks.js';
import { planContext as readPlanContext } from './plan-context.js';
import { reportDocument } from './report-document.js';
import { getReport } from './report-read.service.js';
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
  // "bao-cao-nam-2026-xa-giao-long.docx": readable, ASCII, the same for every version.
  const fileName = reportFileName(report.year, report.unit.fullName, 'docx');
  const stored = await repo.reportDocumentAt(ctx.db, report.id, report.version);
  const storage = fileStorage(ctx);
  // A draft's file made before the signer or "Nơi nhận" changed is made again; a sent version's stays as sent.
  const editable = report.status === 'draft' || report.status === 'returned';
  if (stored && (!editable || stored.createdAt >= (await agencySettingsChangedAt(ctx.db)))) {
    return { fileName, sha256: stored.sha256, body: await storage.get(stored.storageKey) };
  }
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
      items: context.cycle.planVersionId ? (await loadItems(ctx.db, context.cycle.planVersionId)).items : [],
      signer: settings.unitReport.signers[report.unit.code],
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
  return { fileName: reportFileName(report.year, report.unit.fullName, 'xlsx'), body };
}
