import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { SpeechesModule } from '../speeches/speeches.module';
import { LiveDirectory } from './live-directory';
import { LivePresenceService } from './live-presence.service';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';
import { LiveSpeakerEventsModule } from './live-speaker-events';

/** Live sessions: the `/live` socket.io namespace, the speaking queue stored in PostgreSQL, presence. */
@Module({
  imports: [MeetingsModule, AttendanceModule, SpeechesModule, LiveSpeakerEventsModule],
  providers: [LiveGateway, LiveService, LivePresenceService, LiveDirectory],
  exports: [LiveService],
})
export class LiveModule {}
