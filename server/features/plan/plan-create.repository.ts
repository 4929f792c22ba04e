import type { AssignmentRole, PlanItemKind, UnitGroup } from '../../../shared/domain.js';
import type { ReportingSchedule } from '../../../shared/periods.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { planAssignments, planItems, plans, planVersions } from '../../db/schema/index.js';

/** An item of a new plan, with its children: what an import publishes. */
export interface NewPlanItem {
  key: string;
  kind: PlanItemKind;
  label: string;
  title: string | null;
  text: string | null;
  assignments: Array<{ orgUnitId: string | null; unitGroup: UnitGroup | null; role: AssignmentRole }>;
  children: NewPlanItem[];
}

export interface NewPlan {
  number: string;
  date: string;
  title: string;
  issuerUnitId: string | null;
  issuer: string;
  issuerParent: string;
  place: string;
  scope: string;
  legalBases: string[];
  preamble: string;
  closing: string[];
  recipients: string[];
  signerAuthority: string[];
  signerName: string;
  /** The standing agency the text names (its focal department), or null. */
  focalUnitId?: string | null;
  /** The reporting schedule the text states (see plan-import's reportingSchedule), or null. */
  reportingSchedule?: ReportingSchedule | null;
  items: NewPlanItem[];
}

/**
 * Creates a plan as version 1 (effective from its date) with its items and assignments, in the
 * caller's transaction. Labels and keys are stored as given.
 */
export async function createPlanVersionOne(tx: DbOrTx, input: NewPlan): Promise<{ planId: string; versionId: string }> {
  const { items, ...plan } = input;
  const [planRow] = await tx
    .insert(plans)
    .values({ ...plan, currentVersion: 1 })
    .returning({ id: plans.id });
  const [version] = await tx
    .insert(planVersions)
    .values({
      planId: planRow.id,
      number: 1,
      effectiveDate: plan.date,
      documentNumber: plan.number,
      documentDate: plan.date,
    })
    .returning({ id: planVersions.id });
  let position = 0;
  const insert = async (list: NewPlanItem[], parentId: string | null): Promise<void> => {
    for (const item of list) {
      position += 1;
      const [row] = await tx
        .insert(planItems)
        .values({
          versionId: version.id,
          key: item.key,
          parentId,
          kind: item.kind,
          label: item.label,
          title: item.title,
          text: item.text,
          position,
          searchText: foldText(`${item.title ?? ''} ${item.text ?? ''}`),
        })
        .returning({ id: planItems.id });
      if (item.assignments.length > 0) {
        await tx.insert(planAssignments).values(item.assignments.map((a) => ({ ...a, itemId: row.id })));
      }
      await insert(item.children, row.id);
    }
  };
  await insert(items, null);
  return { planId: planRow.id, versionId: version.id };
}
