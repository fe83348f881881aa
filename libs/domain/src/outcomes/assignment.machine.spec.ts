import { ROLES } from '@xieshang/contracts';
import type { WorkflowActor } from '../workflows/state-machine';
import { assignmentMachine } from './assignment.machine';
import { deriveOutcomeState } from './outcome-state';

const liaison: WorkflowActor = { id: 'u-l', roles: ['department'], departmentId: 'dept-a' };
const otherLiaison: WorkflowActor = { id: 'u-o', roles: ['department'], departmentId: 'dept-b' };
const admin: WorkflowActor = { id: 'u-admin', roles: ['admin'] };
const at = (state: string, current = true) => ({ state, departmentId: 'dept-a', current });

describe('assignmentMachine', () => {
  it('the assigned department reports, the office accepts or sends back', () => {
    expect(assignmentMachine.apply(liaison, at('assigned'), 'submit_feedback')).toEqual({ to: 'feedback_received' });
    expect(assignmentMachine.apply(admin, at('feedback_received'), 'evaluate')).toEqual({ to: 'accepted' });
    expect(assignmentMachine.apply(admin, at('feedback_received'), 'send_back', { comment: 'too vague' })).toEqual({ to: 'assigned' });
  });

  it('another department, the office or any other role cannot report', () => {
    for (const actor of [otherLiaison, admin, ...ROLES.filter((r) => r !== 'department').map((r) => ({ id: r, roles: [r], departmentId: 'dept-a' }))]) {
      expect(assignmentMachine.apply(actor, at('assigned'), 'submit_feedback')).toEqual({ error: { code: 'FORBIDDEN', params: { action: 'submit_feedback' } } });
    }
  });

  it.each(ROLES.filter((r) => r !== 'admin'))('%s cannot evaluate or send back', (role) => {
    const actor = { id: role, roles: [role], departmentId: 'dept-a' };
    expect(assignmentMachine.apply(actor, at('feedback_received'), 'evaluate')).toEqual({ error: { code: 'FORBIDDEN', params: { action: 'evaluate' } } });
    expect(assignmentMachine.apply(actor, at('feedback_received'), 'send_back', { comment: 'x' })).toEqual({ error: { code: 'FORBIDDEN', params: { action: 'send_back' } } });
  });

  it('sending back needs a comment', () => {
    expect(assignmentMachine.apply(admin, at('feedback_received'), 'send_back', { comment: ' ' })).toEqual({ error: { code: 'VALIDATION_FAILED', params: { field: 'comment' } } });
  });

  it('no feedback twice, nothing on accepted ones, nothing on earlier rounds', () => {
    expect(assignmentMachine.apply(liaison, at('feedback_received'), 'submit_feedback')).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    expect(assignmentMachine.apply(admin, at('accepted'), 'evaluate')).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    expect(assignmentMachine.apply(liaison, at('assigned', false), 'submit_feedback')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(assignmentMachine.allowedActions(admin, at('feedback_received', false))).toEqual([]);
  });
});

describe('deriveOutcomeState', () => {
  it.each([
    [[], null],
    [['assigned'], 'assigned'],
    [['assigned', 'accepted'], 'assigned'],
    [['assigned', 'feedback_received'], 'feedback_received'],
    [['feedback_received', 'accepted'], 'feedback_received'],
    [['accepted', 'accepted'], 'evaluated'],
  ] as const)('%p → %p', (states, expected) => {
    expect(deriveOutcomeState(states)).toBe(expected);
  });
});
