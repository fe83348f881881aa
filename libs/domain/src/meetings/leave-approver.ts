import type { LeaveApprover, Role } from '@xieshang/contracts';
import type { InvitationSubject } from '../workflows/invitation.machine';

/** Who decides one invitee's leave; fits into InvitationSubject for isLeaveApprover / invitationMachine. */
export type LeaveApproverSubject = Pick<InvitationSubject, 'leaveApproverId' | 'leaveApproverRole'>;

export interface LeaveApproverContext {
  /** meeting_types.leave_approver of the meeting's type */
  leaveApprover: LeaveApprover;
  /** committees.head_user_id of the meeting's organising committee, when there is one */
  committeeHeadId?: string | null;
  /** the person asking for leave */
  inviteeId: string;
  inviteeRoles?: readonly Role[];
}

const OFFICE: LeaveApproverSubject = { leaveApproverId: null, leaveApproverRole: 'admin' };

/**
 * chair → anyone with the chair role; committee_head → that committee's head, or the office when the
 * committee has no head; office → the office. Nobody decides their own leave: when the rule would
 * name the invitee (the head asks for leave from their committee's activity, a chair from a plenary),
 * the office decides instead, so the request never waits for an approver who cannot act.
 */
export function resolveLeaveApprover(ctx: LeaveApproverContext): LeaveApproverSubject {
  switch (ctx.leaveApprover) {
    case 'chair':
      return ctx.inviteeRoles?.includes('chair') ? OFFICE : { leaveApproverId: null, leaveApproverRole: 'chair' };
    case 'committee_head':
      if (!ctx.committeeHeadId || ctx.committeeHeadId === ctx.inviteeId) return OFFICE;
      return { leaveApproverId: ctx.committeeHeadId, leaveApproverRole: null };
    case 'office':
      return OFFICE;
  }
}
