import { z } from 'zod';
import { PageQuery } from './common';

/*
 * In-app notifications, pushed over socket.io (`/system`, event `notification`) to the room
 * `user:<id>`; email is a copy sent when SMTP is configured, never a precondition.
 */
export const NOTIFICATION_KINDS = [
  'invited',
  'time_changed',
  'meeting_cancelled',
  'materials_added',
  'leave_requested',
  'leave_decided',
  'speech_reviewed',
  'reminder_24h',
  'reminder_1h',
  'cosign_requested',
  // outcomes (flow 8), to the liaisons of the department: params title, deadline, departmentName, comment
  'outcome_assigned',
  'outcome_sent_back',
  'outcome_overdue',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  meetingId: z.uuid().nullable(),
  /**
   * values the client puts into the translated text (web i18n `notifications.kinds.*`, email
   * templates in apps/api notifications/notification-email.ts). Used keys: `title` (meeting, or the
   * speech for speech_reviewed), `startsAt`/`endsAt` ISO, `venue`, `reason` (cancelled), `fileName`
   * (materials_added), `name` (leave_requested: who asks), `approved` (leave_decided), `comment`,
   * `state` + `meetingTitle` (speech_reviewed).
   */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** where the notification leads in the web app, e.g. `/meetings/<id>` */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).default('false') });
export const NotificationPage = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const MarkNotificationsRead = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** Server → client events on `/system`. */
export interface SystemServerEvents {
  notification: (n: Notification) => void;
}

/** Personal iCalendar feed: the URL holds a secret; rotating it revokes the old one. */
export const CalendarFeed = z.object({ url: z.string().nullable(), createdAt: z.string().nullable() });
export type CalendarFeed = z.infer<typeof CalendarFeed>;
