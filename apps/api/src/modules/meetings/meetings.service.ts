import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type {
  FieldIssue,
  InvitationState,
  Meeting,
  MeetingInput,
  MeetingListQuery,
  MeetingPatch,
  MeetingState,
  MeetingSummary,
  Page,
  SchedulingWarning,
  SessionUser,
} from '@xieshang/contracts';
import { canSeeMeeting, finalAttendance, isTransitionError, meetingMachine, PUBLISHED_MEETING_STATES, seesAllMeetings, type MeetingViewer, type WorkflowActor } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { assertSelectionRefs, EMPTY_SELECTION, expandSelection, normaliseSelection } from './invitees';
import { MeetingSchedulingService } from './meeting-scheduling.service';
import { MeetingTypeEntity } from './meeting-type.entity';
import { agendaWithIds, countInvitations, MEETING_COLUMNS, MEETING_FROM, toMeeting, toSummary, type MeetingRow } from './meeting-view';

/** Meetings that ran or were called off keep their record as it was: no more edits. */
export const LOCKED_STATES: readonly MeetingState[] = ['live', 'minutes', 'reported', 'closed', 'cancelled'];
/** Invitees have been told: changes to time or place and new invitees are announced. */
const ANNOUNCED_STATES: readonly MeetingState[] = ['notified', 'materials_sent'];
const NOT_COMING: readonly InvitationState[] = ['declined', 'leave_approved'];

export interface TransitionOutcome {
  from: MeetingState;
  to: MeetingState;
  version: number;
}

const issue = (path: string, code: string, message: string): FieldIssue => ({ path, code, message });
const invalid = (path: string, code: string, message: string) => new AppException('VALIDATION_FAILED', undefined, [issue(path, code, message)]);

/** 12 random letters and digits: unguessable enough for a meeting room name. */
function roomSuffix(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
    private readonly scheduling: MeetingSchedulingService,
  ) {}

  // ---- reading ----

  async list(q: MeetingListQuery, viewer: MeetingViewer): Promise<Page<MeetingSummary>> {
    const args: unknown[] = [viewer.id];
    const arg = (v: unknown) => (args.push(v), `$${args.length}`);
    const where: string[] = [];
    // The SQL form of canSeeMeeting (libs/domain), using the same list of published states.
    if (!seesAllMeetings(viewer)) where.push(`(mine.id IS NOT NULL OR m.state = ANY(${arg(PUBLISHED_MEETING_STATES)}::text[]))`);
    if (q.from) where.push(`m.ends_at > ${arg(q.from)}`);
    if (q.to) where.push(`m.starts_at < ${arg(q.to)}`);
    if (q.state) where.push(`m.state = ${arg(q.state)}`);
    if (q.typeId) where.push(`m.type_id = ${arg(q.typeId)}`);
    if (q.mine === 'true') where.push(`mine.id IS NOT NULL`);
    if (q.q) where.push(`m.title ILIKE ${arg(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM ${MEETING_FROM} ${w}`, args);
    const rows: MeetingRow[] = await this.ds.query(
      `SELECT ${MEETING_COLUMNS}, mine.state AS my_state FROM ${MEETING_FROM} ${w}
        ORDER BY m.starts_at, m.id LIMIT ${arg(q.pageSize)} OFFSET ${arg((q.page - 1) * q.pageSize)}`,
      args,
    );
    return { items: rows.map(toSummary), total: count, page: q.page, pageSize: q.pageSize };
  }

  private async row(m: EntityManager, id: string, viewerId: string, lock = false): Promise<MeetingRow | undefined> {
    const [row]: MeetingRow[] = await m.query(
      `SELECT ${MEETING_COLUMNS}, mine.state AS my_state FROM ${MEETING_FROM} WHERE m.id = $2 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [viewerId, id],
    );
    return row;
  }

  /**
   * The meeting as `viewer` may see it, with counts, materials, warnings and the actions the viewer
   * may take; NOT_FOUND when it does not exist or is hidden from them (libs/domain visibility).
   */
  async findVisible(meetingId: string, viewer: MeetingViewer, m: EntityManager = this.ds.manager): Promise<Meeting> {
    return this.present(m, await this.visibleRow(meetingId, viewer, m), viewer);
  }

  /** The bare row when the viewer may see the meeting; for checks that need no counts or warnings. */
  async visibleRow(meetingId: string, viewer: MeetingViewer, m: EntityManager = this.ds.manager): Promise<MeetingRow> {
    const row = await this.row(m, meetingId, viewer.id);
    if (!row || !canSeeMeeting(viewer, { state: row.state, invited: row.my_state !== null })) throw new AppException('NOT_FOUND');
    return row;
  }

  private async present(m: EntityManager, row: MeetingRow, viewer: MeetingViewer): Promise<Meeting> {
    const counts: Array<{ state: InvitationState; n: number }> = await m.query(
      `SELECT state, count(*)::int AS n FROM meeting_invitations WHERE meeting_id = $1 GROUP BY state`,
      [row.id],
    );
    const materials: Array<{ id: string; file_name: string; mime_type: string; size_bytes: number; sha256: string; uploaded_at: Date; uploaded_by_name: string | null }> = await m.query(
      `SELECT mm.id, mm.file_name, mm.mime_type, mm.size_bytes, mm.sha256, mm.uploaded_at, u.name AS uploaded_by_name
         FROM meeting_materials mm LEFT JOIN users u ON u.id = mm.uploaded_by WHERE mm.meeting_id = $1 ORDER BY mm.uploaded_at, mm.id`,
      [row.id],
    );
    const actor: WorkflowActor = { id: viewer.id, roles: viewer.roles };
    return toMeeting(row, {
      counts: countInvitations(counts),
      materials: materials.map((r) => ({
        id: r.id, fileName: r.file_name, mimeType: r.mime_type, sizeBytes: r.size_bytes, sha256: r.sha256, uploadedAt: r.uploaded_at.toISOString(), uploadedByName: r.uploaded_by_name,
      })),
      warnings: await this.savedWarnings(m, row),
      allowedActions: meetingMachine.allowedActions(actor, { state: row.state, hostId: row.host_id }),
    });
  }

  private async savedWarnings(m: EntityManager, row: MeetingRow): Promise<SchedulingWarning[]> {
    const invitees: Array<{ user_id: string }> = await m.query(
      `SELECT user_id FROM meeting_invitations WHERE meeting_id = $1 AND state <> ALL($2::text[])`,
      [row.id, NOT_COMING],
    );
    return this.scheduling.warnings(m, {
      id: row.id, state: row.state, startsAt: row.starts_at, endsAt: row.ends_at, venue: row.venue, hostId: row.host_id,
      inviteeIds: invitees.map((i) => i.user_id), noticeWorkingDays: row.notice_working_days, materialsWorkingDays: row.materials_working_days,
    });
  }

  // ---- validation shared by create, update and check ----

  private async requireType(m: EntityManager, typeId: string): Promise<MeetingTypeEntity> {
    const type = await m.findOne(MeetingTypeEntity, { where: { id: typeId } });
    if (!type || !type.active) throw invalid('body.typeId', 'unknown', 'No such active meeting type');
    return type;
  }

  /** The host runs the live session: a chair or someone from the office. */
  private async assertHost(m: EntityManager, hostId: string | null | undefined): Promise<void> {
    if (!hostId) return;
    const [ok] = await m.query(`SELECT 1 FROM users WHERE id = $1 AND active AND roles && ARRAY['chair', 'admin']::text[]`, [hostId]);
    if (!ok) throw invalid('body.hostId', 'not_a_host', 'The host must be an active chair or office account');
  }

  private async assertCommittee(m: EntityManager, committeeId: string | null | undefined): Promise<void> {
    if (!committeeId) return;
    const [ok] = await m.query(`SELECT 1 FROM committees WHERE id = $1`, [committeeId]);
    if (!ok) throw invalid('body.committeeId', 'unknown', 'No such committee');
  }

  /** createJitsiRoom makes a fresh room on the organisation's Jitsi server; otherwise the pasted link. */
  private async videoUrlFor(m: EntityManager, input: Pick<MeetingPatch, 'createJitsiRoom' | 'videoUrl'>): Promise<string | null | undefined> {
    if (!input.createJitsiRoom) return input.videoUrl;
    const { jitsiBaseUrl } = await this.settings.get(m);
    if (!jitsiBaseUrl) throw invalid('body.createJitsiRoom', 'not_configured', 'No Jitsi server is configured in the settings; paste a video link instead');
    return `${jitsiBaseUrl.replace(/\/+$/, '')}/Xieshang-${roomSuffix()}`;
  }

  private async inviteesOf(m: EntityManager, selection: MeetingInput['invitees']): Promise<string[]> {
    const s = normaliseSelection(selection ?? EMPTY_SELECTION);
    await assertSelectionRefs(m, s);
    return expandSelection(m, s);
  }

  // ---- writing ----

  /** Warnings for a meeting not saved yet, or for unsaved edits of `meetingId` (which must not clash with itself). */
  async check(input: MeetingInput, meetingId?: string): Promise<SchedulingWarning[]> {
    const m = this.ds.manager;
    const type = await this.requireType(m, input.typeId);
    await this.assertHost(m, input.hostId);
    const existing: Array<{ state: MeetingState }> = meetingId ? await m.query(`SELECT state FROM meetings WHERE id = $1`, [meetingId]) : [];
    if (meetingId && !existing.length) throw new AppException('NOT_FOUND');
    return this.scheduling.warnings(m, {
      id: meetingId,
      state: existing[0]?.state ?? 'planned', startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), venue: input.venue ?? null, hostId: input.hostId ?? null,
      inviteeIds: await this.inviteesOf(m, input.invitees), noticeWorkingDays: type.noticeWorkingDays, materialsWorkingDays: type.materialsWorkingDays,
    });
  }

  async create(actor: SessionUser, input: MeetingInput): Promise<Meeting> {
    return this.ds.transaction(async (m) => {
      const type = await this.requireType(m, input.typeId);
      await this.assertHost(m, input.hostId);
      await this.assertCommittee(m, input.committeeId);
      const selection = normaliseSelection(input.invitees ?? EMPTY_SELECTION);
      const inviteeIds = await this.inviteesOf(m, selection);
      const videoUrl = await this.videoUrlFor(m, input);
      const agenda = agendaWithIds(input.agenda ?? type.defaultAgenda);
      const [{ id }] = await m.query(
        `INSERT INTO meetings (type_id, title, description, state, starts_at, ends_at, venue, mode, video_url, host_id, committee_id, plan_item_id,
           agenda, invitee_selection, reply_deadline, first_time_first, speaking_limit_minutes, created_by)
         VALUES ($1,$2,$3,'planned',$4,$5,$6,$7,$8,$9,$10,$11,$12::jsonb,$13::jsonb,$14,$15,$16,$17) RETURNING id`,
        [
          type.id, input.title, input.description ?? null, input.startsAt, input.endsAt, input.venue ?? null, input.mode, videoUrl ?? null, input.hostId ?? null,
          input.committeeId ?? null, input.planItemId ?? null, JSON.stringify(agenda), JSON.stringify(selection), input.replyDeadline ?? null,
          input.firstTimeFirst ?? false, type.speakingLimitMinutes, actor.id,
        ],
      );
      await this.invite(m, id, inviteeIds);
      await this.audit.record({ actorId: actor.id, action: 'meeting.created', entity: 'meeting', entityId: id, data: { title: input.title, typeCode: type.code, startsAt: input.startsAt, invitees: inviteeIds.length } }, m);
      return this.findVisible(id, actor, m);
    });
  }

  private async invite(m: EntityManager, meetingId: string, userIds: readonly string[]): Promise<void> {
    if (!userIds.length) return;
    await m.query(
      `INSERT INTO meeting_invitations (meeting_id, user_id, state) SELECT $1, unnest($2::uuid[]), 'invited' ON CONFLICT (meeting_id, user_id) DO NOTHING`,
      [meetingId, userIds],
    );
  }

  async update(actor: SessionUser, id: string, patch: MeetingPatch): Promise<Meeting> {
    return this.ds.transaction(async (m) => {
      const cur = await this.row(m, id, actor.id, true);
      if (!cur) throw new AppException('NOT_FOUND');
      if (LOCKED_STATES.includes(cur.state)) throw new AppException('MEETING_LOCKED', { state: cur.state });

      const startsAt = patch.startsAt ? new Date(patch.startsAt) : cur.starts_at;
      const endsAt = patch.endsAt ? new Date(patch.endsAt) : cur.ends_at;
      if (endsAt <= startsAt) throw invalid('body.endsAt', 'custom', 'ends before it starts');
      const set: Record<string, unknown> = {};
      if (patch.typeId && patch.typeId !== cur.type_id) {
        const type = await this.requireType(m, patch.typeId);
        set.type_id = type.id;
        set.speaking_limit_minutes = type.speakingLimitMinutes;
      }
      if (patch.hostId !== undefined) await this.assertHost(m, patch.hostId);
      if (patch.committeeId !== undefined) await this.assertCommittee(m, patch.committeeId);
      const simple = { title: 'title', description: 'description', venue: 'venue', mode: 'mode', hostId: 'host_id', committeeId: 'committee_id', planItemId: 'plan_item_id', replyDeadline: 'reply_deadline', firstTimeFirst: 'first_time_first' } as const;
      for (const [key, column] of Object.entries(simple) as Array<[keyof typeof simple, string]>) {
        if (patch[key] !== undefined) set[column] = patch[key];
      }
      if (patch.startsAt) set.starts_at = patch.startsAt;
      if (patch.endsAt) set.ends_at = patch.endsAt;
      if (patch.createJitsiRoom || patch.videoUrl !== undefined) set.video_url = (await this.videoUrlFor(m, patch)) ?? null;
      if (patch.agenda) set.agenda = JSON.stringify(agendaWithIds(patch.agenda));

      let added: string[] = [];
      let removed: string[] = [];
      if (patch.invitees) {
        const selection = normaliseSelection(patch.invitees);
        const wanted = new Set(await this.inviteesOf(m, selection));
        const current: Array<{ user_id: string; state: InvitationState }> = await m.query(`SELECT user_id, state FROM meeting_invitations WHERE meeting_id = $1`, [id]);
        const have = new Set(current.map((c) => c.user_id));
        added = [...wanted].filter((u) => !have.has(u));
        // Someone already checked in stays on the list: their attendance is a fact.
        removed = current.filter((c) => !wanted.has(c.user_id) && c.state !== 'checked_in').map((c) => c.user_id);
        set.invitee_selection = JSON.stringify(selection);
        if (removed.length) await m.query(`DELETE FROM meeting_invitations WHERE meeting_id = $1 AND user_id = ANY($2::uuid[])`, [id, removed]);
        await this.invite(m, id, added);
      }

      const columns = Object.keys(set);
      const values = Object.values(set);
      const jsonColumns = new Set(['agenda', 'invitee_selection']);
      const assignments = columns.map((c, i) => `${c} = $${i + 2}${jsonColumns.has(c) ? '::jsonb' : ''}`);
      await m.query(`UPDATE meetings SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, ...values]);

      const venue = patch.venue !== undefined ? patch.venue ?? null : cur.venue;
      const moved = startsAt.getTime() !== cur.starts_at.getTime() || endsAt.getTime() !== cur.ends_at.getTime() || venue !== cur.venue;
      if (ANNOUNCED_STATES.includes(cur.state)) {
        const title = patch.title ?? cur.title;
        const where = { title, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), venue: venue ?? '' };
        await this.notifications.notify({ userIds: added, kind: 'invited', meetingId: id, params: where }, m);
        if (moved) {
          const told: Array<{ user_id: string }> = await m.query(`SELECT user_id FROM meeting_invitations WHERE meeting_id = $1 AND user_id <> ALL($2::uuid[])`, [id, added]);
          await this.notifications.notify({
            userIds: told.map((r) => r.user_id), kind: 'time_changed', meetingId: id,
            params: { ...where, previousStartsAt: cur.starts_at.toISOString(), previousVenue: cur.venue ?? '' },
          }, m);
        }
      }
      const { createJitsiRoom: _room, ...logged } = patch;
      await this.audit.record({ actorId: actor.id, action: 'meeting.updated', entity: 'meeting', entityId: id, data: { changes: Object.keys(logged), ...(patch.invitees ? { added: added.length, removed: removed.length } : {}), ...(moved ? { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), venue } : {}) } }, m);
      return this.findVisible(id, actor, m);
    });
  }

  /**
   * Move a meeting along flow 3 through meetingMachine, with its side effects, in the caller's
   * transaction when one is given (the live module opens and ends sessions this way):
   * notify → 'invited' to every invitee; cancel → 'meeting_cancelled'; end → final attendance.
   */
  async transition(meetingId: string, actor: WorkflowActor, action: string, input: { reason?: string | null; comment?: string | null } = {}, manager?: EntityManager): Promise<TransitionOutcome> {
    if (!manager) return this.ds.transaction((m) => this.transition(meetingId, actor, action, input, m));
    const m = manager;
    const [cur]: Array<{ state: MeetingState; host_id: string | null; title: string; starts_at: Date; venue: string | null }> = await m.query(
      `SELECT state, host_id, title, starts_at, venue FROM meetings WHERE id = $1 FOR UPDATE`,
      [meetingId],
    );
    if (!cur) throw new AppException('NOT_FOUND');
    const result = meetingMachine.apply(actor, { state: cur.state, hostId: cur.host_id }, action, input);
    if (isTransitionError(result)) {
      const { code, params } = result.error;
      if (code === 'VALIDATION_FAILED') throw invalid(`body.${params.field}`, 'required', `${params.field} is required for ${action}`);
      throw new AppException(code, params);
    }
    const to = result.to;
    // TypeORM answers UPDATE … RETURNING with [rows, affected].
    const [[{ version }]]: [Array<{ version: number }>, number] = await m.query(
      `UPDATE meetings SET state = $2, cancel_reason = CASE WHEN $2 = 'cancelled' THEN $3 ELSE cancel_reason END, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING version`,
      [meetingId, to, input.reason ?? null],
    );
    const invitees = async () => ((await m.query(`SELECT user_id FROM meeting_invitations WHERE meeting_id = $1`, [meetingId])) as Array<{ user_id: string }>).map((r) => r.user_id);
    const about = { title: cur.title, startsAt: cur.starts_at.toISOString(), venue: cur.venue ?? '' };
    if (action === 'notify') await this.notifications.notify({ userIds: await invitees(), kind: 'invited', meetingId, params: about }, m);
    if (action === 'cancel') await this.notifications.notify({ userIds: await invitees(), kind: 'meeting_cancelled', meetingId, params: { ...about, reason: input.reason ?? '' } }, m);
    if (action === 'end') await this.settleAttendance(m, meetingId);
    await this.audit.record({ actorId: actor.id, action: `meeting.${action}`, entity: 'meeting', entityId: meetingId, data: { from: cur.state, to, reason: input.reason ?? null, comment: input.comment ?? null } }, m);
    return { from: cur.state, to, version };
  }

  /** Attendance is final when the meeting ends: present, excused or absent by finalAttendance (libs/domain). */
  private async settleAttendance(m: EntityManager, meetingId: string): Promise<void> {
    const rows: Array<{ id: string; state: InvitationState; check_in_mode: 'room' | 'remote' | 'staff' | null }> = await m.query(
      `SELECT id, state, check_in_mode FROM meeting_invitations WHERE meeting_id = $1`,
      [meetingId],
    );
    if (!rows.length) return;
    await m.query(
      `UPDATE meeting_invitations i SET attendance = v.attendance, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(id, attendance) WHERE i.id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => finalAttendance({ state: r.state, checkInMode: r.check_in_mode }).status)],
    );
  }

  /** The REST entry: a hidden meeting is NOT_FOUND before any rule is looked at. */
  async transitionAs(viewer: SessionUser, meetingId: string, action: string, input: { reason?: string | null; comment?: string | null }): Promise<Meeting> {
    await this.visibleRow(meetingId, viewer);
    return this.ds.transaction(async (m) => {
      await this.transition(meetingId, viewer, action, input, m);
      return this.findVisible(meetingId, viewer, m);
    });
  }
}
