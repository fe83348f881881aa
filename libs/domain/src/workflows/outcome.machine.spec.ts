import { ROLES } from '@xieshang/contracts';
import { outcomeMachine, type OutcomeAction, type OutcomeState } from './outcome.machine';
import type { WorkflowActor } from './state-machine';
import { FULL_INPUT, requiredFieldCases, transitionCases, without, type ExpectedTable } from './transition-cases';

const EXPECTED: ExpectedTable<OutcomeState, OutcomeAction> = {
  report_sent: { record_instruction: 'instructed', assign: 'assigned' },
  instructed: { assign: 'assigned' },
  assigned: { submit_feedback: 'feedback_received' },
  feedback_received: { evaluate: 'evaluated', send_back: 'assigned' },
  evaluated: { close: 'closed' },
  closed: { follow_up: 'assigned' },
};

const liaison: WorkflowActor = { id: 'u-liaison', roles: ['department'], departmentId: 'dept-lead' };
const assisting: WorkflowActor = { id: 'u-liaison-2', roles: ['department'], departmentId: 'dept-assist' };
const admin: WorkflowActor = { id: 'u-admin', roles: ['admin'] };
const everyoneInDept: WorkflowActor = { id: 'u-all', roles: [...ROLES], departmentId: 'dept-lead' };
const subject = (state: string) => ({ state, departmentIds: ['dept-lead', 'dept-assist'] });

const WHO: Record<Exclude<OutcomeAction, 'submit_feedback'>, readonly string[]> = {
  record_instruction: ['admin', 'leader'],
  assign: ['admin'],
  send_back: ['admin'],
  evaluate: ['admin'],
  close: ['admin'],
  follow_up: ['admin'],
};

describe('outcomeMachine', () => {
  it('has exactly the states of flow 8', () => {
    expect([...outcomeMachine.states].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(transitionCases(outcomeMachine, EXPECTED))('$state --$action--> $expected', ({ state, action, expected }) => {
    const result = outcomeMachine.apply(everyoneInDept, subject(state), action, FULL_INPUT);
    if (expected) expect(result).toEqual({ to: expected });
    else {
      expect(result).toEqual({
        error: { code: 'INVALID_TRANSITION', params: { from: state, to: outcomeMachine.transitions[action].to, action } },
      });
    }
  });

  const roleCases = (Object.keys(WHO) as (keyof typeof WHO)[]).flatMap((action) =>
    ROLES.map((role) => ({ action, role, ok: WHO[action].includes(role) })),
  );
  it.each(roleCases)('$action by $role → allowed $ok', ({ action, role, ok }) => {
    const from = outcomeMachine.transitions[action].from[0];
    const result = outcomeMachine.apply({ id: `u-${role}`, roles: [role] }, subject(from), action, FULL_INPUT);
    expect(result).toEqual(ok ? { to: outcomeMachine.transitions[action].to } : { error: { code: 'FORBIDDEN', params: { action } } });
  });

  describe('feedback', () => {
    it.each([
      ['the lead department liaison', liaison, true],
      ['an assisting department liaison', assisting, true],
      ['a liaison of an unassigned department', { id: 'x', roles: ['department'], departmentId: 'dept-other' }, false],
      ['a liaison without a department', { id: 'x', roles: ['department'], departmentId: null }, false],
      ['a member who happens to sit in the department', { id: 'x', roles: ['member'], departmentId: 'dept-lead' }, false],
      ['the office', admin, false],
    ] as const)('%s → allowed %p', (_who, actor: WorkflowActor, ok) => {
      const result = outcomeMachine.apply(actor, subject('assigned'), 'submit_feedback');
      expect(result).toEqual(ok ? { to: 'feedback_received' } : { error: { code: 'FORBIDDEN', params: { action: 'submit_feedback' } } });
    });
  });

  it('demands a deadline to assign or follow up, a comment to send back', () => {
    expect(requiredFieldCases(outcomeMachine)).toEqual([
      ['assign', 'deadline'],
      ['send_back', 'comment'],
      ['follow_up', 'deadline'],
    ]);
  });

  it.each(requiredFieldCases(outcomeMachine))('%s without %s → VALIDATION_FAILED', (action, field) => {
    const from = outcomeMachine.transitions[action].from[0];
    expect(outcomeMachine.apply(admin, subject(from), action, without(FULL_INPUT, field))).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field } },
    });
  });

  it.each(['assign', 'follow_up'] as const)('%s refuses a deadline that is not a date', (action) => {
    const from = outcomeMachine.transitions[action].from[0];
    expect(outcomeMachine.apply(admin, subject(from), action, { deadline: '31/12/2026' })).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field: 'deadline', reason: 'DATE' } },
    });
  });

  it('runs a full round, a send-back and a follow-up round (回头看)', () => {
    const steps: [WorkflowActor, OutcomeAction, Record<string, string>, OutcomeState][] = [
      [admin, 'record_instruction', {}, 'instructed'],
      [admin, 'assign', { deadline: '2026-06-30' }, 'assigned'],
      [liaison, 'submit_feedback', {}, 'feedback_received'],
      [admin, 'send_back', { comment: 'measures too vague' }, 'assigned'],
      [liaison, 'submit_feedback', {}, 'feedback_received'],
      [admin, 'evaluate', {}, 'evaluated'],
      [admin, 'close', {}, 'closed'],
      [admin, 'follow_up', { deadline: '2027-03-31' }, 'assigned'],
    ];
    let state: string = 'report_sent';
    for (const [actor, action, input, to] of steps) {
      expect(outcomeMachine.apply(actor, subject(state), action, input)).toEqual({ to });
      state = to;
    }
  });

  it('has no terminal state: closed can always be followed up', () => {
    for (const s of outcomeMachine.states) expect(outcomeMachine.isTerminal(s)).toBe(false);
  });
});
