import type { EntityManager } from 'typeorm';
import type { AttendanceStatus, Invitation, InvitationState, Role } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';

export type InvitationRow = {
  id: string; meeting_id: string; user_id: string; name: string; user_roles: Role[];
  sector_name: string | null; committee_name: string | null; department_name: string | null;
  state: InvitationState; check_in_mode: Invitation['checkInMode']; checked_in_at: Date | null; responded_at: Date | null;
  leave_reason: string | null; leave_comment: string | null; leave_decided_by: string | null; leave_decided_by_name: string | null;
  leave_decided_at: Date | null; attendance: AttendanceStatus | null;
};

const INVITATION_COLUMNS = `i.id, i.meeting_id, i.user_id, u.name, u.roles AS user_roles,
    s.name AS sector_name, c.name AS committee_name, d.name AS department_name,
    i.state, i.check_in_mode, i.checked_in_at, i.responded_at, i.leave_reason, i.leave_comment,
    i.leave_decided_by, du.name AS leave_decided_by_name, i.leave_decided_at, i.attendance`;
const INVITATION_JOINS = `JOIN users u ON u.id = i.user_id
  LEFT JOIN sectors s ON s.id = u.sector_id LEFT JOIN committees c ON c.id = u.committee_id
  LEFT JOIN departments d ON d.id = u.department_id LEFT JOIN users du ON du.id = i.leave_decided_by`;

/** Invitation rows with the names the API shows; callers add WHERE / ORDER BY on `i` (invitation) and `u` (invitee). */
export const INVITATION_SELECT = `SELECT ${INVITATION_COLUMNS} FROM meeting_invitations i ${INVITATION_JOINS}`;

/** The same with more columns and joins, e.g. the meeting's: `invitationSelect('m.title', 'JOIN meetings m ON m.id = i.meeting_id')`. */
export const invitationSelect = (columns: string, joins: string) => `SELECT ${INVITATION_COLUMNS}, ${columns} FROM meeting_invitations i ${INVITATION_JOINS} ${joins}`;

/** Directory order: sector, then name (byte order keeps it stable across locales, as the directory does). */
export const INVITATION_ORDER = `ORDER BY (SELECT sort_order FROM sectors WHERE id = u.sector_id) NULLS LAST, convert_to(u.name, 'UTF8'), i.id`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toInvitation(r: InvitationRow): Invitation {
  return {
    id: r.id, meetingId: r.meeting_id, userId: r.user_id, name: r.name,
    sectorName: r.sector_name, committeeName: r.committee_name, departmentName: r.department_name,
    state: r.state, checkInMode: r.check_in_mode, checkedInAt: iso(r.checked_in_at), respondedAt: iso(r.responded_at),
    leaveReason: r.leave_reason, leaveComment: r.leave_comment, leaveDecidedByName: r.leave_decided_by_name,
    leaveDecidedAt: iso(r.leave_decided_at), attendance: r.attendance,
  };
}

/** What other invitees may see of someone's invitation: who and in which state, not why. */
export function withoutLeaveDetails(i: Invitation): Invitation {
  return { ...i, leaveReason: null, leaveComment: null, leaveDecidedByName: null, leaveDecidedAt: null };
}

/** One invitation, optionally locked for update (the lock covers only the invitation row). */
export async function findInvitation(m: EntityManager, where: { id: string } | { meetingId: string; userId: string }, lock = false): Promise<InvitationRow | null> {
  const [cond, args] = 'id' in where ? ['i.id = $1', [where.id]] : ['i.meeting_id = $1 AND i.user_id = $2', [where.meetingId, where.userId]];
  const [row]: InvitationRow[] = await m.query(`${INVITATION_SELECT} WHERE ${cond}${lock ? ' FOR UPDATE OF i' : ''}`, args);
  return row ?? null;
}

export async function getInvitation(m: EntityManager, id: string): Promise<Invitation> {
  const row = await findInvitation(m, { id });
  if (!row) throw new AppException('NOT_FOUND');
  return toInvitation(row);
}

export async function meetingInvitations(m: EntityManager, meetingId: string): Promise<InvitationRow[]> {
  return m.query(`${INVITATION_SELECT} WHERE i.meeting_id = $1 ${INVITATION_ORDER}`, [meetingId]);
}
