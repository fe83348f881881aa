import { Controller } from '@nestjs/common';
import { NotificationRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { NotificationsService } from './notifications.service';

@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Route(NotificationRoutes.listNotifications)
  list(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof NotificationRoutes.listNotifications>) {
    return this.notifications.list(s.user.id, query);
  }

  @Route(NotificationRoutes.markNotificationsRead)
  markRead(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof NotificationRoutes.markNotificationsRead>) {
    return this.notifications.markRead(s.user.id, body);
  }
}
