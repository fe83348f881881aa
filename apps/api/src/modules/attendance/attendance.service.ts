import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CHECK_IN_TOKEN_SECONDS, type CheckInToken, type Invitation, type SessionUser } from '@xieshang/contracts';
import { CHECK_IN_MODE, invitationMachine, isMeetingHost, isTransitionError, type WorkflowActor } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { checkInCode, checkInCodeRotatesAt, checkInWindow, CHECK_IN_OPENS_BEFORE_START_MS, isCheckInOpen, isValidCheckInCode } from './check-in-code';
import { findInvitation, getInvitation, meetingInvitations, toInvitation, type InvitationRow } from './invitation-rows';
import { inTransaction, isLocked, loadMeeting, type MeetingContext } from './meeting-context';
import { transitionException } from './transition-error';

type CheckInAction = keyof typeof CHECK_IN_MODE;

/** Check-in in the room (rotating QR code), remotely (live module) or by staff; the per-meeting attendance list. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** The code for the projector: the office or the meeting's host, while check-in is open. */
  async checkInToken(meetingId: string, viewer: SessionUser, requestOrigin: string, now = Date.now()): Promise<CheckInToken> {
    const meeting = await loadMeeting(this.ds.manager, meetingId);
    if (!isMeetingHost(viewer, meeting.hostId)) throw new AppException('NOT_HOST');
    this.assertOpen(meeting, now);
    const token = checkInCode(await this.secret(this.ds.manager, meetingId), meetingId, checkInWindow(now));
    const base = (this.config.PUBLIC_URL ?? requestOrigin).replace(/\/+$/, '');
    return {
      token,
      url: `${base}/meetings/${meetingId}/check-in?code=${encodeURIComponent(token)}`,
      expiresAt: checkInCodeRotatesAt(now).toISOString(),
      rotatesEverySeconds: CHECK_IN_TOKEN_SECONDS,
    };
  }

  async checkInRoom(meetingId: string, viewer: SessionUser, code: string, now = Date.now()): Promise<Invitation> {
    return this.ds.transaction(async (m) => {
      const meeting = await loadMeeting(m, meetingId);
      this.assertOpen(meeting, now);
      const row = await findInvitation(m, { meetingId, userId: viewer.id }, true);
      if (!row) throw new AppException('NOT_INVITED');
      // Scanning again (a reload, a second tap) is harmless, even once the code has moved on.
      if (row.state === 'checked_in') return toInvitation(row);
      if (!isValidCheckInCode(await this.secret(m, meetingId), meetingId, code, now)) throw new AppException('CHECK_IN_CODE_INVALID');
      return this.checkIn(m, row, viewer, 'check_in_room');
    });
  }

  async checkInStaff(meetingId: string, invitationId: string, staff: SessionUser, now = Date.now()): Promise<Invitation> {
    return this.ds.transaction(async (m) => {
      const meeting = await loadMeeting(m, meetingId);
      const row = await findInvitation(m, { id: invitationId }, true);
      if (!row || row.meeting_id !== meeting.id) throw new AppException('NOT_FOUND');
      this.assertOpen(meeting, now);
      if (row.state === 'checked_in') return toInvitation(row);
      return this.checkIn(m, row, staff, 'check_in_staff');
    });
  }

  /**
   * For the live module: a member who joins the session online is checked in remotely.
   * Null when the user is not invited; an invitation already checked in (or of an ended meeting) is returned unchanged.
   */
  async checkInRemote(meetingId: string, userId: string, manager?: EntityManager): Promise<Invitation | null> {
    return inTransaction(this.ds, manager, async (m) => {
      const row = await findInvitation(m, { meetingId, userId }, true);
      if (!row) return null;
      if (row.state === 'checked_in' || isLocked(await loadMeeting(m, meetingId))) return toInvitation(row);
      return this.checkIn(m, row, { id: userId, roles: row.user_roles }, 'check_in_remote');
    });
  }

  async meetingAttendance(meetingId: string): Promise<Invitation[]> {
    const meeting = await loadMeeting(this.ds.manager, meetingId);
    return (await meetingInvitations(this.ds.manager, meeting.id)).map(toInvitation);
  }

  private async checkIn(m: EntityManager, row: InvitationRow, actor: WorkflowActor, action: CheckInAction): Promise<Invitation> {
    const result = invitationMachine.apply(actor, { state: row.state, inviteeId: row.user_id }, action);
    if (isTransitionError(result)) throw transitionException(result.error);
    const mode = CHECK_IN_MODE[action];
    await m.query(`UPDATE meeting_invitations SET state = $2, check_in_mode = $3, checked_in_at = now(), updated_at = now() WHERE id = $1`, [row.id, result.to, mode]);
    await this.audit.record({ actorId: actor.id, action: 'invitation.checked_in', entity: 'meeting_invitation', entityId: row.id, data: { meetingId: row.meeting_id, userId: row.user_id, mode, from: row.state } }, m);
    return getInvitation(m, row.id);
  }

  private assertOpen(meeting: MeetingContext, now: number): void {
    if (!isCheckInOpen(meeting, now)) {
      throw new AppException('CHECK_IN_NOT_OPEN', {
        state: meeting.state,
        opensAt: new Date(meeting.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_START_MS).toISOString(),
        closesAt: meeting.endsAt.toISOString(),
      });
    }
  }

  private async secret(m: EntityManager, meetingId: string): Promise<Buffer> {
    const [row]: Array<{ check_in_secret: Buffer }> = await m.query(`SELECT check_in_secret FROM meetings WHERE id = $1`, [meetingId]);
    if (!row) throw new AppException('NOT_FOUND');
    return row.check_in_secret;
  }
}
