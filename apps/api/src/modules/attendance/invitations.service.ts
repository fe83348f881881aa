import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Invitation, InvitationReply, LeaveDecision, LeaveRequest, Page, Role, SessionUser } from '@xieshang/contracts';
import { invitationMachine, isLeaveApprover, isTransitionError, resolveLeaveApprover, type InvitationSubject } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { findInvitation, getInvitation, invitationSelect, meetingInvitations, toInvitation, withoutLeaveDetails, type InvitationRow } from './invitation-rows';
import { assertNotLocked, LOCKED_MEETING_STATES, loadMeeting, seesAllInvitationDetails, type MeetingContext } from './meeting-context';
import { transitionException } from './transition-error';

type LeaveContext = Pick<MeetingContext, 'leaveApprover' | 'committeeHeadId'>;

export function invitationSubject(row: Pick<InvitationRow, 'state' | 'user_id' | 'user_roles'>, meeting: LeaveContext): InvitationSubject {
  return {
    state: row.state,
    inviteeId: row.user_id,
    ...resolveLeaveApprover({ leaveApprover: meeting.leaveApprover, committeeHeadId: meeting.committeeHeadId, inviteeId: row.user_id, inviteeRoles: row.user_roles }),
  };
}

/** Replies, leave requests and decisions (flow 4 up to check-in). */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async mine(meetingId: string, viewer: SessionUser): Promise<Invitation> {
    const meeting = await loadMeeting(this.ds.manager, meetingId);
    const row = await findInvitation(this.ds.manager, { meetingId: meeting.id, userId: viewer.id });
    if (!row) throw new AppException('NOT_INVITED');
    return toInvitation(row);
  }

  async list(meetingId: string, viewer: SessionUser): Promise<Invitation[]> {
    const meeting = await loadMeeting(this.ds.manager, meetingId);
    const rows = await meetingInvitations(this.ds.manager, meeting.id);
    if (seesAllInvitationDetails(viewer, meeting)) return rows.map(toInvitation);
    if (!rows.some((r) => r.user_id === viewer.id)) throw new AppException('FORBIDDEN');
    return rows.map((r) => (r.user_id === viewer.id ? toInvitation(r) : withoutLeaveDetails(toInvitation(r))));
  }

  async reply(meetingId: string, viewer: SessionUser, reply: InvitationReply): Promise<Invitation> {
    return this.ds.transaction(async (m) => {
      const meeting = await loadMeeting(m, meetingId);
      const row = await findInvitation(m, { meetingId, userId: viewer.id }, true);
      if (!row) throw new AppException('NOT_INVITED');
      assertNotLocked(meeting);
      assertBeforeDeadline(meeting, reply.action);

      const subject = invitationSubject(row, meeting);
      const reason = reply.action === 'accept' ? null : (reply.reason ?? null);
      const result = invitationMachine.apply(viewer, subject, reply.action, { reason });
      if (isTransitionError(result)) throw transitionException(result.error);

      // A withdrawn request or a plain decline starts a new story; a refused request stays on record after accepting.
      const keepLeave = reply.action === 'accept' && row.state === 'leave_rejected';
      await m.query(
        `UPDATE meeting_invitations SET state = $2, responded_at = now(), updated_at = now(),
            leave_reason = CASE WHEN $3 THEN leave_reason ELSE $4 END,
            leave_comment = CASE WHEN $3 THEN leave_comment ELSE NULL END,
            leave_decided_by = CASE WHEN $3 THEN leave_decided_by ELSE NULL END,
            leave_decided_at = CASE WHEN $3 THEN leave_decided_at ELSE NULL END
          WHERE id = $1`,
        [row.id, result.to, keepLeave, reason],
      );
      await this.audit.record({ actorId: viewer.id, action: `invitation.${reply.action}`, entity: 'meeting_invitation', entityId: row.id, data: { meetingId, from: row.state, to: result.to, reason } }, m);
      if (reply.action === 'request_leave') {
        await this.notifications.notify({
          userIds: await this.approverIds(m, subject),
          kind: 'leave_requested',
          meetingId,
          params: { title: meeting.title, name: row.name },
          link: '/leave-requests',
        }, m);
      }
      return getInvitation(m, row.id);
    });
  }

  async decide(invitationId: string, viewer: SessionUser, decision: LeaveDecision): Promise<Invitation> {
    return this.ds.transaction(async (m) => {
      const row = await findInvitation(m, { id: invitationId }, true);
      if (!row) throw new AppException('NOT_FOUND');
      const meeting = await loadMeeting(m, row.meeting_id);
      const subject = invitationSubject(row, meeting);
      // The approver check comes first so that others learn nothing about the request's state.
      if (!isLeaveApprover(viewer, subject)) throw new AppException('FORBIDDEN');
      assertNotLocked(meeting);
      const action = decision.approve ? 'approve_leave' : 'reject_leave';
      const comment = decision.comment ?? null;
      const result = invitationMachine.apply(viewer, subject, action, { comment });
      if (isTransitionError(result)) throw transitionException(result.error);

      await m.query(
        `UPDATE meeting_invitations SET state = $2, leave_comment = $3, leave_decided_by = $4, leave_decided_at = now(), updated_at = now() WHERE id = $1`,
        [row.id, result.to, comment, viewer.id],
      );
      await this.audit.record({ actorId: viewer.id, action: `invitation.${action}`, entity: 'meeting_invitation', entityId: row.id, data: { meetingId: meeting.id, inviteeId: row.user_id, comment } }, m);
      await this.notifications.notify({ userIds: [row.user_id], kind: 'leave_decided', meetingId: meeting.id, params: { approved: decision.approve, title: meeting.title } }, m);
      return getInvitation(m, row.id);
    });
  }

  /**
   * Pending: open requests the viewer may decide, soonest meeting first (few: only meetings not yet ended).
   * Decided: the viewer's decisions, newest first.
   */
  async leaveRequests(viewer: SessionUser, q: { state: 'pending' | 'decided' | 'all'; page: number; pageSize: number }): Promise<Page<LeaveRequest>> {
    type Row = InvitationRow & { meeting_title: string; meeting_starts_at: Date; leave_approver: MeetingContext['leaveApprover']; committee_head_id: string | null };
    const select = invitationSelect(
      'm.title AS meeting_title, m.starts_at AS meeting_starts_at, t.leave_approver, mc.head_user_id AS committee_head_id',
      'JOIN meetings m ON m.id = i.meeting_id JOIN meeting_types t ON t.id = m.type_id LEFT JOIN committees mc ON mc.id = m.committee_id',
    );
    const items: Row[] = [];
    if (q.state !== 'decided') {
      const pending: Row[] = await this.ds.query(
        `${select} WHERE i.state = 'leave_requested' AND m.state <> ALL($1) AND i.user_id <> $2 ORDER BY m.starts_at, i.responded_at, i.id`,
        [LOCKED_MEETING_STATES, viewer.id],
      );
      items.push(...pending.filter((r) => isLeaveApprover(viewer, invitationSubject(r, { leaveApprover: r.leave_approver, committeeHeadId: r.committee_head_id }))));
    }
    if (q.state !== 'pending') {
      items.push(...(await this.ds.query(`${select} WHERE i.leave_decided_by = $1 ORDER BY i.leave_decided_at DESC, i.id`, [viewer.id])));
    }
    const start = (q.page - 1) * q.pageSize;
    return {
      items: items.slice(start, start + q.pageSize).map((r) => ({ ...toInvitation(r), meetingTitle: r.meeting_title, meetingStartsAt: r.meeting_starts_at.toISOString() })),
      total: items.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private async approverIds(m: EntityManager, s: InvitationSubject): Promise<string[]> {
    if (s.leaveApproverId) return [s.leaveApproverId];
    const role: Role = s.leaveApproverRole ?? 'admin';
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE active AND $1 = ANY(roles) AND id <> $2`, [role, s.inviteeId]);
    return rows.map((r) => r.id);
  }
}

/**
 * Accept and decline close at the reply deadline (or at the start when none is set);
 * asking for leave stays possible until the meeting starts.
 */
function assertBeforeDeadline(meeting: MeetingContext, action: InvitationReply['action'], now = new Date()): void {
  const deadline = action === 'request_leave' ? meeting.startsAt : (meeting.replyDeadline ?? meeting.startsAt);
  if (now > deadline) throw new AppException('REPLY_DEADLINE_PASSED', { deadline: deadline.toISOString() });
}
