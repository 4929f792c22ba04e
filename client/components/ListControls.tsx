import {
  Center,
  Group,
  Pagination,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  type TextInputProps,
  type UnstyledButtonProps,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PageInfo } from '../../shared/contracts/common';
import { formatNumber } from '../../shared/format';
import { LIMITS } from '../../shared/limits';

/** The pieces every searchable, sortable, paged list shares; the texts that name what is listed stay with each feature. */

type SearchInputProps = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (value: string) => void;
};

/** The search box of a list: searched on the server, with or without diacritics. */
export function SearchInput({ value, onChange, ...props }: SearchInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      description={t('common.searchHint')}
      maxLength={LIMITS.search}
      {...props}
      type="search"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

export type SortDirection = 'asc' | 'desc';

/** A column title that sorts the list; its arrow shows the order (`direction`) when it is the sorted column. */
export function SortButton({
  label,
  direction,
  onSort,
  ...props
}: { label: string; direction?: SortDirection; onSort: () => void } & UnstyledButtonProps & {
    'aria-pressed'?: boolean;
  }) {
  const { t } = useTranslation();
  const Icon = direction ? (direction === 'desc' ? IconChevronDown : IconChevronUp) : IconSelector;
  return (
    <UnstyledButton fw={700} fz="sm" aria-label={t('common.sortBy', { column: label })} onClick={onSort} {...props}>
      <Group gap={4} wrap="nowrap">
        {label}
        <Icon size={14} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}

/** The sorting button as a header cell that tells assistive technology the order (aria-sort). */
export function SortableTh({
  label,
  direction,
  onSort,
}: {
  label: string;
  direction?: SortDirection;
  onSort: () => void;
}) {
  return (
    <Table.Th aria-sort={ariaSort(direction)}>
      <SortButton label={label} direction={direction} onSort={onSort} />
    </Table.Th>
  );
}

export function ariaSort(direction?: SortDirection) {
  return direction === 'desc' ? ('descending' as const) : direction === 'asc' ? ('ascending' as const) : undefined;
}

/** "Hiển thị 1–50 trên 132 …": `text` words the range (from, to, total) as the feature names its rows. */
export function PageSummary({
  page,
  count,
  text,
}: {
  page: PageInfo;
  count: number;
  text: (range: { from: string; to: string; total: string }) => string;
}) {
  const first = (page.page - 1) * page.pageSize;
  return (
    <Text size="sm" aria-live="polite">
      {text({ from: formatNumber(first + 1), to: formatNumber(first + count), total: formatNumber(page.total) })}
    </Text>
  );
}

/**
 * The pages of a list, shown only when there is more than one. Previous/next are named; with
 * `namePages` each page button reads "Trang 3" rather than "3".
 */
export function ListPagination({
  page,
  value = page.page,
  onChange,
  namePages,
}: {
  page: PageInfo;
  value?: number;
  onChange: (page: number) => void;
  namePages?: boolean;
}) {
  const { t } = useTranslation();
  if (page.total <= page.pageSize) return null;
  return (
    <Center>
      <Pagination
        total={Math.ceil(page.total / page.pageSize)}
        value={value}
        onChange={onChange}
        getControlProps={(control) => ({
          'aria-label':
            control === 'previous' ? t('common.prevPage') : control === 'next' ? t('common.nextPage') : undefined,
        })}
        getItemProps={namePages ? (p) => ({ 'aria-label': `${t('common.page')} ${p}` }) : undefined}
      />
    </Center>
  );
}
