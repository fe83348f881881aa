import { ROLES } from '@xieshang/contracts';
import type { WorkflowActor } from './state-machine';
import { topicMachine, type TopicAction, type TopicState } from './topic.machine';
import { FULL_INPUT, requiredFieldCases, transitionCases, without, type ExpectedTable } from './transition-cases';

const EXPECTED: ExpectedTable<TopicState, TopicAction> = {
  submitted: { start_screening: 'screening', reject: 'rejected' },
  screening: { pool: 'pooled', reject: 'rejected', merge: 'merged' },
  pooled: { shortlist: 'shortlisted', reject: 'rejected', merge: 'merged', not_select: 'not_selected' },
  rejected: { reopen: 'screening' },
  merged: {},
  shortlisted: { select: 'selected', unshortlist: 'pooled', not_select: 'not_selected' },
  selected: { deselect: 'shortlisted' },
  not_selected: {},
};

const everyone: WorkflowActor = { id: 'u-all', roles: [...ROLES] };
const admin: WorkflowActor = { id: 'u-admin', roles: ['admin'] };
const chair: WorkflowActor = { id: 'u-chair', roles: ['chair'] };
const subject = (state: string) => ({ state, id: 'topic-1' });

describe('topicMachine', () => {
  it('has exactly the states of flow 1', () => {
    expect([...topicMachine.states].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(transitionCases(topicMachine, EXPECTED))('$state --$action--> $expected', ({ state, action, expected }) => {
    const result = topicMachine.apply(everyone, subject(state), action, FULL_INPUT);
    if (expected) expect(result).toEqual({ to: expected });
    else {
      expect(result).toEqual({
        error: { code: 'INVALID_TRANSITION', params: { from: state, to: topicMachine.transitions[action].to, action } },
      });
    }
    expect(topicMachine.can(everyone, subject(state), action)).toBe(expected !== null);
  });

  const WHO: Record<TopicAction, readonly string[]> = {
    start_screening: ['admin'],
    pool: ['admin'],
    reject: ['admin'],
    merge: ['admin'],
    reopen: ['admin'],
    shortlist: ['admin', 'chair'],
    unshortlist: ['admin', 'chair'],
    select: ['admin'],
    deselect: ['admin'],
    not_select: ['admin'],
  };
  const roleCases = topicMachine.actions.flatMap((action) => ROLES.map((role) => ({ action, role, ok: WHO[action].includes(role) })));

  it.each(roleCases)('$action by $role → allowed $ok', ({ action, role, ok }) => {
    const from = topicMachine.transitions[action].from[0];
    const result = topicMachine.apply({ id: `u-${role}`, roles: [role] }, subject(from), action, FULL_INPUT);
    expect(result).toEqual(ok ? { to: topicMachine.transitions[action].to } : { error: { code: 'FORBIDDEN', params: { action } } });
  });

  it('demands a reason to reject, a target to merge, a comment to reopen', () => {
    expect(requiredFieldCases(topicMachine)).toEqual([
      ['reject', 'reason'],
      ['merge', 'target'],
      ['reopen', 'comment'],
    ]);
  });

  it.each(requiredFieldCases(topicMachine))('%s without %s → VALIDATION_FAILED', (action, field) => {
    const from = topicMachine.transitions[action].from[0];
    expect(topicMachine.apply(admin, subject(from), action, without(FULL_INPUT, field))).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field } },
    });
  });

  it('refuses merging a topic into itself', () => {
    expect(topicMachine.apply(admin, subject('pooled'), 'merge', { target: 'topic-1' })).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field: 'target', reason: 'SELF' } },
    });
  });

  it('shows the chair only shortlisting, and members nothing', () => {
    expect(topicMachine.allowedActions(chair, subject('pooled'))).toEqual(['shortlist']);
    expect(topicMachine.allowedActions({ id: 'm', roles: ['member'] }, subject('pooled'))).toEqual([]);
    expect(topicMachine.allowedActions(admin, subject('screening'))).toEqual(['pool', 'reject', 'merge']);
  });

  it.each(['merged', 'not_selected'] as const)('%s is terminal', (s) => expect(topicMachine.isTerminal(s)).toBe(true));
});
