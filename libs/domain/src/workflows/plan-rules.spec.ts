import { callLimitCheck, DEFAULT_PLAN_RULES, planRulesCheck, planRuleStatus, type PlanRuleItem, type PlanRules } from './plan-rules';

const item = (meetingTypeCode: string, category: PlanRuleItem['category'] = 'consultation'): PlanRuleItem => ({
  meetingTypeCode,
  category,
});
const times = (n: number, i: PlanRuleItem) => Array.from({ length: n }, () => i);

describe('planRulesCheck', () => {
  it('documents the defaults', () => {
    expect(DEFAULT_PLAN_RULES).toEqual({
      minActivitiesPerType: { special_consultation: 4 },
      minSupervisionShare: 0.2,
      maxTopicsPerPersonPerCall: 3,
    });
  });

  it('passes a plan meeting every default rule', () => {
    const items = [
      ...times(4, item('special_consultation')),
      item('plenary'),
      item('consultation_forum', 'supervision'),
      item('counterpart', 'supervision'),
    ];
    expect(planRulesCheck(items, DEFAULT_PLAN_RULES)).toEqual([]);
  });

  it('names the type and the numbers when a minimum is missed', () => {
    const items = [...times(3, item('special_consultation')), item('sector', 'supervision')];
    expect(planRulesCheck(items, DEFAULT_PLAN_RULES)).toEqual([
      { rule: 'PLAN_MIN_ACTIVITIES', params: { type: 'special_consultation', required: 4, actual: 3 } },
    ]);
  });

  it('reports the supervision share rounded, with the required share', () => {
    const items = [...times(4, item('special_consultation')), ...times(2, item('plenary')), ...times(4, item('sector'))];
    items.push(item('counterpart', 'supervision'));
    expect(planRulesCheck(items, DEFAULT_PLAN_RULES)).toEqual([
      { rule: 'PLAN_MIN_SUPERVISION_SHARE', params: { required: 0.2, actual: 0.091 } },
    ]);
  });

  it('counts an exact share as met despite binary fractions', () => {
    const rules: PlanRules = { ...DEFAULT_PLAN_RULES, minActivitiesPerType: {}, minSupervisionShare: 0.3 };
    const items = [...times(3, item('x', 'supervision')), ...times(7, item('x'))];
    expect(planRulesCheck(items, rules)).toEqual([]);
    expect(planRulesCheck(items.slice(1), rules)).toHaveLength(1); // 2/9
  });

  it('reports every violation in a stable order: types sorted, then share', () => {
    const rules: PlanRules = {
      minActivitiesPerType: { special_consultation: 4, consultation_forum: 6, plenary: 1 },
      minSupervisionShare: 0.25,
      maxTopicsPerPersonPerCall: 3,
    };
    expect(planRulesCheck([], rules)).toEqual([
      { rule: 'PLAN_MIN_ACTIVITIES', params: { type: 'consultation_forum', required: 6, actual: 0 } },
      { rule: 'PLAN_MIN_ACTIVITIES', params: { type: 'plenary', required: 1, actual: 0 } },
      { rule: 'PLAN_MIN_ACTIVITIES', params: { type: 'special_consultation', required: 4, actual: 0 } },
      { rule: 'PLAN_MIN_SUPERVISION_SHARE', params: { required: 0.25, actual: 0 } },
    ]);
  });

  it('checks no share when the share rule is off', () => {
    const rules: PlanRules = { ...DEFAULT_PLAN_RULES, minActivitiesPerType: {}, minSupervisionShare: 0 };
    expect(planRulesCheck([], rules)).toEqual([]);
  });
});

describe('callLimitCheck', () => {
  it.each([
    [0, null],
    [2, null],
    [3, { rule: 'CALL_MAX_TOPICS_PER_PERSON', params: { required: 3, actual: 4 } }],
  ])('with %p already submitted → %p', (already, expected) => {
    expect(callLimitCheck(already, DEFAULT_PLAN_RULES)).toEqual(expected);
  });
});

describe('planRuleStatus', () => {
  it('lists every rule in force with the numbers, met or not, in violation order', () => {
    const rules: PlanRules = { minActivitiesPerType: { special_consultation: 4, plenary: 1, sector: 0 }, minSupervisionShare: 0.2, maxTopicsPerPersonPerCall: 3 };
    const items = [...times(2, item('special_consultation')), item('plenary', 'supervision')];
    expect(planRuleStatus(items, rules)).toEqual([
      { rule: 'PLAN_MIN_ACTIVITIES', type: 'plenary', required: 1, actual: 1, met: true },
      { rule: 'PLAN_MIN_ACTIVITIES', type: 'special_consultation', required: 4, actual: 2, met: false },
      { rule: 'PLAN_MIN_SUPERVISION_SHARE', required: 0.2, actual: 0.333, met: true },
    ]);
  });

  it('agrees with planRulesCheck on which rules fail', () => {
    const items = [...times(4, item('special_consultation')), item('plenary')];
    const failing = planRuleStatus(items, DEFAULT_PLAN_RULES).filter((s) => !s.met);
    expect(failing.map((s) => s.rule)).toEqual(planRulesCheck(items, DEFAULT_PLAN_RULES).map((v) => v.rule));
  });
});
