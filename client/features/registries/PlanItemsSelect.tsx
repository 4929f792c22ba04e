import { MultiSelect, type ComboboxItem } from '@mantine/core';
import { useMemo } from 'react';
import { foldText } from '../../../shared/text';
import { useCurrentPlanQuery } from '../plan/api';

function short(text: string): string {
  return text.length > 110 ? `${text.slice(0, 107)}…` : text;
}

/**
 * Picks items of the current plan; the search ignores diacritics ("nhiem vu" finds "nhiệm vụ").
 * The values are the items' ids, or their keys (stable across versions) with `by="key"`.
 */
export function PlanItemsSelect({
  label,
  value,
  onChange,
  error,
  by = 'id',
  required,
}: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  by?: 'id' | 'key';
  required?: boolean;
}) {
  const { plan } = useCurrentPlanQuery();
  const data = useMemo(
    () =>
      (plan.data?.items ?? [])
        .filter((i) => i.kind !== 'text')
        .map((i) => ({ value: by === 'key' ? i.key : i.id, label: short(`${i.key} ${i.title ?? i.text ?? ''}`) })),
    [plan.data, by],
  );
  return (
    <MultiSelect
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      required={required}
      error={error}
      filter={({ options, search }) => {
        const q = foldText(search);
        return (options as ComboboxItem[]).filter((o) => foldText(o.label).includes(q));
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
