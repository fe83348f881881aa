import { ROLES } from '@xieshang/contracts';
import {
  CHECK_IN_MODE,
  finalAttendance,
  invitationMachine,
  isLeaveApprover,
  type InvitationAction,
  type InvitationState,
  type InvitationSubject,
} from './invitation.machine';
import type { WorkflowActor } from './state-machine';
import { FULL_INPUT, requiredFieldCases, transitionCases, without, type ExpectedTable } from './transition-cases';

const CHECK_IN = { check_in_room: 'checked_in', check_in_remote: 'checked_in', check_in_staff: 'checked_in' } as const;
const EXPECTED: ExpectedTable<InvitationState, InvitationAction> = {
  invited: { accept: 'accepted', decline: 'declined', request_leave: 'leave_requested', ...CHECK_IN },
  accepted: { decline: 'declined', request_leave: 'leave_requested', ...CHECK_IN },
  declined: { accept: 'accepted', request_leave: 'leave_requested', ...CHECK_IN },
  leave_requested: { accept: 'accepted', approve_leave: 'leave_approved', reject_leave: 'leave_rejected', ...CHECK_IN },
  leave_approved: { ...CHECK_IN },
  leave_rejected: { accept: 'accepted', ...CHECK_IN },
  checked_in: {},
};

const invitee: WorkflowActor = { id: 'u-invitee', roles: ['member'] };
const chair: WorkflowActor = { id: 'u-chair', roles: ['chair'] };
const admin: WorkflowActor = { id: 'u-admin', roles: ['admin'] };
const committeeHead: WorkflowActor = { id: 'u-head', roles: ['member'] };
const subject = (state: string, extra: Partial<InvitationSubject> = {}): InvitationSubject => ({
  state,
  inviteeId: 'u-invitee',
  leaveApproverRole: 'chair',
  ...extra,
});

const INVITEE_ACTIONS: readonly InvitationAction[] = ['accept', 'decline', 'request_leave', 'check_in_room', 'check_in_remote'];
const APPROVER_ACTIONS: readonly InvitationAction[] = ['approve_leave', 'reject_leave'];
/** Someone allowed to take the action on `subject(...)`: roles alone cannot express ownership. */
const actorFor = (action: InvitationAction): WorkflowActor =>
  INVITEE_ACTIONS.includes(action) ? invitee : APPROVER_ACTIONS.includes(action) ? chair : admin;

describe('invitationMachine', () => {
  it('has exactly the states of flow 4', () => {
    expect([...invitationMachine.states].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(transitionCases(invitationMachine, EXPECTED))('$state --$action--> $expected', ({ state, action, expected }) => {
    const result = invitationMachine.apply(actorFor(action), subject(state), action, FULL_INPUT);
    if (expected) expect(result).toEqual({ to: expected });
    else {
      expect(result).toEqual({
        error: { code: 'INVALID_TRANSITION', params: { from: state, to: invitationMachine.transitions[action].to, action } },
      });
    }
  });

  const others: [string, WorkflowActor][] = [
    ['another member', { id: 'u-other', roles: ['member'] }],
    ['the office', admin],
    ['the chair', chair],
    ['a leader', { id: 'u-leader', roles: ['leader'] }],
  ];
  it.each(INVITEE_ACTIONS.flatMap((action) => others.map(([who, actor]) => ({ action, who, actor }))))(
    'only the invitee may $action, not $who',
    ({ action, actor }) => {
      const from = invitationMachine.transitions[action].from[0];
      expect(invitationMachine.apply(actor, subject(from), action, FULL_INPUT)).toEqual({
        error: { code: 'FORBIDDEN', params: { action } },
      });
    },
  );

  it('lets only the office check someone in as staff', () => {
    expect(invitationMachine.apply(invitee, subject('accepted'), 'check_in_staff')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(invitationMachine.apply(admin, subject('accepted'), 'check_in_staff')).toEqual({ to: 'checked_in' });
    expect(CHECK_IN_MODE).toEqual({ check_in_room: 'room', check_in_remote: 'remote', check_in_staff: 'staff' });
  });

  describe('leave approver', () => {
    it.each([
      ['the role the meeting type names', subject('leave_requested'), chair, true],
      ['someone without that role', subject('leave_requested'), admin, false],
      ['the invitee, even holding the role', subject('leave_requested', { inviteeId: 'u-chair' }), chair, false],
      ['the named approver', subject('leave_requested', { leaveApproverId: 'u-head' }), committeeHead, true],
      ['the role holder when a person is named', subject('leave_requested', { leaveApproverId: 'u-head' }), chair, false],
      ['the named approver on their own leave', subject('leave_requested', { leaveApproverId: 'u-invitee' }), invitee, false],
      ['the office when nobody is named', subject('leave_requested', { leaveApproverRole: null }), admin, true],
      ['the chair when nobody is named', subject('leave_requested', { leaveApproverRole: null }), chair, false],
      [
        'an admin on their own leave',
        subject('leave_requested', { inviteeId: 'u-admin', leaveApproverRole: null }),
        admin,
        false,
      ],
    ] as const)('%s → %p', (_case, s, actor: WorkflowActor, ok) => {
      expect(isLeaveApprover(actor, s)).toBe(ok);
      for (const action of APPROVER_ACTIONS) {
        const result = invitationMachine.apply(actor, s, action, FULL_INPUT);
        expect(result).toEqual(ok ? { to: EXPECTED.leave_requested[action] } : { error: { code: 'FORBIDDEN', params: { action } } });
      }
    });
  });

  it('demands a reason to ask for leave and a comment to refuse it', () => {
    expect(requiredFieldCases(invitationMachine)).toEqual([
      ['request_leave', 'reason'],
      ['reject_leave', 'comment'],
    ]);
  });

  it.each(requiredFieldCases(invitationMachine))('%s without %s → VALIDATION_FAILED', (action, field) => {
    const from = invitationMachine.transitions[action].from[0];
    expect(invitationMachine.apply(actorFor(action), subject(from), action, without(FULL_INPUT, field))).toEqual({
      error: { code: 'VALIDATION_FAILED', params: { field } },
    });
  });

  it('approves leave without a comment', () => {
    expect(invitationMachine.apply(chair, subject('leave_requested'), 'approve_leave')).toEqual({ to: 'leave_approved' });
  });

  it('shows the invitee and the approver their own buttons', () => {
    expect(invitationMachine.allowedActions(invitee, subject('invited'))).toEqual([
      'accept',
      'decline',
      'request_leave',
      'check_in_room',
      'check_in_remote',
    ]);
    expect(invitationMachine.allowedActions(chair, subject('leave_requested'))).toEqual(['approve_leave', 'reject_leave']);
    expect(invitationMachine.allowedActions({ id: 'x', roles: [...ROLES] }, subject('checked_in'))).toEqual([]);
  });
});

describe('finalAttendance', () => {
  it.each([
    [{ state: 'checked_in', checkInMode: 'room' as const }, { status: 'present', mode: 'room' }],
    [{ state: 'checked_in', checkInMode: 'remote' as const }, { status: 'present', mode: 'remote' }],
    [{ state: 'checked_in', checkInMode: 'staff' as const }, { status: 'present', mode: 'staff' }],
    [{ state: 'checked_in' }, { status: 'present', mode: null }],
    [{ state: 'leave_approved' }, { status: 'excused' }],
    [{ state: 'leave_requested' }, { status: 'absent' }],
    [{ state: 'leave_rejected' }, { status: 'absent' }],
    [{ state: 'declined' }, { status: 'absent' }],
    [{ state: 'accepted' }, { status: 'absent' }],
    [{ state: 'invited' }, { status: 'absent' }],
  ])('%p → %p', (invitation, expected) => {
    expect(finalAttendance(invitation)).toEqual(expected);
  });

  it('covers every state', () => {
    for (const state of invitationMachine.states) expect(finalAttendance({ state }).status).toMatch(/present|excused|absent/);
  });
});
