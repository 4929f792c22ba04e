import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { OrgUnitDto } from '../../shared/contracts/org-units';
import { useOrgUnitsQuery } from '../features/org-units/api';

interface Props {
  label: string;
  description?: string;
  value: string | null;
  /** The unit already chosen (so its name shows before any search). */
  initial?: OrgUnitDto | null;
  onChange: (id: string | null, unit: OrgUnitDto | null) => void;
  /** Units not to offer (already on a list). */
  exclude?: ReadonlySet<string>;
  clearable?: boolean;
  error?: string;
  required?: boolean;
  /** Offer the units valid on this day (YYYY-MM-DD) instead of today's: a plan's date. */
  asOf?: string;
}

/**
 * Picks a unit valid today (or on `asOf`). The search runs on the server (GET /org-units?q=) so "so xay dung"
 * finds "Sở Xây dựng tỉnh Vĩnh Long"; the options are not filtered again in the browser.
 */
export function UnitSelect({
  label,
  description,
  value,
  initial,
  onChange,
  exclude,
  clearable = true,
  error,
  required,
  asOf,
}: Props) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<OrgUnitDto | null>(initial ?? null);
  // Once a unit is chosen the box shows its name; that is not a search.
  const term = chosen && search.trim() === chosen.fullName ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const units = useOrgUnitsQuery({ asOf, q: debounced || undefined, pageSize: 20 });
  const data = useMemo(() => {
    const rows = (units.data?.data ?? []).filter((u) => !exclude?.has(u.id));
    const withChosen = chosen && !rows.some((u) => u.id === chosen.id) ? [chosen, ...rows] : rows;
    return withChosen.map((u) => ({ value: u.id, label: u.fullName }));
  }, [units.data, chosen, exclude]);

  return (
    <Select
      label={label}
      description={description}
      required={required}
      searchable
      clearable={clearable}
      value={value}
      data={data}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const unit = units.data?.data.find((u) => u.id === id) ?? (id ? chosen : null);
        setChosen(unit);
        onChange(id, unit);
      }}
      nothingFoundMessage={units.isFetching ? '…' : '—'}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
