import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPhoto } from '@tabler/icons-react';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureDto, ProgressQuery } from '../../../shared/contracts/progress';
import { writeNumber } from '../../../shared/numbers';
import { DataTable, type Column } from '../../components/DataTable';
import { figureExportUrl } from './api';
import { Chart, type ChartHandle } from './Chart';
import { sortRows } from './chartOption';

type Cell = string | number | null;

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * One figure: its title, the sentence saying how it was computed, the chart, its exports (PNG,
 * SVG, CSV, XLSX) and its data as a table (sortable by any column).
 */
export function FigureCard({
  figure,
  query,
  tableShown = false,
  formatCell,
  children,
}: {
  figure: FigureDto;
  query: ProgressQuery;
  /** The table is the figure (no chart), or shown open. */
  tableShown?: boolean;
  formatCell?: (value: Cell, column: number) => ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const chartRef = useRef<ChartHandle>(null);
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' } | undefined>();
  const id = `figure-${figure.id}`;
  const rows = useMemo(
    () => (sort ? sortRows(figure.table.rows, Number(sort.key), sort.dir) : figure.table.rows),
    [figure.table.rows, sort],
  );
  const fileBase = `bieu-do-${figure.id}${query.indicator ? `-${query.indicator.toLowerCase()}` : ''}${query.year ? `-${query.year}` : ''}`;
  const columns: Array<Column<{ row: Cell[]; i: number }>> = figure.table.columns.map((header, c) => ({
    key: String(c),
    header,
    sortKey: String(c),
    numeric: figure.table.rows.some((r) => typeof r[c] === 'number') && c > 0,
    isRowHeader: c === 0,
    renderCell: ({ row }) => {
      const v = row[c];
      if (formatCell) return formatCell(v, c);
      // Years stay as written (2026, not 2.026).
      if (typeof v === 'number') return c === 0 && v > 1900 ? String(v) : writeNumber(v, lang);
      return v ?? '—';
    },
  }));
  const table = (
    <DataTable
      rows={rows.map((row, i) => ({ row, i }))}
      rowKey={({ row, i }) => `${i}-${row[0]}`}
      columns={columns}
      minWidth={Math.min(900, 160 * figure.table.columns.length)}
      label={t('progress.tableOf', { title: figure.title })}
      sort={sort}
      onSort={(key) => setSort((s) => ({ key, dir: s?.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}
      striped
      fz="sm"
    />
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id} className="progress-figure">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={3} size="h5" id={id}>
            {figure.title}
          </Title>
          <Group gap={6} className="no-print">
            {figure.chart && (
              <>
                <Button
                  size="compact-xs"
                  variant="default"
                  leftSection={<IconPhoto size={14} aria-hidden />}
                  onClick={() => void chartRef.current!.png().then((png) => saveBlob(png, `${fileBase}.png`))}
                >
                  PNG
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  leftSection={<IconPhoto size={14} aria-hidden />}
                  onClick={() =>
                    saveBlob(new Blob([chartRef.current!.svg()], { type: 'image/svg+xml' }), `${fileBase}.svg`)
                  }
                >
                  SVG
                </Button>
              </>
            )}
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                size="compact-xs"
                variant="default"
                component="a"
                href={figureExportUrl(figure.id, format, query)}
                download
                leftSection={<IconDownload size={14} aria-hidden />}
                aria-label={t('progress.exportAs', { format: format.toUpperCase(), title: figure.title })}
              >
                {format.toUpperCase()}
              </Button>
            ))}
          </Group>
        </Group>
        <Text size="sm" c="dimmed" data-testid="figure-method">
          {figure.method}
        </Text>
        {figure.chart && figure.chart.series.length > 0 && (
          <Chart ref={chartRef} chart={figure.chart} lang={lang} label={`${figure.title}. ${figure.method}`} />
        )}
        {children}
        {tableShown || !figure.chart ? (
          table
        ) : (
          <details className="progress-table">
            <summary>
              <Text span size="sm">
                {t('progress.showTable')}
              </Text>
            </summary>
            {table}
          </details>
        )}
      </Stack>
    </Card>
  );
}
