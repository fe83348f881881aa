import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MeetingState, SchedulingWarning } from '@xieshang/contracts';
import { conflictWarnings, isSchedulable, periodWarnings, type BookedMeeting } from '@xieshang/domain';
import { SettingsService } from '../settings/settings.service';

/** A meeting as the scheduling rules see it: saved (with id) or a draft being checked. */
export interface SchedulingDraft {
  id?: string | null;
  state: MeetingState;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  hostId: string | null;
  inviteeIds: readonly string[];
  noticeWorkingDays: number;
  materialsWorkingDays: number;
}

/** Replies that free a person for another meeting at the same time. */
const NOT_COMING = ['declined', 'leave_approved'];

/**
 * Loads what the pure scheduling rules in libs/domain judge: the organisation calendar and the
 * overlapping non-cancelled meetings that share a person, the venue or the host.
 */
@Injectable()
export class MeetingSchedulingService {
  constructor(private readonly settings: SettingsService) {}

  async warnings(m: EntityManager, draft: SchedulingDraft, now = new Date()): Promise<SchedulingWarning[]> {
    if (!isSchedulable(draft.state)) return [];
    const calendar = await this.settings.workingCalendar(m);
    const period = periodWarnings({ ...draft, now }, calendar);
    const people = [...new Set([...draft.inviteeIds, ...(draft.hostId ? [draft.hostId] : [])])];
    const rows: Array<{ id: string; title: string; starts_at: Date; ends_at: Date; venue: string | null; host_id: string | null; invitee_ids: string[] }> = await m.query(
      `SELECT o.id, o.title, o.starts_at, o.ends_at, o.venue, o.host_id,
              coalesce(array_agg(i.user_id) FILTER (WHERE i.user_id IS NOT NULL), '{}') AS invitee_ids
         FROM meetings o
         LEFT JOIN meeting_invitations i ON i.meeting_id = o.id AND i.user_id = ANY($3::uuid[]) AND i.state <> ALL($4::text[])
        WHERE o.state <> 'cancelled' AND o.starts_at < $2 AND o.ends_at > $1 AND o.id IS DISTINCT FROM $5::uuid
        GROUP BY o.id
        ORDER BY o.starts_at, o.id`,
      [draft.startsAt, draft.endsAt, people, NOT_COMING, draft.id ?? null],
    );
    if (!rows.length) return period;
    const others: BookedMeeting[] = rows.map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, endsAt: r.ends_at, venue: r.venue, hostId: r.host_id, inviteeIds: r.invitee_ids }));
    const named = [...new Set(others.flatMap((o) => o.inviteeIds).concat(draft.hostId ? [draft.hostId] : []))];
    const nameRows: Array<{ id: string; name: string }> = named.length ? await m.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [named]) : [];
    const names = new Map(nameRows.map((r) => [r.id, r.name]));
    return [...period, ...conflictWarnings(draft, others, (id) => names.get(id) ?? '')];
  }
}
