import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org-units';
import { useOrgUnitsQuery } from '../org-units/api';

interface Props {
  label: string;
  description?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  required?: boolean;
}

/**
 * Picks a unit valid today, searching GET /org-units on the server so that "so tai chinh" finds
 * "Sở Tài chính" (the options are not filtered again in the browser).
 */
export function UnitPicker({ label, description, value, onChange, error, required }: Props) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<OrgUnitDto | null>(null);
  // Once a unit is chosen the box shows its name; that is not a search.
  const term = chosen && search === chosen.fullName ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const units = useOrgUnitsQuery({ q: debounced || undefined, pageSize: 20 });
  const data = useMemo(() => {
    const rows = units.data?.data ?? [];
    const withChosen = chosen && !rows.some((u) => u.id === chosen.id) ? [chosen, ...rows] : rows;
    return withChosen.map((u) => ({ value: u.id, label: u.fullName }));
  }, [units.data, chosen]);

  return (
    <Select
      label={label}
      description={description}
      required={required}
      searchable
      clearable
      value={value}
      data={data}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        setChosen(units.data?.data.find((u) => u.id === id) ?? (id ? chosen : null));
        onChange(id);
      }}
      nothingFoundMessage={units.isFetching ? '…' : '—'}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
