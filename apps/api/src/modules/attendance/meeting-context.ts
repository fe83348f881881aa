import type { EntityManager } from 'typeorm';
import type { LeaveApprover, MeetingState, SessionUser } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';

/** What invitations, check-in and speeches need to know about a meeting (read with raw SQL, no meetings-module code). */
export interface MeetingContext {
  id: string;
  title: string;
  state: MeetingState;
  startsAt: Date;
  endsAt: Date;
  replyDeadline: Date | null;
  hostId: string | null;
  committeeId: string | null;
  leaveApprover: LeaveApprover;
  committeeHeadId: string | null;
}

/** Ended or cancelled: replies, leave, speeches and their order can no longer change. */
export const LOCKED_MEETING_STATES: readonly MeetingState[] = ['minutes', 'reported', 'closed', 'cancelled'];
/** States whose attendance is final (the meeting took place and ended). */
export const ENDED_MEETING_STATES: readonly MeetingState[] = ['minutes', 'reported', 'closed'];

export const isLocked = (m: Pick<MeetingContext, 'state'>) => LOCKED_MEETING_STATES.includes(m.state);

export function assertNotLocked(m: Pick<MeetingContext, 'state'>): void {
  if (isLocked(m)) throw new AppException('MEETING_LOCKED', { state: m.state });
}

/** The office, the chair and leadership see every invitee's details; so does the meeting's host. */
export function seesAllInvitationDetails(viewer: Pick<SessionUser, 'id' | 'roles'>, m: Pick<MeetingContext, 'hostId'>): boolean {
  return viewer.roles.some((r) => r === 'admin' || r === 'chair' || r === 'leader') || m.hostId === viewer.id;
}

type Row = {
  id: string; title: string; state: MeetingState; starts_at: Date; ends_at: Date; reply_deadline: Date | null;
  host_id: string | null; committee_id: string | null; leave_approver: LeaveApprover; committee_head_id: string | null;
};

export async function loadMeeting(m: EntityManager, meetingId: string): Promise<MeetingContext> {
  const [r]: Row[] = await m.query(
    `SELECT m.id, m.title, m.state, m.starts_at, m.ends_at, m.reply_deadline, m.host_id, m.committee_id,
            t.leave_approver, c.head_user_id AS committee_head_id
       FROM meetings m JOIN meeting_types t ON t.id = m.type_id LEFT JOIN committees c ON c.id = m.committee_id
      WHERE m.id = $1`,
    [meetingId],
  );
  if (!r) throw new AppException('NOT_FOUND');
  return {
    id: r.id, title: r.title, state: r.state, startsAt: r.starts_at, endsAt: r.ends_at, replyDeadline: r.reply_deadline,
    hostId: r.host_id, committeeId: r.committee_id, leaveApprover: r.leave_approver, committeeHeadId: r.committee_head_id,
  };
}

/** Run in the caller's transaction when given one, else in a new one. */
export function inTransaction<T>(ds: { transaction<R>(fn: (m: EntityManager) => Promise<R>): Promise<R> }, manager: EntityManager | undefined, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  return manager ? fn(manager) : ds.transaction(fn);
}
