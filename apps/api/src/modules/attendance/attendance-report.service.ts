import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttendanceStatus, Invitation, InvitationState, MemberAttendance, Page, SessionUser } from '@xieshang/contracts';
import { finalAttendance } from '@xieshang/domain';
import { SettingsService } from '../settings/settings.service';
import { attendanceLabels, formatLocalTime } from './attendance-labels';
import { AttendanceService } from './attendance.service';
import { ENDED_MEETING_STATES, loadMeeting } from './meeting-context';
import { contentDisposition, renderSheet, type ExportFormat } from './spreadsheet';

export interface MemberAttendanceFilter {
  year: number;
  sectorId?: string;
  committeeId?: string;
}

export interface ExportFile {
  body: Buffer;
  fileName: string;
  disposition: string;
}

/** Attendance per member per year, and the CSV/XLSX exports of both reports. */
@Injectable()
export class AttendanceReportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly attendance: AttendanceService,
    private readonly settings: SettingsService,
  ) {}

  async memberAttendance(q: MemberAttendanceFilter & { page: number; pageSize: number }): Promise<Page<MemberAttendance>> {
    const all = await this.yearCounts(q);
    const start = (q.page - 1) * q.pageSize;
    return { items: all.slice(start, start + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
  }

  async exportMeeting(meetingId: string, viewer: SessionUser, format: ExportFormat): Promise<ExportFile> {
    const meeting = await loadMeeting(this.ds.manager, meetingId);
    const rows = await this.attendance.meetingAttendance(meetingId);
    const { timeZone } = await this.settings.get();
    const l = attendanceLabels(viewer.locale);
    const line = (i: Invitation) => [
      i.name, i.sectorName, i.committeeName, i.departmentName, l.state[i.state], i.leaveReason, i.leaveComment,
      i.checkInMode ? l.checkInMode[i.checkInMode] : null, i.checkedInAt ? formatLocalTime(i.checkedInAt, timeZone) : null,
      i.attendance ? l.attendance[i.attendance] : null,
    ];
    const fileName = `${l.meetingFile(meeting.title)}.${format}`;
    return {
      body: await renderSheet({ name: l.meetingSheet, headers: l.meetingColumns, rows: rows.map(line) }, format),
      fileName,
      disposition: contentDisposition(fileName, `meeting-attendance.${format}`),
    };
  }

  async exportMembers(q: MemberAttendanceFilter, viewer: SessionUser, format: ExportFormat): Promise<ExportFile> {
    const all = await this.yearCounts(q);
    const l = attendanceLabels(viewer.locale);
    const fileName = `${l.memberFile(q.year)}.${format}`;
    return {
      body: await renderSheet({
        name: l.memberSheet,
        headers: l.memberColumns,
        rows: all.map((r) => [r.name, r.sectorName, r.invited, r.present, r.excused, r.absent, r.rate]),
        percentColumns: [6],
      }, format),
      fileName,
      disposition: contentDisposition(fileName, `member-attendance-${q.year}.${format}`),
    };
  }

  /**
   * Every active member (so a member with no meetings shows zeros) and anyone else invited to an
   * ended meeting of the year, counted over the meetings that ended; the year is the organisation's.
   */
  private async yearCounts(q: MemberAttendanceFilter): Promise<MemberAttendance[]> {
    const { timeZone } = await this.settings.get();
    const invitations: Array<{ user_id: string; attendance: AttendanceStatus | null; state: InvitationState; check_in_mode: Invitation['checkInMode'] }> = await this.ds.query(
      `SELECT i.user_id, i.attendance, i.state, i.check_in_mode
         FROM meeting_invitations i JOIN meetings m ON m.id = i.meeting_id
        WHERE m.state = ANY($1)
          AND m.starts_at >= make_timestamptz($2::int, 1, 1, 0, 0, 0, $3::text)
          AND m.starts_at < make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, $3::text)`,
      [ENDED_MEETING_STATES, q.year, timeZone],
    );
    const counts = new Map<string, Record<AttendanceStatus, number>>();
    for (const i of invitations) {
      // The meetings module writes attendance when a meeting ends; derive it the same way if a row missed it.
      const status = i.attendance ?? finalAttendance({ state: i.state, checkInMode: i.check_in_mode }).status;
      const c = counts.get(i.user_id) ?? { present: 0, excused: 0, absent: 0 };
      c[status] += 1;
      counts.set(i.user_id, c);
    }

    const args: unknown[] = [[...counts.keys()]];
    const where = [`(u.id = ANY($1) OR (u.active AND 'member' = ANY(u.roles)))`];
    if (q.sectorId) where.push(`u.sector_id = $${args.push(q.sectorId)}`);
    if (q.committeeId) where.push(`u.committee_id = $${args.push(q.committeeId)}`);
    const users: Array<{ id: string; name: string; sector_name: string | null }> = await this.ds.query(
      `SELECT u.id, u.name, s.name AS sector_name FROM users u LEFT JOIN sectors s ON s.id = u.sector_id
        WHERE ${where.join(' AND ')} ORDER BY convert_to(u.name, 'UTF8'), u.id`,
      args,
    );
    return users.map((u) => {
      const c = counts.get(u.id) ?? { present: 0, excused: 0, absent: 0 };
      const invited = c.present + c.excused + c.absent;
      return { userId: u.id, name: u.name, sectorName: u.sector_name, invited, ...c, rate: invited ? c.present / invited : 0 };
    });
  }
}
