import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessUnitDto, CycleDto } from '../../../shared/contracts/reporting';
import { ListPagination, PageSummary } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/useAuth';
import { BoardByKind, BoardCounts } from './BoardCounts';
import { BulkAcceptModal, ExtensionModal } from './BoardDialogs';
import { BoardFilters } from './BoardFilters';
import { BoardReminders } from './BoardReminders';
import { BoardTable } from './BoardTable';
import { useBoardQuery, useBoardSelection } from './useBoardQuery';

/** The focal department's board of an open cycle: counts, counts by kind, the unit list, reminders. */
export function Board({ cycle }: { cycle: CycleDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const canReview = can('report.review');
  const { board, filters, changeFilters, sort, setSort, page, setPage } = useBoardQuery(cycle.id);
  const selection = useBoardSelection();
  const [isBulkOpen, setBulkOpen] = useState(false);
  const [extending, setExtending] = useState<CompletenessUnitDto | null>(null);

  return (
    <Stack gap="lg">
      <QueryState query={board}>
        {(data) => (
          <Stack gap="lg">
            <BoardCounts data={data} />
            <BoardByKind data={data} />

            <section aria-labelledby="board-list">
              <Group justify="space-between" align="flex-end" mb="sm">
                <Title order={3} size="h4" id="board-list">
                  {t('reporting.board.list')}
                </Title>
                {canReview && (
                  <Button
                    leftSection={<IconChecks size={16} aria-hidden />}
                    disabled={selection.selected.size === 0}
                    onClick={() => setBulkOpen(true)}
                  >
                    {t('reporting.board.bulkAccept', { count: selection.selected.size })}
                  </Button>
                )}
              </Group>
              <BoardFilters filters={filters} onChange={changeFilters} />
              {data.units.length === 0 ? (
                <Alert>{t('reporting.board.none')}</Alert>
              ) : (
                <Stack gap="sm">
                  <PageSummary
                    page={data.page}
                    count={data.units.length}
                    text={(range) => t('reporting.board.showing', range)}
                  />
                  <BoardTable
                    cycle={cycle}
                    units={data.units}
                    sort={sort}
                    onSort={setSort}
                    selection={canReview ? selection : undefined}
                    onExtend={setExtending}
                  />
                  <ListPagination page={data.page} value={page} onChange={setPage} />
                </Stack>
              )}
            </section>
            {can('cycle.manage') && <BoardReminders cycle={cycle} missing={data.missing} />}
          </Stack>
        )}
      </QueryState>

      {isBulkOpen && (
        <BulkAcceptModal
          rows={[...selection.selected.values()]}
          onClose={() => setBulkOpen(false)}
          onDone={selection.clear}
        />
      )}
      {extending && <ExtensionModal cycle={cycle} row={extending} onClose={() => setExtending(null)} />}
    </Stack>
  );
}
