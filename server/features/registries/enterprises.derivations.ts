// How the enterprise registry feeds the yearly report (issue 12): DN-01 from the records, for a
// unit (the firms it recorded or observed in the data window) and for the province (each firm
// once by tax code, whichever units reported it). Registered by server/features/index.ts.
//
// DN-02 (production lines) is not derived: the registry keeps products and production lines in
// one list without telling them apart, so a count of lines would be a guess.
import { and, between, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { enterpriseObservations, enterprises } from '../../db/schema/index.js';
import type { Derivation, DerivationWindow } from '../../lib/derivations.js';
import { countIndustrial } from './enterprises.repository.js';

/** The year whose industrial-scale producers the window counts: the year its last day is in. */
export function windowYear(window: DerivationWindow): number {
  return Number(window.to.slice(0, 4));
}

/** The window's bounds as instants: from 00:00 of its first day to 00:00 after its last, Vietnam time. */
export function windowInstants(window: DerivationWindow): { start: Date; end: Date } {
  const start = new Date(`${window.from}T00:00:00+07:00`);
  const end = new Date(new Date(`${window.to}T00:00:00+07:00`).getTime() + 86_400_000);
  return { start, end };
}

const producesIn = (year: number) => sql`${enterprises.industrialYears} @> ARRAY[${year}]::integer[]`;

/**
 * DN-01 for each unit: distinct tax codes of the firms producing at industrial scale in the
 * window's year that the unit recorded in the window (the record's date) or observed (an
 * observation for that year, or one made in the window).
 */
export async function industrialByUnit(
  db: DbOrTx,
  window: DerivationWindow,
  unitIds: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (unitIds.length === 0) return out;
  const year = windowYear(window);
  const { start, end } = windowInstants(window);
  const created = db
    .select({ unitId: sql<string>`${enterprises.reportingUnitId}`.as('unit_id'), taxCode: enterprises.taxCode })
    .from(enterprises)
    .where(
      and(
        inArray(enterprises.reportingUnitId, unitIds),
        between(enterprises.recordDate, window.from, window.to),
        producesIn(year),
      ),
    );
  const observed = db
    .select({ unitId: sql<string>`${enterpriseObservations.orgUnitId}`.as('unit_id'), taxCode: enterprises.taxCode })
    .from(enterpriseObservations)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseObservations.enterpriseId))
    .where(
      and(
        inArray(enterpriseObservations.orgUnitId, unitIds),
        or(
          eq(enterpriseObservations.year, year),
          and(gte(enterpriseObservations.createdAt, start), lt(enterpriseObservations.createdAt, end)),
        ),
        producesIn(year),
      ),
    );
  // UNION (not ALL): a firm the unit both created and observed is one pair; counted per unit in SQL.
  const pairs = created.union(observed).as('pairs');
  const rows = await db
    .select({ unitId: pairs.unitId, n: sql<number>`count(*)::int` })
    .from(pairs)
    .groupBy(pairs.unitId);
  for (const row of rows) out.set(row.unitId, row.n);
  return out;
}

/** The registry's list behind a value: the window's year, and the unit's records when given. */
export function enterprisesLink(window: DerivationWindow, unitId?: string): string {
  const params = new URLSearchParams({ nam: String(windowYear(window)) });
  if (unitId) params.set('don-vi', unitId);
  return `/doanh-nghiep?${params.toString()}`;
}

export const enterpriseDerivations: Derivation[] = [
  {
    indicatorCode: 'DN-01',
    wasteStream: null,
    method: {
      vi: 'Số doanh nghiệp trong sổ theo dõi doanh nghiệp sản xuất chế phẩm sinh học xử lý chất thải quy mô công nghiệp trong năm của kỳ số liệu, mỗi mã số thuế tính một lần; của đơn vị: doanh nghiệp do đơn vị ghi nhận trong kỳ hoặc có ghi nhận của đơn vị cho năm đó.',
      en: "Enterprises in the registry producing bio-preparations for waste treatment at industrial scale in the data window's year, each tax code once; for a unit: those it recorded in the window or observed for that year.",
    },
    byUnit: industrialByUnit,
    province: (db, window) => countIndustrial(db, windowYear(window)),
    recordsLink: enterprisesLink,
  },
];
