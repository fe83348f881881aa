import type { PlanRuleCode, PlanRules, PlanRuleViolation } from '@xieshang/contracts';

/*
 * Organisation rules for the annual plan (flow 2), configurable per committee. The shapes
 * (PlanRules: minimum items per meeting type, minimum supervision share, topics per person per
 * public call) live in libs/contracts so the office's settings form and the API validate them alike.
 */
export type { PlanRuleCode, PlanRules, PlanRuleViolation };

export interface PlanRuleItem {
  meetingTypeCode: string;
  category: 'consultation' | 'supervision';
}

/**
 * Defaults. Four special consultations a year is the issue's own figure. The supervision share of
 * 0.2 is a judgement: democratic supervision is one of the three core functions, and one item in
 * five is low enough for a small district plan (5 items → 1) to meet without distortion. Three
 * topics per person per call keeps one prolific submitter from swamping a public call.
 */
export const DEFAULT_PLAN_RULES: PlanRules = {
  minActivitiesPerType: { special_consultation: 4 },
  minSupervisionShare: 0.2,
  maxTopicsPerPersonPerCall: 3,
};

// Shares like 0.3 are not exact in binary; a hair of tolerance stops 3/10 failing "≥ 0.3".
const EPSILON = 1e-9;

/** Violations in a stable order: per-type minimums by type code, then the supervision share. */
export function planRulesCheck(items: readonly PlanRuleItem[], rules: PlanRules): PlanRuleViolation[] {
  const violations: PlanRuleViolation[] = [];
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.meetingTypeCode, (counts.get(item.meetingTypeCode) ?? 0) + 1);

  for (const type of Object.keys(rules.minActivitiesPerType).sort()) {
    const required = rules.minActivitiesPerType[type] ?? 0;
    const actual = counts.get(type) ?? 0;
    if (actual < required) violations.push({ rule: 'PLAN_MIN_ACTIVITIES', params: { type, required, actual } });
  }

  if (rules.minSupervisionShare > 0) {
    const supervision = items.filter((i) => i.category === 'supervision').length;
    const share = items.length === 0 ? 0 : supervision / items.length;
    if (share + EPSILON < rules.minSupervisionShare) {
      violations.push({
        rule: 'PLAN_MIN_SUPERVISION_SHARE',
        params: { required: rules.minSupervisionShare, actual: Math.round(share * 1000) / 1000 },
      });
    }
  }
  return violations;
}

/** Whether one more topic from this person fits the public call's per-person limit. */
export function callLimitCheck(alreadySubmitted: number, rules: PlanRules): PlanRuleViolation | null {
  const actual = alreadySubmitted + 1;
  return actual > rules.maxTopicsPerPersonPerCall
    ? { rule: 'CALL_MAX_TOPICS_PER_PERSON', params: { required: rules.maxTopicsPerPersonPerCall, actual } }
    : null;
}

/** One line per plan rule for the live panel: what is required, what the plan has, whether it is met. */
export interface PlanRuleStatus {
  rule: Exclude<PlanRuleCode, 'CALL_MAX_TOPICS_PER_PERSON'>;
  type?: string;
  required: number;
  actual: number;
  met: boolean;
}

/** Every plan rule in force (met or not), in the same order as planRulesCheck reports violations. */
export function planRuleStatus(items: readonly PlanRuleItem[], rules: PlanRules): PlanRuleStatus[] {
  const violated = planRulesCheck(items, rules);
  const find = (rule: PlanRuleStatus['rule'], type?: string) => violated.find((v) => v.rule === rule && v.params.type === type);
  const status: PlanRuleStatus[] = [];
  for (const type of Object.keys(rules.minActivitiesPerType).sort()) {
    const required = rules.minActivitiesPerType[type] ?? 0;
    if (required <= 0) continue;
    const v = find('PLAN_MIN_ACTIVITIES', type);
    const actual = v ? v.params.actual : items.filter((i) => i.meetingTypeCode === type).length;
    status.push({ rule: 'PLAN_MIN_ACTIVITIES', type, required, actual, met: !v });
  }
  if (rules.minSupervisionShare > 0) {
    const v = find('PLAN_MIN_SUPERVISION_SHARE');
    const share = items.length === 0 ? 0 : items.filter((i) => i.category === 'supervision').length / items.length;
    status.push({ rule: 'PLAN_MIN_SUPERVISION_SHARE', required: rules.minSupervisionShare, actual: v ? v.params.actual : Math.round(share * 1000) / 1000, met: !v });
  }
  return status;
}
