// A generic registry as an Excel workbook, and back, by the kind's definition. The export is the
// import's template: column A keeps each record's id, so re-importing an exported file finds every
// row unchanged and writes nothing. Every refused cell is named (sheet, row, column, reason); when
// one is, nothing is saved.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ImportProblem } from '../../../shared/contracts/registries.js';
import type { ListRecordsQuery, RecordImportResponse } from '../../../shared/contracts/registry-records.js';
import { vietnamDate } from '../../../shared/format.js';
import type { FieldValue, RecordData, RegistryField, RegistryKind } from '../../../shared/registry-kinds.js';
import { fieldLabel } from '../../../shared/registry-kinds.js';
import { requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import { cellText, cellValue } from '../../lib/spreadsheets/cells.js';
import { currentItemsByKey } from '../plan/index.js';
import { communesOn } from './enterprises.repository.js';
import { changedFields } from './enterprises.view.js';
import { canAddToRegistries, canCreateRecordFor, canEditRecord, canReadRegistries } from './policy.js';
import * as repo from './records.repository.js';
import { checkRecord, definitionOf, RECORD_ENTITY, type PreparedRecord } from './records.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Excel's column letter of a 1-based index. */
function letter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const isPlace = (f: RegistryField) => f.type === 'commune' || f.type === 'communes';

/** The sheet's columns: id, unit code, unit name (read-only), every field, plan items. */
function columnsOf(def: RegistryKind) {
  const fields = def.fields.map((f, i) => ({
    field: f,
    col: letter(4 + i),
    header: isPlace(f) ? `${fieldLabel(f)} (mã)` : fieldLabel(f),
  }));
  return { fields, planCol: letter(4 + def.fields.length) };
}

/** Sheet names are at most 31 characters. */
const sheetName = (def: RegistryKind) => def.title.vi.slice(0, 31);

function cellOf(field: RegistryField, value: FieldValue, codes: Map<string, string>): string | number {
  if (value === null) return '';
  const list = Array.isArray(value) ? value : [value];
  switch (field.type) {
    case 'number':
    case 'integer':
      return typeof value === 'number' ? value : '';
    case 'date':
      return String(value).split('-').reverse().join('/');
    case 'enum':
    case 'multiEnum':
      return list.map((v) => field.options.find((o) => o.value === v)?.vi ?? v).join(', ');
    case 'commune':
    case 'communes':
      return list.map((id) => codes.get(String(id)) ?? id).join(', ');
    case 'text':
    case 'enterprise':
    case 'enterprises':
    default:
      return list.join(', ');
  }
}

/** The registry, filtered as the list is, as an .xlsx. */
export async function exportRecords(
  ctx: Ctx,
  q: Omit<ListRecordsQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; body: Buffer }> {
  requireAbility(ctx, canReadRegistries);
  const def = definitionOf(q.kind);
  const rows = await repo.allRecords(ctx.db, q);
  const codes = new Map((await communesOn(ctx.db, vietnamDate(ctx.clock.now()))).map((c) => [c.id, c.code]));
  const { fields } = columnsOf(def);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bioplan';
  const ws = wb.addWorksheet(sheetName(def), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [38, 14, 30, ...fields.map((f) => (f.field.type === 'text' ? 36 : 18)), 18].map((width) => ({ width }));
  ws.getRow(1).values = [
    'Mã bản ghi',
    'Mã đơn vị báo cáo',
    'Đơn vị báo cáo',
    ...fields.map((f) => f.header),
    'Mục kế hoạch',
  ];
  ws.getRow(1).font = { bold: true };
  rows.forEach(({ row, unitCode, unitName }, i) => {
    const r = ws.getRow(i + 2);
    r.values = [
      row.id,
      unitCode ?? '',
      unitName ?? '',
      ...fields.map((f) => cellOf(f.field, row.data[f.field.key] ?? null, codes)),
      row.planItemKeys.join(', '),
    ];
    for (const f of fields) if (f.field.type !== 'number' && f.field.type !== 'integer') r.getCell(f.col).numFmt = '@';
  });
  return {
    fileName: `${def.slug}-${vietnamDate(ctx.clock.now())}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

interface PlannedRow {
  line: number;
  current?: repo.RecordRow;
  unitId: string | null;
  planItemKeys: string[];
  record: PreparedRecord;
}

/** A cell's raw value for the definition's reader: numbers stay numbers, dates their day. */
function rawOf(cell: ExcelJS.Cell): unknown {
  const v = cellValue(cell.value);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v;
  return cellText(cell.value).trim();
}

/** Imports an .xlsx in the export's layout: all rows, or when a cell is refused, none. */
export async function importRecords(
  ctx: Ctx,
  kind: string,
  file: { fileName: string; body: Buffer },
): Promise<RecordImportResponse> {
  const actor = requireAbility(ctx, canAddToRegistries);
  const def = definitionOf(kind);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'VALIDATION_ERROR',
      msg('Tệp không phải tệp Excel (.xlsx) đọc được.', 'The file is not a readable Excel (.xlsx) workbook.'),
      { issues: [{ path: 'file', message: msg('Tệp Excel không đọc được', 'Unreadable Excel file') }] },
    );
  }
  const sheet = sheetName(def);
  const ws = wb.getWorksheet(sheet);
  const none = { created: 0, updated: 0, unchanged: 0 };
  if (!ws)
    return {
      ...none,
      problems: [
        { sheet, row: 0, column: '', message: `Tệp không có trang tính "${sheet}" (hãy dùng tệp xuất từ sổ này).` },
      ],
    };
  const now = ctx.clock.now();
  const today = vietnamDate(now);
  const { fields, planCol } = columnsOf(def);
  const communeByCode = new Map((await communesOn(ctx.db, today)).map((c) => [c.code, c.id]));
  const problems: ImportProblem[] = [];
  const refuse = (row: number, column: string, message: string) => problems.push({ sheet, row, column, message });

  // First pass: what the rows name (ids, units, plan items), read in three queries.
  const lines: Array<{ line: number; r: ExcelJS.Row }> = [];
  for (let n = 2; n <= ws.rowCount; n += 1) {
    const r = ws.getRow(n);
    const texts = [1, 2, ...fields.map((_, i) => 4 + i), 4 + fields.length].map((c) =>
      cellText(r.getCell(c).value).trim(),
    );
    if (texts.some((t) => t !== '')) lines.push({ line: n, r });
  }
  const text = (r: ExcelJS.Row, col: string) => cellText(r.getCell(col).value).trim();
  const ids = lines.map(({ r }) => text(r, 'A')).filter((id) => UUID.test(id));
  const existing = new Map((await repo.getRecords(ctx.db, ids)).map((row) => [row.id, row]));
  const units = new Map(
    (await repo.unitsByCode(ctx.db, lines.map(({ r }) => text(r, 'B')).filter(Boolean))).map((u) => [u.code, u.id]),
  );
  const splitKeys = (s: string) => [
    ...new Set(
      s
        .split(/[,;\n]/)
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
  const items = await currentItemsByKey(
    ctx.db,
    lines.flatMap(({ r }) => splitKeys(text(r, planCol))),
    now,
  );

  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, r } of lines) {
    const before = problems.length;
    const id = text(r, 'A');
    let current: repo.RecordRow | undefined;
    if (id) {
      current = UUID.test(id) ? existing.get(id.toLowerCase()) : undefined;
      if (!current || current.kind !== def.kind)
        refuse(line, 'A', `Mã bản ghi "${id}" không có trong sổ này (để trống để thêm bản ghi mới).`);
      else if (seen.has(current.id)) refuse(line, 'A', `Mã bản ghi đã có ở dòng ${seen.get(current.id)} của tệp.`);
      else seen.set(current.id, line);
    }
    const unitCode = text(r, 'B');
    let unitId: string | null = current ? current.unitId : actor.orgUnitId;
    if (unitCode) {
      const named = units.get(unitCode);
      if (!named) refuse(line, 'B', `Mã đơn vị báo cáo: không có đơn vị mã "${unitCode}".`);
      else if (current && named !== current.unitId)
        refuse(line, 'B', 'Mã đơn vị báo cáo: không đổi được đơn vị báo cáo của bản ghi đã có.');
      else unitId = named;
    }
    if (!current && problems.length === before && !canCreateRecordFor(actor, unitId))
      refuse(line, 'B', 'Mã đơn vị báo cáo: cán bộ đơn vị chỉ thêm bản ghi của đơn vị mình.');
    const planItemKeys = splitKeys(text(r, planCol));
    const unknown = planItemKeys.filter((k) => !items.has(k));
    if (unknown.length)
      refuse(line, planCol, `Mục kế hoạch: không có mục ${unknown.join(', ')} trong kế hoạch hiện hành.`);
    const input: Record<string, unknown> = {};
    for (const { field, col } of fields) {
      const raw = rawOf(r.getCell(col));
      if (isPlace(field) && typeof raw === 'string' && raw !== '') {
        const codes = raw
          .split(/[,;\n]/)
          .map((c) => c.trim())
          .filter(Boolean);
        const missing = codes.filter((c) => !communeByCode.has(c));
        if (missing.length)
          refuse(line, col, `${field.label.vi}: không có xã, phường mã "${missing.join(', ')}" còn hiệu lực.`);
        input[field.key] =
          field.type === 'commune'
            ? (communeByCode.get(codes[0]) ?? null)
            : codes.map((c) => communeByCode.get(c) ?? '');
      } else input[field.key] = raw;
    }
    if (problems.length > before) continue;
    const checked = await checkRecord(ctx.db, def, input, today);
    if (!checked.ok) {
      for (const issue of checked.issues)
        refuse(line, fields.find((f) => f.field.key === issue.field)?.col ?? 'A', issue.message.vi);
      continue;
    }
    if (current) {
      const changes = changedFields(
        { ...current.data, planItemKeys: current.planItemKeys },
        { ...checked.record.data, planItemKeys },
      );
      const changed = Object.keys(changes);
      if (changed.length && !canEditRecord(actor, current)) {
        const col = changed[0] === 'planItemKeys' ? planCol : fields.find((f) => f.field.key === changed[0])?.col;
        refuse(
          line,
          col ?? 'A',
          'Bản ghi của đơn vị khác: không được sửa (chỉ đơn vị báo cáo hoặc đơn vị đầu mối được sửa).',
        );
        continue;
      }
    }
    planned.push({ line, current, unitId, planItemKeys, record: checked.record });
  }
  if (problems.length) return { ...none, problems };
  return applyRows(ctx, actor, def, planned);
}

/** Writes the checked rows in one transaction, every change audited; an identical row writes nothing. */
async function applyRows(ctx: Ctx, actor: Actor, def: RegistryKind, rows: PlannedRow[]): Promise<RecordImportResponse> {
  const now = ctx.clock.now();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const audited = (data: RecordData, planItemKeys: string[], unitId: string | null) => ({
    ...data,
    planItemKeys,
    unitId,
  });
  await ctx.db.transaction(async (tx) => {
    for (const { current, unitId, planItemKeys, record } of rows) {
      const id = current?.id ?? randomUUID();
      const changes = changedFields(
        current ? audited(current.data, current.planItemKeys, current.unitId) : {},
        audited(record.data, planItemKeys, unitId),
      );
      if (current && Object.keys(changes).length === 0) {
        counts.unchanged += 1;
        continue;
      }
      const values = {
        ...record,
        identityKey: record.identityKey ?? `id:${id}`,
        planItemKeys,
        updatedBy: actor.id,
        updatedAt: now,
      };
      if (current) {
        const saved = await repo.updateRecord(tx, id, current.version, values);
        if (!saved)
          throw new AppError(
            'CONFLICT',
            msg('Sổ vừa thay đổi; vui lòng nhập lại tệp.', 'The registry just changed; please import again.'),
          );
        counts.updated += 1;
      } else {
        await repo.insertRecord(tx, { ...values, id, kind: def.kind, unitId, createdBy: actor.id, createdAt: now });
        counts.created += 1;
      }
      await writeAudit(tx, {
        actor,
        action: current ? 'registry.update' : 'registry.create',
        entityType: RECORD_ENTITY,
        entityId: id,
        data: { kind: def.kind, changes, source: 'import' },
        requestId: ctx.requestId,
        at: now,
      });
    }
  });
  return { ...counts, problems: [] };
}
