import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { InvitationState, LeaveApprover, MeetingState } from '@xieshang/contracts';

/*
 * Meetings straight into the real database, for tests that need a meeting in a given state at a given
 * time (check-in windows, deadlines, ended meetings) without walking it through the meetings module.
 */

const HOUR = 3600_000;

export async function userId(ds: DataSource, email: string): Promise<string> {
  const [row] = await ds.query(`SELECT id FROM users WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function userIds(ds: DataSource, ...emails: string[]): Promise<string[]> {
  return Promise.all(emails.map((e) => userId(ds, e)));
}

/** A meeting type of our own (a fresh code, so the standard types seeded at boot are untouched). */
export async function meetingType(ds: DataSource, leaveApprover: LeaveApprover): Promise<string> {
  const code = `t_${leaveApprover}_${randomBytes(4).toString('hex')}`;
  const [row] = await ds.query(
    `INSERT INTO meeting_types (code, name_zh, name_en, leave_approver) VALUES ($1, $2, $3, $4) RETURNING id`,
    [code, `测试类型 ${code}`, `Test type ${code}`, leaveApprover],
  );
  return row.id;
}

export async function committeeWithHead(ds: DataSource, name: string, headId: string | null): Promise<string> {
  const [row] = await ds.query(`INSERT INTO committees (name, sort_order, head_user_id) VALUES ($1, 99, $2) RETURNING id`, [name, headId]);
  return row.id;
}

export interface MeetingFixtureInput {
  title?: string;
  leaveApprover?: LeaveApprover;
  typeId?: string;
  state?: MeetingState;
  /** default: in 3 days */
  startsAt?: Date;
  /** default: 2 h after the start */
  endsAt?: Date;
  replyDeadline?: Date | null;
  hostId?: string | null;
  committeeId?: string | null;
  /** invitee user ids, with an optional starting state */
  invitees?: Array<string | { userId: string; state?: InvitationState; attendance?: 'present' | 'excused' | 'absent' | null; checkInMode?: 'room' | 'remote' | 'staff' }>;
}

export interface MeetingFixture {
  id: string;
  title: string;
  /** invitation id by user id */
  invitation: Map<string, string>;
}

export async function createMeeting(ds: DataSource, f: MeetingFixtureInput = {}): Promise<MeetingFixture> {
  const typeId = f.typeId ?? (await meetingType(ds, f.leaveApprover ?? 'office'));
  const startsAt = f.startsAt ?? new Date(Date.now() + 72 * HOUR);
  const endsAt = f.endsAt ?? new Date(startsAt.getTime() + 2 * HOUR);
  const title = f.title ?? `测试会议 ${randomBytes(3).toString('hex')}`;
  const [m] = await ds.query(
    `INSERT INTO meetings (type_id, title, state, starts_at, ends_at, reply_deadline, host_id, committee_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [typeId, title, f.state ?? 'notified', startsAt, endsAt, f.replyDeadline ?? null, f.hostId ?? null, f.committeeId ?? null],
  );
  const invitation = new Map<string, string>();
  for (const inv of f.invitees ?? []) {
    const i = typeof inv === 'string' ? { userId: inv } : inv;
    const checkedIn = i.state === 'checked_in';
    const [row] = await ds.query(
      `INSERT INTO meeting_invitations (meeting_id, user_id, state, attendance, check_in_mode, checked_in_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [m.id, i.userId, i.state ?? 'invited', i.attendance ?? null, checkedIn ? (i.checkInMode ?? 'room') : null, checkedIn ? startsAt : null],
    );
    invitation.set(i.userId, row.id);
  }
  return { id: m.id, title, invitation };
}

export async function meetingSecret(ds: DataSource, meetingId: string): Promise<Buffer> {
  const [row] = await ds.query(`SELECT check_in_secret FROM meetings WHERE id = $1`, [meetingId]);
  return row.check_in_secret;
}

export async function notificationsOf(ds: DataSource, userId: string, meetingId: string): Promise<Array<{ kind: string; params: Record<string, unknown>; link: string | null }>> {
  return ds.query(`SELECT kind, params, link FROM notifications WHERE user_id = $1 AND meeting_id = $2 ORDER BY created_at`, [userId, meetingId]);
}

export async function auditActions(ds: DataSource, entity: string, entityId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await ds.query(`SELECT action FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id`, [entity, entityId]);
  return rows.map((r) => r.action);
}

export const hoursFromNow = (h: number) => new Date(Date.now() + h * HOUR);
