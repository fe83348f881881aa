import type { Notification } from '@xieshang/contracts';
import type { NotificationEntity } from './notification.entity';

export function toNotification(e: NotificationEntity): Notification {
  return {
    id: e.id,
    kind: e.kind,
    meetingId: e.meetingId,
    params: e.params,
    link: e.link,
    readAt: e.readAt ? new Date(e.readAt).toISOString() : null,
    createdAt: new Date(e.createdAt).toISOString(),
  };
}
