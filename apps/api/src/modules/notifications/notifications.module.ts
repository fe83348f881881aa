import { Global, Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { AfterCommit } from './after-commit';
import { NotificationMailer } from './notification-mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RemindersService } from './reminders.service';

/** Global: every feature announces its changes through NotificationsService.notify. */
@Global()
@Module({
  imports: [RealtimeModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, AfterCommit, NotificationMailer, RemindersService],
  exports: [NotificationsService, RemindersService],
})
export class NotificationsModule {}
