// The generic registries: one service for every kind of shared/registry-kinds.ts. A kind's
// definition decides the fields, their checks, the record's dates, its title and search text and
// its identity for de-duplication; nothing here names a kind.
import { randomUUID } from 'node:crypto';
import type {
  CreateRecordRequest,
  ListRecordsQuery,
  RecordDto,
  RecordListResponse,
  RecordSummary,
  UpdateRecordRequest,
} from '../../../shared/contracts/registry-records.js';
import { vietnamDate } from '../../../shared/format.js';
import {
  registryKind,
  type FieldValue,
  type RecordData,
  type RegistryField,
  type RegistryKind,
} from '../../../shared/registry-kinds.js';
import { identityKey, readRecordData, type FieldIssue } from '../../../shared/registry-values.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { forbidden, requireAbility } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { currentItemsByKey } from '../plan/index.js';
import { changedFields } from './enterprises.view.js';
import * as repo from './records.repository.js';
import { canAddToRegistries, canCreateRecordFor, canEditRecord, canReadRegistries } from './policy.js';
import { toEvidenceDto } from './evidence.service.js';

export const RECORD_ENTITY = 'registry_record';
const NOT_FOUND = msg('Không tìm thấy bản ghi', 'Record not found');

export function definitionOf(kind: string): RegistryKind {
  const def = registryKind(kind);
  if (!def) throw notFound(NOT_FOUND);
  return def;
}

const taxCodesOf = (def: RegistryKind, data: RecordData) =>
  def.fields.flatMap((f) =>
    f.type === 'enterprise' && typeof data[f.key] === 'string'
      ? [data[f.key] as string]
      : f.type === 'enterprises'
        ? ((data[f.key] as string[] | null) ?? [])
        : [],
  );
const communeIdsOf = (def: RegistryKind, data: RecordData) =>
  def.fields.flatMap((f) =>
    f.type === 'commune' && typeof data[f.key] === 'string'
      ? [data[f.key] as string]
      : f.type === 'communes'
        ? ((data[f.key] as string[] | null) ?? [])
        : [],
  );

/** What a record's columns hold, computed from its data by the definition. */
export interface PreparedRecord {
  data: RecordData;
  occurredOn: string | null;
  endedOn: string | null;
  title: string;
  searchText: string;
  identityKey: string | null;
}

function optionLabel(field: RegistryField, value: FieldValue): string {
  if (field.type !== 'enum' && field.type !== 'multiEnum') return '';
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => field.options.find((o) => o.value === v)?.vi ?? '').join(' ');
}

/**
 * Reads and checks a record's data: the definition's field rules, then what needs the database
 * (enterprises by tax code in the registry, xã/phường valid at the record's date). Answers the
 * prepared record or every refused field.
 */
export async function checkRecord(
  db: DbOrTx,
  def: RegistryKind,
  input: Record<string, unknown>,
  today: string,
): Promise<{ ok: true; record: PreparedRecord; names: Map<string, string> } | { ok: false; issues: FieldIssue[] }> {
  const read = readRecordData(def, input);
  if (!read.ok) return read;
  const data = read.data;
  const span = def.span(data);
  const issues: FieldIssue[] = [];
  const enterprises = await repo.enterpriseNames(db, taxCodesOf(def, data));
  const communeDate = span.from ?? today;
  const communes = await repo.communesValidOn(db, communeIdsOf(def, data), communeDate);
  for (const field of def.fields) {
    const value = data[field.key];
    const values = Array.isArray(value) ? value : value === null ? [] : [String(value)];
    if (field.type === 'enterprise' || field.type === 'enterprises') {
      const missing = values.filter((code) => !enterprises.has(code));
      if (missing.length)
        issues.push({
          field: field.key,
          message: {
            vi: `${field.label.vi}: không có doanh nghiệp mã số thuế ${missing.join(', ')} trong sổ doanh nghiệp (thêm doanh nghiệp vào sổ trước).`,
            en: `${field.label.en}: no enterprise with tax code ${missing.join(', ')} in the enterprise registry.`,
          },
        });
    }
    if (field.type === 'commune' || field.type === 'communes') {
      if (values.some((id) => !communes.has(id)))
        issues.push({
          field: field.key,
          message: {
            vi: `${field.label.vi}: không có xã, phường này trong danh mục đơn vị hành chính còn hiệu lực ngày ${communeDate.split('-').reverse().join('/')}.`,
            en: `${field.label.en}: no such commune or ward valid on ${communeDate}.`,
          },
        });
    }
  }
  if (issues.length) return { ok: false, issues };
  const names = new Map([...enterprises, ...communes]);
  const title = String(data[def.titleField] ?? '').trim() || def.title.vi;
  const words = def.fields.flatMap((f) => {
    const v = data[f.key];
    if (f.type === 'text') return [String(v ?? '')];
    if (f.type === 'enum' || f.type === 'multiEnum') return [optionLabel(f, v)];
    if (f.type === 'enterprise' || f.type === 'enterprises' || f.type === 'commune' || f.type === 'communes') {
      const ids = Array.isArray(v) ? v : v ? [String(v)] : [];
      return ids.flatMap((id) => (f.type.startsWith('enterprise') ? [id, names.get(id) ?? ''] : [names.get(id) ?? '']));
    }
    return [];
  });
  return {
    ok: true,
    names,
    record: {
      data,
      occurredOn: span.from,
      endedOn: span.to && span.to !== span.from ? span.to : null,
      title,
      searchText: foldText(words.filter(Boolean).join(' ')),
      identityKey: identityKey(def, data),
    },
  };
}

/** 400 naming every refused field (`data.<key>`), in Vietnamese first. */
function refused(issues: FieldIssue[]): AppError {
  const first = issues[0].message;
  return new AppError('VALIDATION_ERROR', msg(`Dữ liệu không hợp lệ: ${first.vi}`, `Invalid input: ${first.en}`), {
    issues: issues.map((i) => ({ path: `data.${i.field}`, message: i.message })),
  });
}

/** 400 unless every key is an item of the plan in force. */
export async function checkPlanKeys(db: DbOrTx, keys: readonly string[], at: Date): Promise<string[]> {
  const unique = [...new Set(keys)];
  const found = await currentItemsByKey(db, unique, at);
  const missing = unique.filter((k) => !found.has(k));
  if (missing.length)
    throw new AppError(
      'VALIDATION_ERROR',
      msg(
        `Dữ liệu không hợp lệ: Mục kế hoạch: không có mục ${missing.join(', ')} trong kế hoạch hiện hành.`,
        `Invalid input: Plan items: no item ${missing.join(', ')} in the plan in force.`,
      ),
      {
        issues: [
          {
            path: 'planItemKeys',
            message: msg(
              `Mục kế hoạch: không có mục ${missing.join(', ')} trong kế hoạch hiện hành.`,
              `Plan items: no item ${missing.join(', ')} in the plan in force.`,
            ),
          },
        ],
      },
    );
  return unique;
}

/** The names a row's data refers to (enterprises by tax code, communes by id). */
async function refsOf(db: DbOrTx, rows: Array<{ kind: string; data: RecordData }>): Promise<Map<string, string>> {
  const codes: string[] = [];
  const communes: string[] = [];
  for (const r of rows) {
    const def = registryKind(r.kind);
    if (!def) continue;
    codes.push(...taxCodesOf(def, r.data));
    communes.push(...communeIdsOf(def, r.data));
  }
  const [a, b] = await Promise.all([repo.enterpriseNames(db, codes), repo.unitNames(db, communes)]);
  return new Map([...a, ...b]);
}

function toSummary(row: repo.RecordRow, unitName: string | null, names: Map<string, string>): RecordSummary {
  const def = registryKind(row.kind);
  const refs: Record<string, string> = {};
  if (def)
    for (const id of [...taxCodesOf(def, row.data), ...communeIdsOf(def, row.data)]) {
      const name = names.get(id);
      if (name) refs[id] = name;
    }
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    unit: row.unitId ? { id: row.unitId, name: unitName ?? '' } : null,
    occurredOn: row.occurredOn,
    endedOn: row.endedOn,
    data: row.data,
    refs,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A registry's list: search without diacritics, filters by unit, year or window, sorting, paging. */
export async function listRecords(ctx: Pick<Ctx, 'db' | 'actor'>, q: ListRecordsQuery): Promise<RecordListResponse> {
  requireAbility(ctx, canReadRegistries);
  const { rows, total } = await repo.listRecords(ctx.db, q);
  const names = await refsOf(
    ctx.db,
    rows.map((r) => r.row),
  );
  return {
    data: rows.map((r) => toSummary(r.row, r.unitName, names)),
    page: { page: q.page, pageSize: q.pageSize, total },
  };
}

type HistoryRows = Awaited<ReturnType<typeof repo.listHistory>>;
type Changes = Record<string, { from: unknown; to: unknown }>;

/** The history lines, commune ids shown by name. */
function toHistory(def: RegistryKind, rows: HistoryRows, names: Map<string, string>) {
  const communeFields = new Set(
    def.fields.filter((f) => f.type === 'commune' || f.type === 'communes').map((f) => f.key),
  );
  const named = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(named) : typeof v === 'string' ? (names.get(v) ?? v) : v;
  return rows.map((h) => {
    const changes = { ...(h.data as { changes?: Changes } | null)?.changes };
    for (const key of Object.keys(changes))
      if (communeFields.has(key) || key === 'unitId')
        changes[key] = { from: named(changes[key].from), to: named(changes[key].to) };
    return { at: h.at.toISOString(), actor: h.actorEmail, action: h.action, changes };
  });
}

/** The record page: fields, plan items, evidence, history and whether the actor may edit. */
export async function loadRecord(ctx: Pick<Ctx, 'db' | 'clock'>, actor: Actor, id: string): Promise<RecordDto> {
  const found = await repo.getRecord(ctx.db, id);
  if (!found) throw notFound(NOT_FOUND);
  const { row, unitName } = found;
  const def = definitionOf(row.kind);
  const [history, evidence, items] = await Promise.all([
    repo.listHistory(ctx.db, RECORD_ENTITY, id),
    repo.listEvidence(ctx.db, { recordId: id }),
    currentItemsByKey(ctx.db, row.planItemKeys, ctx.clock.now()),
  ]);
  const historyIds = history.flatMap((h) =>
    Object.values((h.data as { changes?: Changes } | null)?.changes ?? {}).flatMap((c) =>
      [c.from, c.to].flat().filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v)),
    ),
  );
  const [names, historyNames] = await Promise.all([refsOf(ctx.db, [row]), repo.unitNames(ctx.db, historyIds)]);
  return {
    ...toSummary(row, unitName, names),
    planItemKeys: row.planItemKeys,
    planItems: row.planItemKeys.map((key) => items.get(key) ?? { key, label: null, title: null }),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    attachments: evidence.map(toEvidenceDto),
    history: toHistory(def, history, historyNames),
    abilities: { canEdit: canEditRecord(actor, row) },
  };
}

export async function getRecord(ctx: Ctx, id: string): Promise<RecordDto> {
  const actor = requireAbility(ctx, canReadRegistries);
  return loadRecord(ctx, actor, id);
}

/** The record's audited fields: its data by field, plan items and unit. */
function auditedFields(r: { data: RecordData; planItemKeys: string[]; unitId: string | null }) {
  return { ...r.data, planItemKeys: r.planItemKeys, unitId: r.unitId };
}

/** The unit a new record reports for: the officer's own, or the one the focal department names. */
async function reportingUnit(ctx: Ctx, actor: Actor, unitId: string | undefined): Promise<string | null> {
  const unit = unitId ?? actor.orgUnitId;
  if (!canCreateRecordFor(actor, unit)) throw forbidden();
  if (unit && unit !== actor.orgUnitId && !(await repo.unitExists(ctx.db, unit)))
    throw new AppError(
      'VALIDATION_ERROR',
      msg('Dữ liệu không hợp lệ: Đơn vị báo cáo không tồn tại.', 'Invalid input: no such reporting unit.'),
      {
        issues: [{ path: 'unitId', message: msg('Đơn vị báo cáo không tồn tại.', 'No such reporting unit.') }],
      },
    );
  return unit;
}

/** Adds a record for the actor's unit (or, for the focal department, the unit named); audited. */
export async function createRecord(ctx: Ctx, input: CreateRecordRequest): Promise<RecordDto> {
  const actor = requireAbility(ctx, canAddToRegistries);
  const def = definitionOf(input.kind);
  const unitId = await reportingUnit(ctx, actor, input.unitId);
  const now = ctx.clock.now();
  const planItemKeys = await checkPlanKeys(ctx.db, input.planItemKeys, now);
  const checked = await checkRecord(ctx.db, def, input.data, vietnamDate(now));
  if (!checked.ok) throw refused(checked.issues);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const { record } = checked;
    await repo.insertRecord(tx, {
      id,
      kind: def.kind,
      unitId,
      planItemKeys,
      ...record,
      identityKey: record.identityKey ?? `id:${id}`,
      createdBy: actor.id,
      createdAt: now,
      updatedBy: actor.id,
      updatedAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'registry.create',
      entityType: RECORD_ENTITY,
      entityId: id,
      data: { kind: def.kind, changes: changedFields({}, auditedFields({ ...record, planItemKeys, unitId })) },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return loadRecord(ctx, actor, id);
}

const STALE = msg(
  'Bản ghi đã được người khác sửa; vui lòng tải lại trang.',
  'Someone else changed this record; please reload.',
);

/** Changes a record (its unit, or the focal department): the whole data is read again; audited field by field. */
export async function updateRecord(ctx: Ctx, id: string, input: UpdateRecordRequest): Promise<RecordDto> {
  const actor = requireAbility(ctx, canReadRegistries);
  const found = await repo.getRecord(ctx.db, id);
  if (!found) throw notFound(NOT_FOUND);
  const row = found.row;
  if (!canEditRecord(actor, row)) throw forbidden();
  const def = definitionOf(row.kind);
  const now = ctx.clock.now();
  const planItemKeys = input.planItemKeys ? await checkPlanKeys(ctx.db, input.planItemKeys, now) : row.planItemKeys;
  const checked = await checkRecord(ctx.db, def, input.data ?? row.data, vietnamDate(now));
  if (!checked.ok) throw refused(checked.issues);
  const changes = changedFields(
    auditedFields(row),
    auditedFields({ data: checked.record.data, planItemKeys, unitId: row.unitId }),
  );
  if (Object.keys(changes).length === 0) {
    if (input.version !== row.version) throw new AppError('CONFLICT', STALE);
    return loadRecord(ctx, actor, id);
  }
  await ctx.db.transaction(async (tx) => {
    const { record } = checked;
    const updated = await repo.updateRecord(tx, id, input.version, {
      ...record,
      identityKey: record.identityKey ?? `id:${id}`,
      planItemKeys,
      updatedBy: actor.id,
      updatedAt: now,
    });
    if (!updated) throw new AppError('CONFLICT', STALE);
    await writeAudit(tx, {
      actor,
      action: 'registry.update',
      entityType: RECORD_ENTITY,
      entityId: id,
      data: { kind: def.kind, changes },
      requestId: ctx.requestId,
      at: now,
    });
  });
  return loadRecord(ctx, actor, id);
}
