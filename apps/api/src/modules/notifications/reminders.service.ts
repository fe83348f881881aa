import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationKind } from '@xieshang/contracts';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { NotificationsService } from './notifications.service';
import { PeriodicReminderJob } from './periodic-reminder-job';

const HOUR = 3600_000;

type DueRow = { meeting_id: string; title: string; starts_at: Date; venue: string | null; user_ids: string[] };

/** 24 h before and 1 h before; a meeting already inside the last hour only gets the 1 h reminder. */
export function reminderKind(startsAt: Date, now: Date): NotificationKind | null {
  const ahead = startsAt.getTime() - now.getTime();
  if (ahead <= 0 || ahead > 24 * HOUR) return null;
  return ahead <= HOUR ? 'reminder_1h' : 'reminder_24h';
}

/**
 * Meeting reminders. Every instance looks on its own timer; the dedupe key
 * `<kind>:<meetingId>:<startsAt>` with the unique index (user_id, dedupe_key) makes a reminder
 * go out once however many instances run — and again when the meeting is moved.
 */
@Injectable()
export class RemindersService extends PeriodicReminderJob {
  protected readonly log = new Logger(RemindersService.name);

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
  ) {
    super(config);
  }

  protected async findAndNotify(now: Date): Promise<number> {
    // Invitees who may come: not declined, not excused (leave approved).
    const due: DueRow[] = await this.ds.query(
      `SELECT m.id AS meeting_id, m.title, m.starts_at, m.venue,
              array_agg(i.user_id) FILTER (WHERE u.active AND i.state NOT IN ('declined', 'leave_approved')) AS user_ids
         FROM meetings m
         JOIN meeting_invitations i ON i.meeting_id = m.id
         JOIN users u ON u.id = i.user_id
        WHERE m.state IN ('notified', 'materials_sent')
          AND m.starts_at > $1 AND m.starts_at <= $1::timestamptz + interval '24 hours'
        GROUP BY m.id`,
      [now.toISOString()],
    );
    let created = 0;
    for (const m of due) {
      const kind = reminderKind(m.starts_at, now);
      if (!kind || !m.user_ids?.length) continue;
      const startsAt = m.starts_at.toISOString();
      const params: Record<string, string> = { title: m.title, startsAt };
      if (m.venue) params.venue = m.venue;
      const rows = await this.notifications.notify({ userIds: m.user_ids, kind, meetingId: m.meeting_id, params, dedupeKey: `${kind}:${m.meeting_id}:${startsAt}` });
      created += rows.length;
    }
    return created;
  }
}
