import { Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MeetingRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { AttendanceReportService, type ExportFile } from './attendance-report.service';
import { AttendanceService } from './attendance.service';
import { CONTENT_TYPES, type ExportFormat } from './spreadsheet';
import { sendPrivateFile } from '../../common/send-private-file';

function sendFile(res: Response, file: ExportFile, format: ExportFormat) {
  sendPrivateFile(res, { contentType: CONTENT_TYPES[format], disposition: file.disposition, body: file.body });
}

@Controller()
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly reports: AttendanceReportService,
  ) {}

  @Route(MeetingRoutes.checkInToken)
  checkInToken(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.checkInToken>, @Req() req: Request) {
    // Behind a proxy, Express reads X-Forwarded-Proto/Host only when TRUST_PROXY is on.
    return this.attendance.checkInToken(params.id, s.user, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  }

  @Route(MeetingRoutes.checkInRoom)
  checkInRoom(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.checkInRoom>) {
    return this.attendance.checkInRoom(params.id, s.user, body.token);
  }

  @Route(MeetingRoutes.checkInStaff)
  checkInStaff(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.checkInStaff>) {
    return this.attendance.checkInStaff(params.id, params.invitationId, s.user);
  }

  @Route(MeetingRoutes.meetingAttendance)
  meetingAttendance(@Input() { params }: In<typeof MeetingRoutes.meetingAttendance>) {
    return this.attendance.meetingAttendance(params.id);
  }

  @Route(MeetingRoutes.exportMeetingAttendance)
  async exportMeeting(@CurrentSession() s: AuthenticatedSession, @Input() { params, query }: In<typeof MeetingRoutes.exportMeetingAttendance>, @Res() res: Response) {
    sendFile(res, await this.reports.exportMeeting(params.id, s.user, query.format), query.format);
  }

  @Route(MeetingRoutes.memberAttendance)
  memberAttendance(@Input() { query }: In<typeof MeetingRoutes.memberAttendance>) {
    return this.reports.memberAttendance(query);
  }

  @Route(MeetingRoutes.exportMemberAttendance)
  async exportMembers(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof MeetingRoutes.exportMemberAttendance>, @Res() res: Response) {
    const { format, ...filter } = query;
    sendFile(res, await this.reports.exportMembers(filter, s.user, format), format);
  }
}
