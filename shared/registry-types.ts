// The shape of a registry's definition (shared/registry-kinds.ts holds the definitions).

export interface Label {
  vi: string;
  en: string;
}

export interface FieldOption extends Label {
  value: string;
}

interface FieldBase {
  key: string;
  label: Label;
  required?: boolean;
  /** A line under the field in the form. */
  hint?: Label;
}

export type RegistryField =
  | (FieldBase & { type: 'text'; max?: number; multiline?: boolean })
  | (FieldBase & { type: 'number'; unit?: Label; min?: number; max?: number })
  | (FieldBase & { type: 'integer'; unit?: Label; min?: number; max?: number })
  | (FieldBase & { type: 'date' })
  | (FieldBase & { type: 'enum'; options: FieldOption[] })
  | (FieldBase & { type: 'multiEnum'; options: FieldOption[] })
  /** An enterprise of the enterprise registry, by tax code. */
  | (FieldBase & { type: 'enterprise' })
  /** Several enterprises, by tax code. */
  | (FieldBase & { type: 'enterprises' })
  /** A xã/phường valid at the record's date (its id). */
  | (FieldBase & { type: 'commune' })
  | (FieldBase & { type: 'communes' });

export type FieldType = RegistryField['type'];
/** A stored value: text, number, date (YYYY-MM-DD), option, tax code, commune id, or a list of them. */
export type FieldValue = string | number | string[] | null;
export type RecordData = Record<string, FieldValue>;

export interface RegistryKind {
  /** The API's name of the kind. */
  kind: string;
  /** The client's path segment under /so-theo-doi. */
  slug: string;
  title: Label;
  /** One line on the registries' page and above the list. */
  intro: Label;
  /** The noun of one record ("khóa đào tạo"), for "Thêm …" and counts. */
  noun: Label;
  fields: RegistryField[];
  /** The field shown as the record's title. */
  titleField: string;
  /** Fields shown as the list's columns (after the title and the date). */
  listFields: string[];
  /**
   * The record's dates: the day it happened or began, and when it ended (inclusive). Windows
   * count a record whose [from, to] meets them; a record without a date is in no window.
   */
  span: (d: RecordData) => { from: string | null; to: string | null };
  /**
   * What makes two units' records the same thing (a training co-organised by two units, one
   * decision reported by the payer and the payee): province figures count each identity once.
   * Text is compared folded (shared/text.ts). Null: the record is its own identity.
   */
  identity: (d: RecordData) => Array<FieldValue> | null;
}

/** A label in both languages. */
export const L = (vi: string, en: string): Label => ({ vi, en });
/** An option of an enum field. */
export const opt = (value: string, vi: string, en: string): FieldOption => ({ value, vi, en });
