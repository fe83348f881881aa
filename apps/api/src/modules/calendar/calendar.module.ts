import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({ imports: [MeetingsModule], controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
