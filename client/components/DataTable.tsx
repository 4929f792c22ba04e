import { Table, type TableProps, type TableTrProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { SortableTh, type SortDirection } from './ListControls';
import { ScrollTable } from './ScrollTable';

/** One column of a DataTable: its title, how a row fills its cell, and how the cell is laid out. */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  renderCell: (row: Row, index: number) => ReactNode;
  /** The list's sort key when this column's title sorts the list (then `header` must be a string). */
  sortKey?: string;
  /** Right-aligned (numbers). */
  numeric?: boolean;
  /** The header cell's width in pixels. */
  width?: number;
  /** The cell's smallest width in pixels. */
  minWidth?: number;
  /** The cell names its row for assistive technology (a row header, `<th scope="row">`). */
  isRowHeader?: boolean;
  /** Left out of the table (a column only some roles see). */
  hidden?: boolean;
}

interface DataTableProps<Row> extends Omit<TableProps, 'children'> {
  rows: readonly Row[];
  columns: ReadonlyArray<Column<Row>>;
  rowKey: (row: Row) => string;
  /** With a width, the table scrolls sideways on narrow screens in a named, focusable box. */
  minWidth?: number;
  /** The name of the scrolling box (default: "Bảng, cuộn ngang để xem thêm"). */
  label?: string;
  /** The sorted column and its order, for columns with a `sortKey`. */
  sort?: { key: string; dir: SortDirection };
  onSort?: (key: string) => void;
  /** Extra attributes of a row (data-* hooks of the tests, weight). */
  rowProps?: (row: Row) => TableTrProps & Record<`data-${string}`, string | undefined>;
}

/**
 * The app's table: a header row from the columns (sortable ones as buttons that announce the
 * order) and a row per item. Pages keep their own empty states and pagination around it.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  minWidth,
  label,
  sort,
  onSort,
  rowProps,
  ...tableProps
}: DataTableProps<Row>) {
  const shown = columns.filter((column) => !column.hidden);
  const table = (
    <Table {...tableProps}>
      <Table.Thead>
        <Table.Tr>
          {shown.map((column) =>
            column.sortKey && onSort && typeof column.header === 'string' ? (
              <SortableTh
                key={column.key}
                label={column.header}
                direction={sort?.key === column.sortKey ? sort.dir : undefined}
                onSort={() => onSort(column.sortKey!)}
              />
            ) : (
              <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined} w={column.width}>
                {column.header}
              </Table.Th>
            ),
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
            {shown.map((column) =>
              column.isRowHeader ? (
                <Table.Th key={column.key} scope="row" fw={500}>
                  {column.renderCell(row, index)}
                </Table.Th>
              ) : (
                <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined} miw={column.minWidth}>
                  {column.renderCell(row, index)}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? (
    <ScrollTable minWidth={minWidth} label={label}>
      {table}
    </ScrollTable>
  ) : (
    table
  );
}

/** The next sort after a click on a column title: the same column flips its order, another starts ascending. */
export function nextSort<Key extends string>(
  current: { key: Key; dir: SortDirection },
  key: Key,
): { key: Key; dir: SortDirection } {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}
