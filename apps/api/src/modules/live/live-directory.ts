import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LiveAgendaItem, MeetingMode, MeetingState, Role } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import { TtlCache } from './ttl-cache';

export interface LiveMeetingInfo {
  id: string;
  state: MeetingState;
  hostId: string | null;
  title: string;
  mode: MeetingMode;
  startsAt: Date;
  agenda: LiveAgendaItem[];
  speakingLimitMinutes: number;
  firstTimeFirst: boolean;
}

/** A person as the live room shows them: name and sector come from the directory, never from a payload. */
export interface LivePerson {
  id: string;
  name: string;
  sectorName: string | null;
  departmentId: string | null;
  roles: Role[];
}

export interface LiveInvitee {
  state: string;
  checkedIn: boolean;
}

interface InviteeMap {
  byUser: Map<string, LiveInvitee>;
}

const MEETING_TTL_MS = 10_000;
const INVITEES_TTL_MS = 30_000;
const PEOPLE_TTL_MS = 5 * 60_000;

type PersonRow = { id: string; name: string; roles: Role[]; department_id: string | null; sector_name: string | null };
const toPerson = (r: PersonRow): LivePerson => ({ id: r.id, name: r.name, roles: r.roles, departmentId: r.department_id, sectorName: r.sector_name });
const PERSON_COLUMNS = `u.id, u.name, u.roles, u.department_id, s.name AS sector_name`;

/**
 * Per-meeting lookups the live room needs on every join and command, cached for seconds so that the
 * hot path asks PostgreSQL nothing it asked a moment ago. A user invited a moment ago is looked up
 * directly on a miss, so the cache never refuses someone it should let in.
 */
@Injectable()
export class LiveDirectory {
  private readonly meetings = new TtlCache<string, LiveMeetingInfo>(MEETING_TTL_MS);
  private readonly invitees = new TtlCache<string, InviteeMap>(INVITEES_TTL_MS);
  private readonly people = new TtlCache<string, LivePerson | null>(PEOPLE_TTL_MS, 50_000);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  meeting(meetingId: string): Promise<LiveMeetingInfo> {
    return this.meetings.get(meetingId, () => this.loadMeeting(meetingId));
  }

  /** After this instance moved the meeting (session opened or ended). */
  meetingStateChanged(meetingId: string): void {
    this.meetings.delete(meetingId);
    this.invitees.delete(meetingId);
  }

  /** Fresh from PostgreSQL (in the caller's transaction when given). */
  async loadMeeting(meetingId: string, q: Pick<EntityManager, 'query'> = this.ds): Promise<LiveMeetingInfo> {
    const [r]: Array<{
      id: string; state: MeetingState; host_id: string | null; title: string; mode: MeetingMode; starts_at: Date;
      agenda: unknown; speaking_limit_minutes: number; first_time_first: boolean;
    }> = await q.query(
      `SELECT id, state, host_id, title, mode, starts_at, agenda, speaking_limit_minutes, first_time_first FROM meetings WHERE id = $1`,
      [meetingId],
    );
    if (!r) throw new AppException('NOT_FOUND');
    return {
      id: r.id, state: r.state, hostId: r.host_id, title: r.title, mode: r.mode, startsAt: r.starts_at,
      agenda: Array.isArray(r.agenda) ? (r.agenda as LiveAgendaItem[]) : [],
      speakingLimitMinutes: r.speaking_limit_minutes, firstTimeFirst: r.first_time_first,
    };
  }

  async invitee(meetingId: string, userId: string): Promise<LiveInvitee | null> {
    const map = await this.invitees.get(meetingId, () => this.loadInvitees(meetingId));
    const hit = map.byUser.get(userId);
    if (hit) return hit;
    const [r]: Array<{ state: string; check_in_mode: string | null }> = await this.ds.query(
      `SELECT state, check_in_mode FROM meeting_invitations WHERE meeting_id = $1 AND user_id = $2`,
      [meetingId, userId],
    );
    if (!r) return null;
    const found = { state: r.state, checkedIn: r.check_in_mode !== null };
    map.byUser.set(userId, found);
    return found;
  }

  markCheckedIn(meetingId: string, userId: string): void {
    void this.invitees.get(meetingId, () => this.loadInvitees(meetingId)).then(
      (m) => m.byUser.set(userId, { state: 'checked_in', checkedIn: true }),
      () => undefined,
    );
  }

  /** One query for all invitees, which also warms the people cache (names and sectors for the queue). */
  private async loadInvitees(meetingId: string): Promise<InviteeMap> {
    const rows: Array<PersonRow & { user_id: string; state: string; check_in_mode: string | null; active: boolean }> = await this.ds.query(
      `SELECT i.user_id, i.state, i.check_in_mode, u.active, ${PERSON_COLUMNS}
         FROM meeting_invitations i JOIN users u ON u.id = i.user_id LEFT JOIN sectors s ON s.id = u.sector_id
        WHERE i.meeting_id = $1`,
      [meetingId],
    );
    const byUser = new Map<string, LiveInvitee>();
    for (const r of rows) {
      byUser.set(r.user_id, { state: r.state, checkedIn: r.check_in_mode !== null });
      this.people.set(r.id, r.active ? toPerson(r) : null);
    }
    return { byUser };
  }

  /** An active user, or null. */
  person(userId: string): Promise<LivePerson | null> {
    return this.people.get(userId, async () => {
      const [r]: PersonRow[] = await this.ds.query(
        `SELECT ${PERSON_COLUMNS} FROM users u LEFT JOIN sectors s ON s.id = u.sector_id WHERE u.id = $1 AND u.active`,
        [userId],
      );
      return r ? toPerson(r) : null;
    });
  }

  clear(): void {
    this.meetings.clear();
    this.invitees.clear();
    this.people.clear();
  }
}
