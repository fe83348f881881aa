import { Module } from '@nestjs/common';
import { MaterialsService } from './materials.service';
import { MeetingSchedulingService } from './meeting-scheduling.service';
import { MeetingTypesController } from './meeting-types.controller';
import { MeetingTypesService } from './meeting-types.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

/**
 * Meetings, their types and materials. Exports MeetingsService for the live module
 * (transition('go_live' | 'end', …) in its own transaction) and the calendar (findVisible).
 */
@Module({
  controllers: [MeetingTypesController, MeetingsController],
  providers: [MeetingsService, MeetingTypesService, MeetingSchedulingService, MaterialsService],
  exports: [MeetingsService, MeetingTypesService],
})
export class MeetingsModule {}
