import { INVITATION_STATES, type InvitationState } from '@xieshang/contracts';
import type { Role } from '@xieshang/contracts';
import { defineMachine, hasAnyRole, type WorkflowActor } from './state-machine';

/** Flow 4: invitation, leave and check-in. Final attendance is derived, see finalAttendance. */
export { INVITATION_STATES };
export type { InvitationState };

export type InvitationAction =
  | 'accept'
  | 'decline'
  | 'request_leave'
  | 'approve_leave'
  | 'reject_leave'
  | 'check_in_room'
  | 'check_in_remote'
  | 'check_in_staff';

export type CheckInMode = 'room' | 'remote' | 'staff';

export interface InvitationSubject {
  state: string;
  inviteeId: string;
  /** The person who decides leave for this meeting (e.g. a committee head), when one is named. */
  leaveApproverId?: string | null;
  /** Otherwise the role the meeting type names (chair for plenary and standing committee). */
  leaveApproverRole?: Role | null;
}

const isInvitee = (actor: WorkflowActor, s: InvitationSubject) => actor.id === s.inviteeId;

/** The office decides leave only when the meeting type names nobody. */
export function isLeaveApprover(actor: WorkflowActor, s: InvitationSubject): boolean {
  if (actor.id === s.inviteeId) return false;
  if (s.leaveApproverId) return actor.id === s.leaveApproverId;
  return hasAnyRole(actor, [s.leaveApproverRole ?? 'admin']);
}

// Turning up counts whatever was said before: leave granted or a decline does not bar attending.
const CHECK_IN_FROM = ['invited', 'accepted', 'declined', 'leave_requested', 'leave_approved', 'leave_rejected'] as const;

export const invitationMachine = defineMachine<InvitationState, InvitationAction, InvitationSubject>({
  states: INVITATION_STATES,
  transitions: {
    // Accepting from leave_requested withdraws the request; after a refusal it acknowledges it.
    accept: { from: ['invited', 'declined', 'leave_requested', 'leave_rejected'], to: 'accepted', roles: isInvitee },
    decline: { from: ['invited', 'accepted'], to: 'declined', roles: isInvitee },
    request_leave: { from: ['invited', 'accepted', 'declined'], to: 'leave_requested', roles: isInvitee, requires: ['reason'] },
    approve_leave: { from: ['leave_requested'], to: 'leave_approved', roles: isLeaveApprover },
    reject_leave: { from: ['leave_requested'], to: 'leave_rejected', roles: isLeaveApprover, requires: ['comment'] },
    check_in_room: { from: CHECK_IN_FROM, to: 'checked_in', roles: isInvitee },
    check_in_remote: { from: CHECK_IN_FROM, to: 'checked_in', roles: isInvitee },
    check_in_staff: { from: CHECK_IN_FROM, to: 'checked_in', roles: ['admin'] },
  },
});

export const CHECK_IN_MODE: Readonly<Record<'check_in_room' | 'check_in_remote' | 'check_in_staff', CheckInMode>> = {
  check_in_room: 'room',
  check_in_remote: 'remote',
  check_in_staff: 'staff',
};

export type FinalAttendance = { status: 'present'; mode: CheckInMode | null } | { status: 'excused' } | { status: 'absent' };

/**
 * Attendance once the meeting has ended. Only approved leave excuses: a plain decline or a
 * pending or refused request is an absence, which is what the duty-record deductions expect.
 */
export function finalAttendance(invitation: { state: string; checkInMode?: CheckInMode | null }): FinalAttendance {
  if (invitation.state === 'checked_in') return { status: 'present', mode: invitation.checkInMode ?? null };
  if (invitation.state === 'leave_approved') return { status: 'excused' };
  return { status: 'absent' };
}
