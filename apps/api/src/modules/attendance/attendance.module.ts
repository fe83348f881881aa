import { Module } from '@nestjs/common';
import { AttendanceReportService } from './attendance-report.service';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

/** Invitations (replies, leave), check-in and attendance reports. AttendanceService.checkInRemote serves the live module. */
@Module({
  controllers: [InvitationsController, AttendanceController],
  providers: [InvitationsService, AttendanceService, AttendanceReportService],
  exports: [AttendanceService, InvitationsService],
})
export class AttendanceModule {}
