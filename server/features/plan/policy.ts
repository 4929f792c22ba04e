import { hasPermission } from '../../../shared/permissions.js';
import type { AmendmentStatus } from '../../../shared/contracts/amendments.js';
import type { Actor } from '../../lib/context.js';

/** Reading the plan, its versions and their diff (every signed-in role). */
export function canReadPlan(actor: Actor): boolean {
  return hasPermission(actor.role, 'plan.read');
}

/** Recording that a plan replaces others: the focal department (of that plan) or the administrator. */
export function canReplacePlans(actor: Actor): boolean {
  return actor.role === 'admin' || hasPermission(actor.role, 'plan.edit');
}

/**
 * Whether a focal officer is the plan's focal department: its officers manage the plan's
 * cycles. A plan naming no standing agency (the seed plan) is the agency's focal department's,
 * as before several plans ran; an officer bound to no unit acts for every plan.
 */
export function isPlanFocalUnit(actor: { orgUnitId: string | null }, focalUnitIds: readonly string[] | null): boolean {
  return !focalUnitIds || focalUnitIds.length === 0 || !actor.orgUnitId || focalUnitIds.includes(actor.orgUnitId);
}

/** Drafting and submitting amendment proposals (the focal department). */
export function canProposeAmendments(actor: Actor): boolean {
  return hasPermission(actor.role, 'amendment.propose');
}

/** Approving or rejecting submitted proposals (the leaders). */
export function canDecideAmendments(actor: Actor): boolean {
  return hasPermission(actor.role, 'amendment.decide');
}

/** Proposals are read by those who draft them and those who decide them. */
export function canReadAmendments(actor: Actor): boolean {
  return canProposeAmendments(actor) || canDecideAmendments(actor);
}

/** One proposal: a draft is seen only by those who draft; the service answers 404 otherwise. */
export function canSeeAmendment(actor: Actor, proposal: { status: AmendmentStatus }): boolean {
  return canReadAmendments(actor) && (proposal.status !== 'draft' || canProposeAmendments(actor));
}

/** Rewriting a proposal: only while it is a draft. */
export function canEditAmendment(actor: Actor, proposal: { status: AmendmentStatus }): boolean {
  return canProposeAmendments(actor) && proposal.status === 'draft';
}

/** Submitting a proposal to the leaders: only a draft. */
export function canSubmitAmendment(actor: Actor, proposal: { status: AmendmentStatus }): boolean {
  return canProposeAmendments(actor) && proposal.status === 'draft';
}

/** Approving or rejecting a proposal: only once submitted. */
export function canDecideAmendment(actor: Actor, proposal: { status: AmendmentStatus }): boolean {
  return canDecideAmendments(actor) && proposal.status === 'submitted';
}
