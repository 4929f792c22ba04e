import {
  Alert,
  Button,
  Center,
  Group,
  NumberInput,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  type NumberInputProps,
  type PaperProps,
  type TableProps,
  type TextInputProps,
  type UnstyledButtonProps,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconFileExport, IconSelector } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageInfo } from '../../shared/contracts/common';
import { formatNumber } from '../../shared/format';
import { LIMITS } from '../../shared/limits';
import { QueryState } from './QueryState';

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

/** The title of a list page, its introduction and, on the right, its main action (e.g. "Thêm …"). */
export function ListHeading({ title, intro, action }: { title: ReactNode; intro: ReactNode; action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text mt={4} maw={820}>
          {intro}
        </Text>
      </div>
      {action}
    </Group>
  );
}

/** The bordered box of a list's search and filters, in a row that wraps; `below` goes under the row. */
export function FilterBar({
  children,
  below,
  ...props
}: { children: ReactNode; below?: ReactNode } & PaperProps &
  Pick<ComponentPropsWithoutRef<'div'>, 'role' | 'aria-label'>) {
  return (
    <Paper withBorder p="md" {...props}>
      <Group align="flex-end" gap="md">
        {children}
      </Group>
      {below}
    </Paper>
  );
}

/** A year filter (yyyy, no thousands separator); `onChange` gets the year as text, or null when cleared. */
export function YearFilter({
  value,
  onChange,
  min = 2000,
  max = 2100,
  ...props
}: Omit<NumberInputProps, 'value' | 'onChange'> & { value?: number; onChange: (year: string | null) => void }) {
  return (
    <NumberInput
      value={value ?? ''}
      min={min}
      max={max}
      onChange={(v) => onChange(v === '' ? null : String(v))}
      {...props}
    />
  );
}

/** The Excel export of what the list shows (its filters and order are in `href`). */
export function ExportButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button component="a" href={href} download variant="default" leftSection={<IconFileExport size={16} aria-hidden />}>
      {children}
    </Button>
  );
}

/**
 * A page of a list as the server answers it: loading and error states, `empty` when nothing
 * matches, otherwise "Hiển thị 1–25 trên 132 …" (`showing`, with `renderAside` on its right), the rows
 * (`children`) and the pages.
 */
export function ListResults<Data extends { data: readonly unknown[]; page: PageInfo }>({
  query,
  empty,
  showing,
  renderAside,
  onPage,
  namePages,
  children,
}: {
  query: UseQueryResult<Data>;
  empty: ReactNode;
  showing: (range: { from: string; to: string; total: string }) => string;
  renderAside?: (data: Data) => ReactNode;
  onPage: (page: number) => void;
  /** Page buttons read "Trang 3" rather than "3" (see ListPagination). */
  namePages?: boolean;
  children: (data: Data) => ReactNode;
}) {
  return (
    <QueryState query={query}>
      {(data) =>
        data.data.length === 0 ? (
          <Alert>{empty}</Alert>
        ) : (
          <Stack gap="sm">
            {renderAside ? (
              <Group justify="space-between">
                <PageSummary page={data.page} count={data.data.length} text={showing} />
                {renderAside(data)}
              </Group>
            ) : (
              <PageSummary page={data.page} count={data.data.length} text={showing} />
            )}
            {children(data)}
            <ListPagination page={data.page} onChange={onPage} namePages={namePages} />
          </Stack>
        )
      }
    </QueryState>
  );
}

/** The table of a list: striped, rows lit on hover, scrolling sideways below `minWidth` pixels. */
export function ListTable({ minWidth = 900, children, ...props }: TableProps & { minWidth?: number }) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="xs" {...props}>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
