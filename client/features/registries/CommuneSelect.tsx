import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useOrgUnitsQuery } from '../org-units/api';

interface Props {
  label: string;
  value: string | null;
  /** The chosen commune's name, shown before any search. */
  initialName?: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  clearable?: boolean;
}

/** Picks a xã or phường valid today; the search runs on the server without diacritics. */
export function CommuneSelect({ label, value, initialName, onChange, error, clearable = true }: Props) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(
    value && initialName ? { id: value, name: initialName } : null,
  );
  const term = chosen && search.trim() === chosen.name ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const communes = useOrgUnitsQuery({ q: debounced || undefined, kind: 'commune', pageSize: 15 });
  const wards = useOrgUnitsQuery({ q: debounced || undefined, kind: 'ward', pageSize: 15 });
  const data = useMemo(() => {
    const rows = [...(wards.data?.data ?? []), ...(communes.data?.data ?? [])].map((u) => ({
      value: u.id,
      label: u.fullName,
    }));
    return chosen && !rows.some((r) => r.value === chosen.id)
      ? [{ value: chosen.id, label: chosen.name }, ...rows]
      : rows;
  }, [communes.data, wards.data, chosen]);
  return (
    <Select
      label={label}
      searchable
      clearable={clearable}
      value={value}
      data={data}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const row = data.find((d) => d.value === id);
        setChosen(row ? { id: row.value, name: row.label } : null);
        onChange(id);
      }}
      nothingFoundMessage={communes.isFetching || wards.isFetching ? '…' : '—'}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
