import { ROLES } from '@xieshang/contracts';
import { isMeetingHost, meetingMachine, type MeetingAction, type MeetingState } from './meeting.machine';
import type { WorkflowActor } from './state-machine';
import { FULL_INPUT, requiredFieldCases, transitionCases, without, type ExpectedTable } from './transition-cases';

const EXPECTED: ExpectedTable<MeetingState, MeetingAction> = {
  planned: { start_preparing: 'preparing', cancel: 'cancelled' },
  preparing: { notify: 'notified', cancel: 'cancelled' },
  notified: { send_materials: 'materials_sent', go_live: 'live', cancel: 'cancelled' },
  materials_sent: { go_live: 'live', cancel: 'cancelled' },
  live: { end: 'minutes' },
  minutes: { report: 'reported' },
  reported: { close: 'closed' },
  closed: {},
  cancelled: {},
};

const WHO: Record<MeetingAction, readonly string[]> = {
  start_preparing: ['admin'],
  notify: ['admin'],
  send_materials: ['admin'],
  go_live: ['admin', 'chair'],
  end: ['admin', 'chair'],
  report: ['admin'],
  close: ['admin'],
  cancel: ['admin'],
};

const everyone: WorkflowActor = { id: 'u-all', roles: [...ROLES] };
const subject = (state: string) => ({ state });

describe('meetingMachine', () => {
  it('has exactly the states of flow 3, plus cancelled', () => {
    expect([...meetingMachine.states].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(transitionCases(meetingMachine, EXPECTED))('$state --$action--> $expected', ({ state, action, expected }) => {
    const result = meetingMachine.apply(everyone, subject(state), action, FULL_INPUT);
    if (expected) expect(result).toEqual({ to: expected });
    else {
      expect(result).toEqual({
        error: { code: 'INVALID_TRANSITION', params: { from: state, to: meetingMachine.transitions[action].to, action } },
      });
    }
    expect(meetingMachine.can(everyone, subject(state), action)).toBe(expected !== null);
  });

  const roleCases = meetingMachine.actions.flatMap((action) => ROLES.map((role) => ({ action, role, ok: WHO[action].includes(role) })));

  it.each(roleCases)('$action by $role → allowed $ok', ({ action, role, ok }) => {
    const from = meetingMachine.transitions[action].from[0];
    const result = meetingMachine.apply({ id: `u-${role}`, roles: [role] }, subject(from), action, FULL_INPUT);
    expect(result).toEqual(ok ? { to: meetingMachine.transitions[action].to } : { error: { code: 'FORBIDDEN', params: { action } } });
  });

  it('demands a reason only to cancel', () => {
    expect(requiredFieldCases(meetingMachine)).toEqual([['cancel', 'reason']]);
  });

  it.each(requiredFieldCases(meetingMachine))('%s without %s → VALIDATION_FAILED', (action, field) => {
    const from = meetingMachine.transitions[action].from[0];
    expect(meetingMachine.apply(everyone, subject(from), action, without(FULL_INPUT, field))).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field } },
    });
  });

  it('offers the chair only going live before the meeting', () => {
    expect(meetingMachine.allowedActions({ id: 'c', roles: ['chair'] }, subject('materials_sent'))).toEqual(['go_live']);
    expect(meetingMachine.allowedActions({ id: 'a', roles: ['admin'] }, subject('materials_sent'))).toEqual(['go_live', 'cancel']);
  });

  it('lets only the named host among chairs open and end the session; the office always', () => {
    const hosted = { state: 'materials_sent', hostId: 'c1' };
    expect(meetingMachine.can({ id: 'c1', roles: ['chair'] }, hosted, 'go_live')).toBe(true);
    expect(meetingMachine.apply({ id: 'c2', roles: ['chair'] }, hosted, 'go_live')).toEqual({ error: { code: 'FORBIDDEN', params: { action: 'go_live' } } });
    expect(meetingMachine.can({ id: 'c2', roles: ['chair'] }, { state: 'live', hostId: 'c1' }, 'end')).toBe(false);
    expect(meetingMachine.can({ id: 'a', roles: ['admin'] }, { state: 'live', hostId: 'c1' }, 'end')).toBe(true);
    expect(meetingMachine.can({ id: 'c2', roles: ['chair'] }, { state: 'live', hostId: null }, 'end')).toBe(true);
  });

  it('names one host rule for the live session and the check-in code', () => {
    expect(isMeetingHost({ id: 'a', roles: ['admin'] }, 'c1')).toBe(true);
    expect(isMeetingHost({ id: 'c1', roles: ['chair'] }, 'c1')).toBe(true);
    expect(isMeetingHost({ id: 'c2', roles: ['chair'] }, 'c1')).toBe(false);
    expect(isMeetingHost({ id: 'c2', roles: ['chair'] }, null)).toBe(true);
    expect(isMeetingHost({ id: 'm1', roles: ['member'] }, null)).toBe(false);
  });

  it.each(['closed', 'cancelled'] as const)('%s is terminal', (s) => expect(meetingMachine.isTerminal(s)).toBe(true));
});
