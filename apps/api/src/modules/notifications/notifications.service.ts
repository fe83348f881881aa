import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind, Notification } from '@xieshang/contracts';
import { UserPush } from '../realtime/user-push';
import { SettingsService } from '../settings/settings.service';
import { AfterCommit } from './after-commit';
import { NotificationEntity } from './notification.entity';
import { NotificationMailer } from './notification-mailer';
import { toNotification } from './to-notification';

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  meetingId?: string | null;
  params?: Record<string, string | number | boolean>;
  link?: string | null;
  /** one notification per user and key (reminders); a repeat is silently skipped */
  dedupeKey?: string | null;
}

export interface NotificationListQuery {
  page: number;
  pageSize: number;
  unread: 'true' | 'false';
}

type Row = {
  id: string; user_id: string; kind: NotificationKind; meeting_id: string | null; params: NotificationEntity['params'];
  link: string | null; dedupe_key: string | null; read_at: Date | null; emailed_at: Date | null; created_at: Date;
};

function fromRow(r: Row): NotificationEntity {
  return Object.assign(new NotificationEntity(), {
    id: r.id, userId: r.user_id, kind: r.kind, meetingId: r.meeting_id ?? null, params: r.params ?? {}, link: r.link ?? null,
    dedupeKey: r.dedupe_key ?? null, readAt: r.read_at ?? null, emailedAt: r.emailed_at ?? null, createdAt: r.created_at,
  });
}

/**
 * Creates in-app notifications. Write them in the same transaction as the change they announce
 * (pass the manager); pushing and email happen after commit and never fail the caller.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly afterCommitQueue: AfterCommit,
    private readonly push: UserPush,
    private readonly mailer: NotificationMailer,
    private readonly settings: SettingsService,
  ) {}

  async notify(n: NotifyInput, manager: EntityManager = this.ds.manager): Promise<NotificationEntity[]> {
    if (n.userIds.length === 0) return [];
    const rows = [...new Set(n.userIds)].map((userId) => ({
      userId,
      kind: n.kind,
      meetingId: n.meetingId ?? null,
      params: n.params ?? {},
      link: n.link ?? (n.meetingId ? `/meetings/${n.meetingId}` : null),
      dedupeKey: n.dedupeKey ?? null,
    }));
    const res = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(rows)
      // a repeated dedupe key (reminders, also from another instance) is skipped and not returned
      .orIgnore()
      .returning('*')
      .execute();
    const created = (res.raw as Row[]).map(fromRow);
    this.afterCommit(manager, created);
    return created;
  }

  /** Push over socket.io and send email once the transaction commits (at once without a transaction). */
  protected afterCommit(manager: EntityManager, created: NotificationEntity[]): void {
    if (created.length === 0) return;
    this.afterCommitQueue.run(manager, () => {
      for (const n of created) this.push.toUser(n.userId, 'notification', toNotification(n));
      this.mailer.send(created, () => this.timeZone());
    });
  }

  async list(userId: string, q: NotificationListQuery): Promise<{ items: Notification[]; total: number; unread: number; page: number; pageSize: number }> {
    const unreadOnly = q.unread === 'true';
    const [counts]: Array<{ total: number; unread: number }> = await this.ds.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
      [userId],
    );
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM notifications WHERE user_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}
       ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [userId, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      items: rows.map((r) => toNotification(fromRow(r))),
      total: unreadOnly ? counts.unread : counts.total,
      unread: counts.unread,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Marks the user's own notifications read; ids of other users' notifications are ignored. */
  async markRead(userId: string, input: { ids: string[] } | { all: true }): Promise<{ ok: true }> {
    if ('all' in input) {
      await this.ds.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    } else {
      await this.ds.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`, [userId, input.ids]);
    }
    return { ok: true };
  }

  /** Waits for queued email (tests, shutdown). */
  emailIdle(): Promise<void> {
    return this.mailer.idle();
  }

  private async timeZone(): Promise<string> {
    return (await this.settings.get()).timeZone;
  }
}
