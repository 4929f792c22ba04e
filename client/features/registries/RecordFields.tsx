import { MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, parseVietnameseDate } from '../../../shared/format';
import { fieldLabel, type FieldValue, type RegistryField } from '../../../shared/registry-kinds';
import { useOrgUnitsQuery } from '../org-units/api';
import { useEnterprisesQuery } from './api';
import { CommuneSelect } from './CommuneSelect';

export type Lang = 'vi' | 'en';

/** The page's language for the definitions' labels. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? 'en' : 'vi';
}

/** A value as the list and the record page show it; refs names tax codes and commune ids. */
export function showValue(
  field: RegistryField,
  value: FieldValue | undefined,
  refs: Record<string, string>,
  lang: Lang,
): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  const list = Array.isArray(value) ? value : [value];
  switch (field.type) {
    case 'number':
    case 'integer':
      return typeof value === 'number' ? `${formatNumber(value)}${field.unit ? ` ${field.unit[lang]}` : ''}` : '—';
    case 'date':
      return formatDate(String(value));
    case 'enum':
    case 'multiEnum':
      return list.map((v) => field.options.find((o) => o.value === v)?.[lang] ?? String(v)).join(', ');
    case 'enterprise':
    case 'enterprises':
      return list.map((code) => (refs[String(code)] ? `${refs[String(code)]} (${code})` : String(code))).join('; ');
    case 'commune':
    case 'communes':
      return list.map((id) => refs[String(id)] ?? String(id)).join(', ');
    case 'text':
    default:
      return list.join(', ');
  }
}

/** Picks enterprises of the registry by name or tax code; the value is the tax code. */
function EnterprisePicker({
  label,
  value,
  multiple,
  refs,
  onChange,
  error,
  required,
}: {
  label: string;
  value: string[];
  multiple: boolean;
  refs: Record<string, string>;
  onChange: (codes: string[]) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const list = useEnterprisesQuery({ q: debounced || undefined, pageSize: 15 });
  const [known, setKnown] = useState<Record<string, string>>(refs);
  const data = useMemo(() => {
    const rows = new Map<string, string>();
    for (const code of value) rows.set(code, known[code] ? `${known[code]} (${code})` : code);
    for (const e of list.data?.data ?? []) rows.set(e.taxCode, `${e.name} (${e.taxCode})`);
    return [...rows].map(([v, l]) => ({ value: v, label: l }));
  }, [list.data, value, known]);
  const remember = (codes: string[]) => {
    const names = { ...known };
    for (const e of list.data?.data ?? []) if (codes.includes(e.taxCode)) names[e.taxCode] = e.name;
    setKnown(names);
    onChange(codes);
  };
  const common = {
    label,
    description: t('registries.rec.searchEnterprise'),
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    filter: ({ options }: { options: unknown }) => options as never,
    error,
    required,
    comboboxProps: { withinPortal: true },
    nothingFoundMessage: list.isFetching ? '…' : '—',
  };
  return multiple ? (
    <MultiSelect {...common} value={value} onChange={remember} />
  ) : (
    <Select {...common} clearable value={value[0] ?? null} onChange={(v) => remember(v ? [v] : [])} />
  );
}

/** Picks several xã/phường valid today; the search runs on the server without diacritics. */
function CommunesPicker({
  label,
  value,
  refs,
  onChange,
  error,
}: {
  label: string;
  value: string[];
  refs: Record<string, string>;
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const communes = useOrgUnitsQuery({ q: debounced || undefined, kind: 'commune', pageSize: 15 });
  const wards = useOrgUnitsQuery({ q: debounced || undefined, kind: 'ward', pageSize: 15 });
  const [known, setKnown] = useState<Record<string, string>>(refs);
  const data = useMemo(() => {
    const rows = new Map<string, string>();
    for (const id of value) rows.set(id, known[id] ?? id);
    for (const u of [...(wards.data?.data ?? []), ...(communes.data?.data ?? [])]) rows.set(u.id, u.fullName);
    return [...rows].map(([v, l]) => ({ value: v, label: l }));
  }, [communes.data, wards.data, value, known]);
  return (
    <MultiSelect
      label={label}
      description={t('registries.rec.searchCommune')}
      data={data}
      value={value}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(ids) => {
        setKnown(Object.fromEntries(data.map((d) => [d.value, d.label])));
        onChange(ids);
      }}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** One field of a record's form, by its definition. */
export function FieldInput({
  field,
  value,
  refs,
  onChange,
  error,
}: {
  field: RegistryField;
  value: FieldValue | undefined;
  refs: Record<string, string>;
  onChange: (value: FieldValue) => void;
  error?: string;
}) {
  const lang = useLang();
  const label = fieldLabel(field, lang);
  const common = { label, required: field.required, error, description: field.hint?.[lang] };
  const list = Array.isArray(value)
    ? value
    : value === null || value === undefined || value === ''
      ? []
      : [String(value)];
  switch (field.type) {
    case 'text':
      return field.multiline ? (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxLength={field.max}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <TextInput
          {...common}
          maxLength={field.max ?? 300}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
    case 'integer':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          min={field.min}
          max={field.max}
          allowDecimal={field.type === 'number'}
          decimalSeparator={lang === 'vi' ? ',' : '.'}
          thousandSeparator={lang === 'vi' ? '.' : ','}
          onChange={(v) => onChange(v === '' ? null : Number(v))}
        />
      );
    case 'date':
      return (
        <DateInput
          {...common}
          clearable={!field.required}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVietnameseDate}
          locale={lang}
          placeholder="dd/mm/yyyy"
          leftSection={<IconCalendar size={16} aria-hidden />}
          popoverProps={{ withinPortal: true }}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          clearable={!field.required}
          data={field.options.map((o) => ({ value: o.value, label: o[lang] }))}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'multiEnum':
      return (
        <MultiSelect
          {...common}
          data={field.options.map((o) => ({ value: o.value, label: o[lang] }))}
          value={list}
          onChange={(v) => onChange(v)}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'enterprise':
    case 'enterprises':
      return (
        <EnterprisePicker
          label={label}
          required={field.required}
          value={list}
          multiple={field.type === 'enterprises'}
          refs={refs}
          error={error}
          onChange={(codes) => onChange(field.type === 'enterprises' ? codes : (codes[0] ?? null))}
        />
      );
    case 'commune':
      return (
        <CommuneSelect
          label={label}
          value={list[0] ?? null}
          initialName={list[0] ? refs[list[0]] : null}
          onChange={(id) => onChange(id)}
          error={error}
        />
      );
    case 'communes':
    default:
      return <CommunesPicker label={label} value={list} refs={refs} onChange={onChange} error={error} />;
  }
}
