// Reading a registry record's fields from what a form sends or an Excel cell holds, by the kind's
// definition (shared/registry-kinds.ts). Every refusal names the field in Vietnamese (and English);
// what is accepted comes out normalised, so the same record read twice compares equal.
import { parseVietnameseDate } from './format.js';
import { readNumber } from './numbers.js';
import type { FieldValue, Label, RecordData, RegistryField, RegistryKind } from './registry-kinds.js';
import { normaliseTaxCode, taxCodeMessage, taxCodeProblem } from './tax-code.js';
import { foldText } from './text.js';

export interface FieldIssue {
  /** The field's key. */
  field: string;
  message: Label;
}

type Reading = { ok: true; value: FieldValue } | { ok: false; message: Label };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_TEXT_MAX = 300;
const MAX_LIST = 200;

const refuse = (vi: string, en: string): Reading => ({ ok: false, message: { vi, en } });
const isEmpty = (raw: unknown) =>
  raw === undefined ||
  raw === null ||
  (typeof raw === 'string' && raw.trim() === '') ||
  (Array.isArray(raw) && raw.length === 0);

/** A list from an array or from text separated by commas, semicolons or new lines. */
function listOf(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (typeof raw === 'string')
    return raw
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return [raw];
}

function readNumeric(field: RegistryField & { type: 'number' | 'integer' }, raw: unknown): Reading {
  const label = field.label;
  let n: number | null;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string') {
    const read = readNumber(raw, 'vi');
    n = read.ok ? read.value : Number.NaN;
  } else n = Number.NaN;
  if (n === null || !Number.isFinite(n)) return refuse(`${label.vi} phải là một số.`, `${label.en} must be a number.`);
  if (field.type === 'integer' && !Number.isInteger(n))
    return refuse(`${label.vi} phải là số nguyên.`, `${label.en} must be a whole number.`);
  if (field.min !== undefined && n < field.min)
    return refuse(`${label.vi} không được nhỏ hơn ${field.min}.`, `${label.en} must be at least ${field.min}.`);
  if (field.max !== undefined && n > field.max)
    return refuse(`${label.vi} không được lớn hơn ${field.max}.`, `${label.en} must be at most ${field.max}.`);
  return { ok: true, value: n };
}

function optionOf(field: RegistryField & { type: 'enum' | 'multiEnum' }, raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const folded = foldText(raw.trim());
  return (
    field.options.find((o) => o.value === raw.trim() || foldText(o.vi) === folded || foldText(o.en) === folded)
      ?.value ?? null
  );
}

function readTaxCode(label: Label, raw: unknown): Reading {
  const code =
    typeof raw === 'number' ? String(raw).padStart(10, '0') : normaliseTaxCode(typeof raw === 'string' ? raw : '');
  const problem = taxCodeProblem(code);
  if (problem) return refuse(`${label.vi}: ${taxCodeMessage(problem)}`, `${label.en}: invalid tax code "${code}".`);
  return { ok: true, value: code };
}

/** One field's value, or why it is refused. An empty value is null (a list: []). */
export function readField(field: RegistryField, raw: unknown): Reading {
  const label = field.label;
  const multi = field.type === 'multiEnum' || field.type === 'enterprises' || field.type === 'communes';
  if (isEmpty(raw)) {
    if (field.required) return refuse(`${label.vi}: chưa được nhập.`, `${label.en}: required.`);
    return { ok: true, value: multi ? [] : null };
  }
  switch (field.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number')
        return refuse(`${label.vi} phải là văn bản.`, `${label.en} must be text.`);
      const text = String(raw).trim();
      const max = field.max ?? DEFAULT_TEXT_MAX;
      if (text.length > max)
        return refuse(`${label.vi} không được dài quá ${max} ký tự.`, `${label.en} must be at most ${max} characters.`);
      return { ok: true, value: text };
    }
    case 'number':
    case 'integer':
      return readNumeric(field, raw);
    case 'date': {
      const date =
        raw instanceof Date
          ? raw.toISOString().slice(0, 10)
          : typeof raw === 'string'
            ? parseVietnameseDate(raw.trim().slice(0, 10))
            : null;
      if (!date)
        return refuse(
          `${label.vi}: ngày không hợp lệ (ngày/tháng/năm, ví dụ 27/03/2026).`,
          `${label.en}: not a valid date (YYYY-MM-DD).`,
        );
      if (date < '2000-01-01' || date > '2100-12-31')
        return refuse(`${label.vi}: ngày phải từ năm 2000 đến năm 2100.`, `${label.en}: the year must be 2000–2100.`);
      return { ok: true, value: date };
    }
    case 'enum': {
      const value = optionOf(field, raw);
      if (!value)
        return refuse(
          `${label.vi}: "${String(raw)}" không có trong danh sách (${field.options.map((o) => o.vi).join(', ')}).`,
          `${label.en}: "${String(raw)}" is not one of ${field.options.map((o) => o.en).join(', ')}.`,
        );
      return { ok: true, value };
    }
    case 'multiEnum': {
      const chosen = new Set<string>();
      for (const item of listOf(raw)) {
        const value = optionOf(field, item);
        if (!value)
          return refuse(
            `${label.vi}: "${String(item)}" không có trong danh sách (${field.options.map((o) => o.vi).join(', ')}).`,
            `${label.en}: "${String(item)}" is not one of ${field.options.map((o) => o.en).join(', ')}.`,
          );
        chosen.add(value);
      }
      // In the definition's order, so the same choice always reads the same.
      return { ok: true, value: field.options.map((o) => o.value).filter((v) => chosen.has(v)) };
    }
    case 'enterprise':
      return readTaxCode(label, raw);
    case 'enterprises': {
      const codes: string[] = [];
      const items = listOf(raw);
      if (items.length > MAX_LIST)
        return refuse(`${label.vi}: không quá ${MAX_LIST} mục.`, `${label.en}: at most ${MAX_LIST} items.`);
      for (const item of items) {
        const read = readTaxCode(label, item);
        if (!read.ok) return read;
        if (!codes.includes(read.value as string)) codes.push(read.value as string);
      }
      return { ok: true, value: codes.sort() };
    }
    case 'commune':
      if (typeof raw !== 'string' || !UUID.test(raw))
        return refuse(`${label.vi}: không phải xã, phường trong danh mục.`, `${label.en}: not a commune or ward.`);
      return { ok: true, value: raw.toLowerCase() };
    case 'communes':
    default: {
      const items = listOf(raw);
      if (items.length > MAX_LIST)
        return refuse(`${label.vi}: không quá ${MAX_LIST} mục.`, `${label.en}: at most ${MAX_LIST} items.`);
      if (!items.every((i) => typeof i === 'string' && UUID.test(i)))
        return refuse(`${label.vi}: không phải xã, phường trong danh mục.`, `${label.en}: not a commune or ward.`);
      return { ok: true, value: [...new Set(items.map((i) => (i as string).toLowerCase()))].sort() };
    }
  }
}

/**
 * A record's fields read by its definition: every field present (null or [] when empty), or the
 * refused fields. A key the definition does not have is refused too.
 */
export function readRecordData(
  def: RegistryKind,
  input: Record<string, unknown>,
): { ok: true; data: RecordData } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const data: RecordData = {};
  for (const key of Object.keys(input)) {
    if (!def.fields.some((f) => f.key === key))
      issues.push({
        field: key,
        message: { vi: `Trường "${key}" không có trong sổ này.`, en: `Unknown field "${key}".` },
      });
  }
  for (const field of def.fields) {
    const read = readField(field, input[field.key]);
    if (read.ok) data[field.key] = read.value;
    else issues.push({ field: field.key, message: read.message });
  }
  if (issues.length === 0) {
    const span = def.span(data);
    if (span.from && span.to && span.to < span.from) {
      const end = def.fields.find((f) => f.key === 'endDate');
      const label = end?.label ?? { vi: 'Ngày kết thúc', en: 'End date' };
      issues.push({
        field: end?.key ?? def.fields.find((f) => f.type === 'date')!.key,
        message: {
          vi: `${label.vi} không được trước ngày bắt đầu.`,
          en: `${label.en} must not be before the start date.`,
        },
      });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, data };
}

/** The identity of a record for de-duplication (folded), or null when the record is its own. */
export function identityKey(def: RegistryKind, data: RecordData): string | null {
  const parts = def.identity(data);
  if (!parts || parts.every((p) => p === null || p === '')) return null;
  return foldText(JSON.stringify(parts.map((p) => (typeof p === 'string' ? p.replace(/\s+/g, ' ').trim() : p))));
}
