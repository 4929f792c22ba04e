import type {
  EnterpriseDto,
  EnterpriseHistoryEntry,
  EnterpriseSummary,
  ObservationDto,
} from '../../../shared/contracts/registries.js';
import type { Actor } from '../../lib/context.js';
import type { EnterpriseRow, listHistory, listObservations } from './enterprises.repository.js';
import { canAddToRegistries, canEditEnterprise } from './policy.js';

type Names = Map<string, string>;
const ref = (id: string | null, names: Names) => (id ? { id, name: names.get(id) ?? '' } : null);

/** A row of the list. */
export function toSummary(row: EnterpriseRow, names: Names, observationCount: number): EnterpriseSummary {
  return {
    id: row.id,
    taxCode: row.taxCode,
    name: row.name,
    commune: ref(row.communeId, names),
    sector: row.sector,
    industrialYears: [...row.industrialYears].sort((a, b) => a - b),
    reportingUnit: ref(row.reportingUnitId, names),
    observationCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type ObservationRows = Awaited<ReturnType<typeof listObservations>>;
type HistoryRows = Awaited<ReturnType<typeof listHistory>>;

function toObservation({ row, unitName }: ObservationRows[number]): ObservationDto {
  return {
    id: row.id,
    unit: row.orgUnitId ? { id: row.orgUnitId, name: unitName ?? '' } : null,
    year: row.year,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

type Changes = EnterpriseHistoryEntry['changes'];
const changesOf = (row: HistoryRows[number]): Changes => ((row.data ?? {}) as { changes?: Changes }).changes ?? {};

/** Unit ids the history names (the xã/phường before and after), to show their names. */
export function historyUnitIds(history: HistoryRows): string[] {
  return history.flatMap((h) => {
    const c = changesOf(h).communeId;
    return c ? [c.from, c.to].filter((x): x is string => typeof x === 'string') : [];
  });
}

function toHistory(row: HistoryRows[number], names: Names): EnterpriseHistoryEntry {
  const changes = { ...changesOf(row) };
  const unitName = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : id);
  if (changes.communeId)
    changes.communeId = { from: unitName(changes.communeId.from), to: unitName(changes.communeId.to) };
  return { at: row.at.toISOString(), actor: row.actorEmail, action: row.action, changes };
}

/** The record page: fields, observations, history and what the actor may do. */
export function toEnterpriseDto(
  actor: Actor,
  row: EnterpriseRow,
  names: Names,
  observations: ObservationRows,
  history: HistoryRows,
  planItems: EnterpriseDto['planItems'],
): Omit<EnterpriseDto, 'attachments'> {
  return {
    ...toSummary(row, names, observations.length),
    products: row.products,
    planItemIds: row.planItemIds,
    planItems,
    recordDate: row.recordDate,
    version: row.version,
    observations: observations.map(toObservation),
    history: history.map((h) => toHistory(h, names)),
    abilities: { canEdit: canEditEnterprise(actor, row), canObserve: canAddToRegistries(actor) },
  };
}

/** The fields whose value differs, as { field: { from, to } }, for the audit log. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[key];
    // A new record lists only the fields it was given.
    if (!(key in before) && (to === null || to === '' || (Array.isArray(to) && to.length === 0))) continue;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to };
  }
  return changes;
}
