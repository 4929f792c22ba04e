import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PlanSummaryDto } from '../../../shared/contracts/plans';
import { usePlanQuery, usePlansQuery } from './api';

/** The URL search parameter naming the plan a page works on (`?keHoach=<plan id>`). */
export const PLAN_PARAM = 'keHoach';

export interface PlanChoiceOptions {
  /** False while the account may not read plans (signed out, or a role the page does not serve). */
  enabled?: boolean;
  /** Offer only the plans in force (the public feedback form). */
  inForceOnly?: boolean;
}

/** The plans a picker offers: every plan, or those in force. */
function offered(plans: PlanSummaryDto[], inForceOnly: boolean): PlanSummaryDto[] {
  return inForceOnly ? plans.filter((p) => p.status === 'in_force') : plans;
}

/**
 * The plan a page works on, one rule for the whole client: the plan named by `?keHoach=`, else
 * the first plan in force (neither replaced nor ended), else the first plan. `withPlan(path)`
 * keeps the choice on links to the other pages of the plan (versions, amendments, guidance).
 */
export function usePlanChoice({ enabled = true, inForceOnly = false }: PlanChoiceOptions = {}) {
  const [params, setParams] = useSearchParams();
  const plans = usePlansQuery(enabled);
  const all = plans.data?.data ?? [];
  const named = params.get(PLAN_PARAM) ?? undefined;
  const choices = offered(all, inForceOnly);
  const fallback: PlanSummaryDto | undefined = choices.find((p) => p.status === 'in_force') ?? choices[0];
  // While the list loads the named plan is trusted; once loaded, a plan not offered falls back.
  const id: string | undefined = named && (!plans.data || choices.some((p) => p.id === named)) ? named : fallback?.id;
  const plan = usePlanQuery(enabled ? id : undefined);
  const choose = (planId: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(PLAN_PARAM, planId);
        return next;
      },
      { replace: true },
    );
  const withPlan = (path: string) =>
    named ? `${path}${path.includes('?') ? '&' : '?'}${PLAN_PARAM}=${encodeURIComponent(named)}` : path;
  return { plans, plan, id, summary: all.find((p) => p.id === id), choices, choose, withPlan };
}

/**
 * "Kế hoạch": picks the plan a page works on (sets `?keHoach=`). Shown only when there is more
 * than one plan to choose from; each option reads "số hiệu — trích yếu".
 */
export function PlanPicker({ enabled = true, inForceOnly = false, maw = 640 }: PlanChoiceOptions & { maw?: number }) {
  const { t } = useTranslation();
  const { id, choices, choose } = usePlanChoice({ enabled, inForceOnly });
  if (choices.length < 2) return null;
  return (
    <Select
      label={t('plan.picker')}
      data={choices.map((p) => ({ value: p.id, label: `${p.number} — ${p.title}` }))}
      value={id ?? null}
      onChange={(value) => value && choose(value)}
      allowDeselect={false}
      maw={maw}
      comboboxProps={{ withinPortal: true }}
      data-testid="plan-picker"
    />
  );
}
