// Which expected units the board, the home queues, the reminders and the consolidation leave out:
// the department that compiles the province's report (the focal department, "Sở Nông nghiệp và
// Môi trường") does not report to itself. It is counted, listed and reminded only if it did send
// a report all the same. One rule, used by all of them.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cycleExpectedUnits } from '../../db/schema/index.js';
import { getAgencySettings } from '../settings/index.js';

/** Names compared as the header prints them: upper case, Vietnamese rules, spaces folded. */
function agencyKey(name: string): string {
  return name.trim().replace(/\s+/gu, ' ').toLocaleUpperCase('vi');
}

/** The ids among `units` that are the compiling agency itself (matched by name). */
export function compilingAgencyUnits(
  units: ReadonlyArray<{ orgUnitId: string; name: string }>,
  agency: string | undefined,
) {
  if (!agency?.trim()) return [];
  const key = agencyKey(agency);
  return units.filter((unit) => agencyKey(unit.name) === key).map((unit) => unit.orgUnitId);
}

/**
 * The expected units of a cycle that are not expected to report (unless they sent one): the
 * compiling agency, by default the focal department of the agency settings.
 */
export async function notExpectedUnitIds(db: DbOrTx, cycleId: string, agency?: string): Promise<string[]> {
  const name = agency ?? (await getAgencySettings(db)).focalDepartment.name;
  if (!name?.trim()) return [];
  // The board asks on every request: read only the few units whose name is long enough to be the
  // agency's (upper-casing keeps a Vietnamese name's length; folding spaces only shortens it),
  // not the thousands a cycle may expect; the exact comparison is then done here.
  const length = agencyKey(name).length;
  const candidates = await db
    .select({ orgUnitId: cycleExpectedUnits.orgUnitId, name: cycleExpectedUnits.name })
    .from(cycleExpectedUnits)
    .where(
      and(
        eq(cycleExpectedUnits.cycleId, cycleId),
        isNull(cycleExpectedUnits.removedAt),
        sql`char_length(${cycleExpectedUnits.name}) between ${length} and ${length + 20}`,
      ),
    );
  return compilingAgencyUnits(candidates, name);
}
