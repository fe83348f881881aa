import type { InvitationSubject } from '../workflows/invitation.machine';
import { invitationMachine, isLeaveApprover } from '../workflows/invitation.machine';
import type { WorkflowActor } from '../workflows/state-machine';
import { resolveLeaveApprover } from './leave-approver';

const invitee: WorkflowActor = { id: 'u-member', roles: ['member'] };
const chair: WorkflowActor = { id: 'u-chair', roles: ['chair', 'member'] };
const otherChair: WorkflowActor = { id: 'u-chair-2', roles: ['chair'] };
const admin: WorkflowActor = { id: 'u-admin', roles: ['admin'] };
const head: WorkflowActor = { id: 'u-head', roles: ['member'] };
const otherHead: WorkflowActor = { id: 'u-head-2', roles: ['member'] };

const subjectFor = (who: WorkflowActor, rule: Parameters<typeof resolveLeaveApprover>[0]['leaveApprover'], committeeHeadId?: string | null): InvitationSubject => ({
  state: 'leave_requested',
  inviteeId: who.id,
  ...resolveLeaveApprover({ leaveApprover: rule, committeeHeadId, inviteeId: who.id, inviteeRoles: who.roles }),
});

const deciders = (s: InvitationSubject) => [invitee, chair, otherChair, admin, head, otherHead].filter((a) => isLeaveApprover(a, s)).map((a) => a.id);

describe('resolveLeaveApprover', () => {
  it('chair: any chair decides a member\'s leave, the office does not', () => {
    expect(resolveLeaveApprover({ leaveApprover: 'chair', inviteeId: invitee.id, inviteeRoles: invitee.roles })).toEqual({ leaveApproverId: null, leaveApproverRole: 'chair' });
    expect(deciders(subjectFor(invitee, 'chair'))).toEqual(['u-chair', 'u-chair-2']);
  });

  it('committee_head: only that committee\'s head decides; other heads and the chair cannot', () => {
    const s = subjectFor(invitee, 'committee_head', head.id);
    expect(s).toMatchObject({ leaveApproverId: 'u-head', leaveApproverRole: null });
    expect(deciders(s)).toEqual(['u-head']);
  });

  it('committee_head without a head (or no organising committee) falls to the office', () => {
    expect(deciders(subjectFor(invitee, 'committee_head', null))).toEqual(['u-admin']);
    expect(deciders(subjectFor(invitee, 'committee_head'))).toEqual(['u-admin']);
  });

  it('office: the office decides', () => {
    expect(resolveLeaveApprover({ leaveApprover: 'office', inviteeId: invitee.id })).toEqual({ leaveApproverId: null, leaveApproverRole: 'admin' });
    expect(deciders(subjectFor(invitee, 'office'))).toEqual(['u-admin']);
  });

  it('never lets anyone decide their own leave: the head\'s or a chair\'s own request goes to the office', () => {
    expect(deciders(subjectFor(head, 'committee_head', head.id))).toEqual(['u-admin']);
    expect(deciders(subjectFor(chair, 'chair'))).toEqual(['u-admin']);
    // An office member invited to an office-decided meeting: other office staff decide.
    const adminSubject = subjectFor(admin, 'office');
    expect(isLeaveApprover(admin, adminSubject)).toBe(false);
    expect(invitationMachine.apply(admin, adminSubject, 'approve_leave')).toEqual({ error: { code: 'FORBIDDEN', params: { action: 'approve_leave' } } });
  });

  it('feeds invitationMachine: the resolved approver approves, rejection needs a comment', () => {
    const s = subjectFor(invitee, 'committee_head', head.id);
    expect(invitationMachine.apply(head, s, 'approve_leave')).toEqual({ to: 'leave_approved' });
    expect(invitationMachine.apply(head, s, 'reject_leave', {})).toEqual({ error: { code: 'VALIDATION_FAILED', params: { field: 'comment' } } });
    expect(invitationMachine.apply(head, s, 'reject_leave', { comment: '请安排他人代为出席' })).toEqual({ to: 'leave_rejected' });
    expect(invitationMachine.apply(chair, s, 'approve_leave')).toEqual({ error: { code: 'FORBIDDEN', params: { action: 'approve_leave' } } });
    expect(invitationMachine.apply(invitee, s, 'approve_leave')).toEqual({ error: { code: 'FORBIDDEN', params: { action: 'approve_leave' } } });
  });
});
