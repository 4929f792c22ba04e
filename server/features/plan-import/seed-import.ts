import { createHash } from 'node:crypto';
import type { PlanImportOp } from '../../../shared/contracts/plan-import.js';
import type { AssignmentRole, UnitGroup } from '../../../shared/domain.js';
import type { DbOrTx } from '../../db/client.js';
import { createPlanVersionOne } from '../plan/index.js';
import { applyOps } from './edits.js';
import { parsePlanText } from './parser.js';
import * as repo from './plan-import.repository.js';
import { loadUnits } from './plan-import.service.js';
import { issuerAt, standingAgency, toNewPlanItems } from './publish.service.js';
import { reportingSchedule } from './schedule.js';

/** A review decision recorded with a seed plan, naming units by code (the review screen sends ids). */
export type SeedReviewOp =
  | { op: 'markBoilerplate'; lines: number[] }
  | { op: 'setDuty'; key: string; role: AssignmentRole; unit?: string; group?: UnitGroup };

export interface SeedPlanSource {
  /** The plan's official text. */
  text: string;
  fileName: string;
  /** The issuing committee's unit code. */
  issuerUnitCode: string;
  /** The plan's scope, where the text's "Phạm vi" line is not what the plan record should say. */
  scope: string;
  /** The officer's review: what the text leaves open (units of items that name none), lines to skip. */
  review: SeedReviewOp[];
}

/**
 * Loads a reference plan at startup the way an officer would: its text parsed against the unit
 * register as of its date, the recorded review decisions applied through the review screen's
 * operations, then published as version 1, with the import (source text, SHA-256) kept and linked.
 * Runs in the caller's transaction; refuses (throws) a text that would not publish cleanly.
 */
export async function importSeedPlan(tx: DbOrTx, source: SeedPlanSource): Promise<{ planId: string }> {
  const units = await loadUnits(tx);
  const parsed = parsePlanText(source.text, { source: 'text', lexiconFor: units.lexiconFor });
  const idOf = (code: string) => {
    const unit = units.byCode.get(code);
    if (!unit) throw new Error(`seed plan review: unknown unit code ${code}`);
    return unit.id;
  };
  const ops: PlanImportOp[] = source.review.map((r) =>
    r.op === 'markBoilerplate'
      ? r
      : {
          op: 'setDuty',
          key: r.key,
          index: null,
          role: r.role,
          unitId: r.unit ? idOf(r.unit) : null,
          group: r.group ?? null,
        },
  );
  const { plan } = applyOps(parsed, ops, (id) => units.byId.get(id) ?? null);
  const { items, unmapped } = toNewPlanItems(plan.items, units.byCode);
  const open = plan.warnings.filter((w) => w.code === 'NO_UNIT' || w.code === 'LINES_UNASSIGNED');
  if (unmapped.size > 0 || open.length > 0 || !plan.header.number || !plan.header.date) {
    throw new Error(
      `seed plan ${source.fileName} does not import cleanly: ${[...unmapped, ...open.map((w) => w.en)].join('; ')}`,
    );
  }
  const { header } = plan;
  const issuer = units.byCode.get(source.issuerUnitCode) ?? issuerAt(units.byId.values(), header.date);
  const created = await createPlanVersionOne(tx, {
    number: header.number,
    date: header.date,
    title: header.title,
    issuerUnitId: issuer?.id ?? null,
    issuer: header.issuer,
    issuerParent: header.issuerParent,
    place: header.place,
    scope: source.scope,
    legalBases: plan.legalBases,
    preamble: plan.preamble,
    closing: plan.closing,
    recipients: plan.recipients,
    signerAuthority: plan.signerAuthority,
    signerName: plan.signerName,
    reportingSchedule: reportingSchedule(plan, standingAgency(plan)),
    items,
  });
  await repo.insertImport(tx, {
    status: 'published',
    sourceKind: 'text',
    fileName: source.fileName,
    sha256: createHash('sha256').update(Buffer.from(source.text, 'utf8')).digest('hex'),
    storageKey: null,
    sourceText: source.text,
    draft: plan,
    publishedPlanId: created.planId,
    createdBy: null,
  });
  return { planId: created.planId };
}
