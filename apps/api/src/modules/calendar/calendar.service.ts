import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CalendarFeed, Locale, Meeting, MeetingState, SessionUser } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { MeetingsService } from '../meetings/meetings.service';
import { SettingsService } from '../settings/settings.service';
import { serializeCalendar } from './ical';
import { calendarName, CalendarMeeting, meetingEvent } from './meeting-event';

/** The feed covers the recent past and the coming year and a bit (annual plans look ahead). */
const FEED_DAYS_BACK = 90;
const FEED_DAYS_AHEAD = 400;
const FEED_REFRESH_MINUTES = 60;

type FeedMeetingRow = {
  id: string; title: string; state: MeetingState; starts_at: Date; ends_at: Date; venue: string | null; video_url: string | null;
  agenda: Array<{ title: string }> | null; cancel_reason: string | null; version: number; updated_at: Date; name_zh: string; name_en: string;
};

export function toCalendarMeeting(r: FeedMeetingRow, locale: Locale): CalendarMeeting {
  return {
    id: r.id, title: r.title, typeName: locale === 'en' ? r.name_en : r.name_zh, state: r.state, startsAt: r.starts_at, endsAt: r.ends_at,
    venue: r.venue, videoUrl: r.video_url, agendaTitles: (r.agenda ?? []).map((a) => a.title), cancelReason: r.cancel_reason,
    version: r.version, updatedAt: r.updated_at,
  };
}

export function meetingToCalendar(m: Meeting, locale: Locale): CalendarMeeting {
  return {
    id: m.id, title: m.title, typeName: locale === 'en' ? m.typeNameEn : m.typeNameZh, state: m.state, startsAt: new Date(m.startsAt),
    endsAt: new Date(m.endsAt), venue: m.venue, videoUrl: m.videoUrl, agendaTitles: m.agenda.map((a) => a.title), cancelReason: m.cancelReason,
    version: m.version, updatedAt: new Date(m.updatedAt),
  };
}

/**
 * Personal iCalendar feeds (a secret URL per user, revocable) and .ics files of single meetings.
 * The token is the only credential of the feed URL, so it is long and random and replaced on rotate.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly meetings: MeetingsService,
  ) {}

  /** PUBLIC_URL when configured, else the address the request came in on. */
  baseUrl(requestOrigin: string): string {
    return (this.config.PUBLIC_URL ?? requestOrigin).replace(/\/+$/, '');
  }

  private feed(row: { token: string; created_at: Date } | undefined, origin: string): CalendarFeed {
    if (!row) return { url: null, createdAt: null };
    return { url: `${this.baseUrl(origin)}/api/calendar/feed/${row.token}/meetings.ics`, createdAt: row.created_at.toISOString() };
  }

  async getFeed(userId: string, origin: string): Promise<CalendarFeed> {
    const [row] = await this.ds.query(`SELECT token, created_at FROM calendar_feeds WHERE user_id = $1`, [userId]);
    return this.feed(row, origin);
  }

  /** Creates the feed, or replaces its token so the old URL stops working. */
  async rotate(user: SessionUser, origin: string): Promise<CalendarFeed> {
    const token = randomBytes(32).toString('base64url');
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()
         RETURNING token, created_at, (xmax::text <> '0') AS replaced`,
        [user.id, token],
      );
      await this.audit.record({ actorId: user.id, action: row.replaced ? 'calendar_feed.rotate' : 'calendar_feed.create', entity: 'calendar_feed', entityId: user.id }, m);
      return this.feed(row, origin);
    });
  }

  async revoke(user: SessionUser): Promise<{ ok: true }> {
    await this.ds.transaction(async (m) => {
      const [, deleted] = await m.query(`DELETE FROM calendar_feeds WHERE user_id = $1`, [user.id]);
      if (deleted) await this.audit.record({ actorId: user.id, action: 'calendar_feed.revoke', entity: 'calendar_feed', entityId: user.id }, m);
    });
    return { ok: true };
  }

  /** The feed of the token's owner: meetings they are invited to (and did not decline). */
  async feedIcs(token: string, origin: string, now = new Date()): Promise<string> {
    const [owner]: Array<{ user_id: string; locale: Locale }> = await this.ds.query(
      `SELECT f.user_id, u.locale FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token = $1 AND u.active`,
      [token],
    );
    if (!owner) throw new AppException('CALENDAR_FEED_NOT_FOUND');
    const rows: FeedMeetingRow[] = await this.ds.query(
      `SELECT m.id, m.title, m.state, m.starts_at, m.ends_at, m.venue, m.video_url, m.agenda, m.cancel_reason, m.version, m.updated_at,
              t.name_zh, t.name_en
         FROM meeting_invitations i
         JOIN meetings m ON m.id = i.meeting_id
         JOIN meeting_types t ON t.id = m.type_id
        WHERE i.user_id = $1 AND i.state <> 'declined'
          AND m.ends_at >= $2::timestamptz - make_interval(days => $3) AND m.starts_at <= $2::timestamptz + make_interval(days => $4)
        ORDER BY m.starts_at, m.id`,
      [owner.user_id, now.toISOString(), FEED_DAYS_BACK, FEED_DAYS_AHEAD],
    );
    const baseUrl = this.baseUrl(origin);
    return serializeCalendar({
      name: calendarName(this.config.ORG_NAME, owner.locale),
      timeZone: await this.timeZone(),
      refreshMinutes: FEED_REFRESH_MINUTES,
      stamp: now,
      events: rows.map((r) => meetingEvent(toCalendarMeeting(r, owner.locale), { locale: owner.locale, baseUrl })),
    });
  }

  /** One meeting as a calendar file, for anyone who may see the meeting (else NOT_FOUND). */
  async meetingIcs(meetingId: string, viewer: SessionUser, origin: string): Promise<{ fileName: string; body: string }> {
    const meeting = await this.meetings.findVisible(meetingId, viewer);
    const body = serializeCalendar({
      name: meeting.title,
      timeZone: await this.timeZone(),
      events: [meetingEvent(meetingToCalendar(meeting, viewer.locale), { locale: viewer.locale, baseUrl: this.baseUrl(origin) })],
    });
    return { fileName: `${meeting.title}.ics`, body };
  }

  private async timeZone(): Promise<string> {
    return (await this.settings.get()).timeZone;
  }
}
