import { Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { PlanItemDto } from '../../../../shared/contracts/plans';
import { foldText } from '../../../../shared/text';
import { planItemOptions } from './planItems';

interface Props {
  label: string;
  description?: string;
  placeholder?: string;
  items: PlanItemDto[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  required?: boolean;
  /** Only offer items that may hold sub-items (for "add under…"). */
  onlyContainers?: boolean;
  disabled?: boolean;
  'data-testid'?: string;
}

/**
 * Picks an item of the plan from its tree: options are indented by depth and read
 * "IV. › 4. Sở Tài chính"; the search ignores diacritics ("so tai chinh").
 */
export function PlanItemSelect({
  label,
  description,
  placeholder,
  items,
  value,
  onChange,
  error,
  required,
  onlyContainers,
  disabled,
  ...rest
}: Props) {
  const options = useMemo(() => {
    const all = planItemOptions(items);
    return onlyContainers ? all.filter((o) => o.item.kind === 'section' || o.item.title) : all;
  }, [items, onlyContainers]);
  const depthOf = useMemo(() => new Map(options.map((o) => [o.item.id, o.depth])), [options]);
  const data = useMemo(() => options.map((o) => ({ value: o.item.id, label: o.path })), [options]);
  const folded = useMemo(
    () => new Map(options.map((o) => [o.item.id, foldText(`${o.item.key} ${o.path} ${o.item.text ?? ''}`)])),
    [options],
  );

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      required={required}
      disabled={disabled}
      searchable
      clearable
      value={value}
      onChange={onChange}
      data={data}
      error={error}
      limit={200}
      maxDropdownHeight={360}
      comboboxProps={{ withinPortal: true }}
      filter={({ options: opts, search }) => {
        const q = foldText(search);
        if (!q) return opts;
        return opts.filter((o) => 'value' in o && folded.get(o.value)?.includes(q));
      }}
      renderOption={({ option }) => (
        <Text
          size="sm"
          pl={(depthOf.get(option.value) ?? 0) * 14}
          fw={(depthOf.get(option.value) ?? 0) === 0 ? 700 : 400}
        >
          {option.label}
        </Text>
      )}
      data-testid={rest['data-testid']}
    />
  );
}
