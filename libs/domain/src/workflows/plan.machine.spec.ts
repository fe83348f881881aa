import { ROLES, type Role } from '@xieshang/contracts';
import { canSeePlan, planEditMode, planMachine, type PlanAction, type PlanState } from './plan.machine';
import type { WorkflowActor } from './state-machine';
import { FULL_INPUT, requiredFieldCases, transitionCases, without, type ExpectedTable } from './transition-cases';

const EXPECTED: ExpectedTable<PlanState, PlanAction> = {
  drafting: { start_joint_revision: 'joint_revision' },
  joint_revision: { record_chair_meeting_review: 'chair_meeting_reviewed', send_back: 'drafting' },
  chair_meeting_reviewed: { submit: 'submitted', send_back: 'drafting' },
  submitted: { approve: 'approved', send_back: 'drafting' },
  approved: { issue: 'issued' },
  issued: { start_execution: 'executing' },
  executing: { summarize: 'summarized' },
  summarized: {},
};

const everyone: WorkflowActor = { id: 'u-all', roles: [...ROLES] };
const subject = (state: string) => ({ state });

/** Who may take each action, per from-state. */
function who(action: PlanAction, state: PlanState): readonly Role[] {
  switch (action) {
    case 'record_chair_meeting_review':
      return ['chair'];
    case 'approve':
      return ['leader'];
    case 'send_back':
      return state === 'submitted' ? ['admin', 'leader'] : ['admin', 'chair'];
    default:
      return ['admin'];
  }
}

describe('planMachine', () => {
  it('has exactly the states of flow 2', () => {
    expect([...planMachine.states].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(transitionCases(planMachine, EXPECTED))('$state --$action--> $expected', ({ state, action, expected }) => {
    const result = planMachine.apply(everyone, subject(state), action, FULL_INPUT);
    if (expected) expect(result).toEqual({ to: expected });
    else {
      expect(result).toEqual({
        error: { code: 'INVALID_TRANSITION', params: { from: state, to: planMachine.transitions[action].to, action } },
      });
    }
    expect(planMachine.can(everyone, subject(state), action)).toBe(expected !== null);
  });

  const roleCases = planMachine.actions.flatMap((action) =>
    planMachine.transitions[action].from.flatMap((state) =>
      ROLES.map((role) => ({ action, state, role, ok: who(action, state).includes(role) })),
    ),
  );

  it.each(roleCases)('$action from $state by $role → allowed $ok', ({ action, state, role, ok }) => {
    const result = planMachine.apply({ id: `u-${role}`, roles: [role] }, subject(state), action, FULL_INPUT);
    expect(result).toEqual(ok ? { to: planMachine.transitions[action].to } : { error: { code: 'FORBIDDEN', params: { action } } });
  });

  it('demands the approving meeting at each approval step and a comment to send back', () => {
    expect(requiredFieldCases(planMachine)).toEqual([
      ['record_chair_meeting_review', 'meeting'],
      ['approve', 'meeting'],
      ['send_back', 'comment'],
    ]);
  });

  it.each(requiredFieldCases(planMachine))('%s without %s → VALIDATION_FAILED', (action, field) => {
    const from = planMachine.transitions[action].from[0];
    expect(planMachine.apply(everyone, subject(from), action, without(FULL_INPUT, field))).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field } },
    });
  });

  it('approves with a meeting and no comment', () => {
    expect(planMachine.apply({ id: 'l', roles: ['leader'] }, subject('submitted'), 'approve', { meeting: 'PSC-2026-03' })).toEqual({
      to: 'approved',
    });
  });

  it('offers the leader approve and send back on a submitted plan', () => {
    expect(planMachine.allowedActions({ id: 'l', roles: ['leader'] }, subject('submitted'))).toEqual(['approve', 'send_back']);
    expect(planMachine.allowedActions({ id: 'c', roles: ['chair'] }, subject('submitted'))).toEqual([]);
  });

  it('ends at summarized', () => expect(planMachine.isTerminal('summarized')).toBe(true));
});

describe('planEditMode', () => {
  it.each([
    ['drafting', 'draft'],
    ['joint_revision', 'draft'],
    ['chair_meeting_reviewed', 'locked'],
    ['submitted', 'locked'],
    ['approved', 'amendment'],
    ['issued', 'amendment'],
    ['executing', 'amendment'],
    ['summarized', 'locked'],
  ] as const)('%s → %s', (state, mode) => expect(planEditMode(state)).toBe(mode));
});

describe('canSeePlan', () => {
  it('shows drafts to the office, chairs and leaders only', () => {
    for (const role of ROLES) {
      expect(canSeePlan({ roles: [role] }, 'submitted')).toBe(['admin', 'chair', 'leader'].includes(role));
    }
  });

  it('shows an issued plan to everyone signed in', () => {
    for (const state of ['issued', 'executing', 'summarized'] as const) {
      for (const role of ROLES) expect(canSeePlan({ roles: [role] }, state)).toBe(true);
    }
  });
});
