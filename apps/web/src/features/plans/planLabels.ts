import type { TFunction } from 'i18next';
import type { Locale, MeetingType } from '@xieshang/contracts';
import type { PlanRuleStatus, PlanRuleViolation } from '@xieshang/domain';

/** "3月" / "Mar"; null = not scheduled yet. */
export function monthLabel(t: TFunction, month: number | null): string {
  return month ? t(`plans.month.${month}`) : t('plans.month.none');
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** One rule line with its numbers, in the UI language: "专题协商会：至少 4 次，现有 2 次". */
export function ruleText(t: TFunction, rule: PlanRuleStatus | PlanRuleViolation, types: readonly MeetingType[], locale: Locale): string {
  const flat = 'params' in rule ? { rule: rule.rule, ...rule.params } : rule;
  if (flat.rule === 'PLAN_MIN_SUPERVISION_SHARE') return t('plans.rule.PLAN_MIN_SUPERVISION_SHARE', { required: percent(flat.required), actual: percent(flat.actual) });
  const type = types.find((ty) => ty.code === flat.type);
  const name = type ? (locale === 'en' ? type.nameEn : type.nameZh) : (flat.type ?? '');
  return t(`plans.rule.${flat.rule}`, { type: name, required: flat.required, actual: flat.actual });
}
