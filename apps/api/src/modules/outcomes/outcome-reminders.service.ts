import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { needsOverdueReminder } from '@xieshang/domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { NotificationsService } from '../notifications/notifications.service';
import { PeriodicReminderJob } from '../notifications/periodic-reminder-job';
import { SettingsService } from '../settings/settings.service';
import { todayIn } from './outcome-steps';

type DueRow = { assignment_id: string; deadline: string; title: string; department_name: string; user_ids: string[] | null };

/**
 * Overdue feedback reminders to the department's liaisons (in-app; email when SMTP is configured).
 * Every instance looks on its own timer, like the meeting reminders; the dedupe key
 * `outcome_overdue:<assignmentId>:<deadline>` with the unique (user_id, dedupe_key) index sends one
 * reminder per deadline however many instances run — and a new one when a cadence sets the next deadline.
 */
@Injectable()
export class OutcomeRemindersService extends PeriodicReminderJob {
  protected readonly log = new Logger(OutcomeRemindersService.name);

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
  ) {
    super(config);
  }

  protected async findAndNotify(now: Date): Promise<number> {
    const today = await todayIn(this.settings, now);
    // current round, waiting for the department, past the deadline (needsOverdueReminder decides)
    const due: DueRow[] = await this.ds.query(
      `SELECT a.id AS assignment_id, a.deadline::text AS deadline, o.title, dep.name AS department_name,
              (SELECT array_agg(u.id) FROM users u WHERE u.department_id = a.department_id AND 'department' = ANY(u.roles) AND u.active) AS user_ids
         FROM outcome_assignments a JOIN outcomes o ON o.id = a.outcome_id AND o.round = a.round
         JOIN departments dep ON dep.id = a.department_id
        WHERE a.state = 'assigned' AND a.deadline < $1::date`,
      [today],
    );
    let created = 0;
    for (const a of due) {
      if (!a.user_ids?.length || !needsOverdueReminder({ state: 'assigned', deadline: a.deadline }, today)) continue;
      const rows = await this.notifications.notify({
        userIds: a.user_ids,
        kind: 'outcome_overdue',
        params: { title: a.title, deadline: a.deadline, departmentName: a.department_name },
        link: '/assignments',
        dedupeKey: `outcome_overdue:${a.assignment_id}:${a.deadline}`,
      });
      created += rows.length;
    }
    return created;
  }
}
