import type { EntityManager } from 'typeorm';
import type { AttendanceStatus, DutyEventKind, InvitationState } from '@xieshang/contracts';
import { finalAttendance, type CheckInMode, type DutyEvent } from '@xieshang/domain';
import { ENDED_MEETING_STATES } from '../attendance/meeting-context';

/*
 * Credited events, read from the tables that already record them — never copied into a table of our
 * own, so a correction anywhere (an attendance fixed, a topic rejected) shows in the record at once.
 * Each reader takes the year in the organisation's time zone and, optionally, the users to read for.
 */

export interface EventScope {
  year: number;
  timeZone: string;
  /** null: everyone */
  userIds: string[] | null;
}

type Events = Map<string, DutyEvent[]>;

const add = (out: Events, userId: string, e: DutyEvent) => {
  const list = out.get(userId);
  if (list) list.push(e);
  else out.set(userId, [e]);
};
const iso = (d: Date | string) => new Date(d).toISOString();

/** `col` falls in the scope's year, in the organisation's time zone. $1 year, $2 time zone, $3 users. */
const inYear = (col: string) =>
  `${col} >= make_timestamptz($1::int, 1, 1, 0, 0, 0, $2::text) AND ${col} < make_timestamptz($1::int + 1, 1, 1, 0, 0, 0, $2::text)`;
const forUsers = (col: string, n = 3) => `($${n}::uuid[] IS NULL OR ${col} = ANY($${n}::uuid[]))`;
const args = (s: EventScope) => [s.year, s.timeZone, s.userIds];

const ATTENDANCE_KIND: Record<AttendanceStatus, DutyEventKind> = { present: 'attendance_present', excused: 'attendance_excused', absent: 'attendance_absent' };

/** Attendance of meetings of the year that took place and ended (as the attendance report counts it). */
async function attendance(m: EntityManager, s: EventScope, out: Events): Promise<void> {
  const rows: Array<{ user_id: string; attendance: AttendanceStatus | null; state: InvitationState; check_in_mode: CheckInMode | null; meeting_id: string; title: string; starts_at: Date; code: string }> = await m.query(
    `SELECT i.user_id, i.attendance, i.state, i.check_in_mode, mt.id AS meeting_id, mt.title, mt.starts_at, t.code
       FROM meeting_invitations i JOIN meetings mt ON mt.id = i.meeting_id JOIN meeting_types t ON t.id = mt.type_id
      WHERE mt.state = ANY($4) AND ${inYear('mt.starts_at')} AND ${forUsers('i.user_id')}`,
    [...args(s), ENDED_MEETING_STATES],
  );
  for (const r of rows) {
    // The meetings module fixes attendance when a meeting ends; derive it the same way if a row missed it.
    const status = r.attendance ?? finalAttendance({ state: r.state, checkInMode: r.check_in_mode }).status;
    add(out, r.user_id, { kind: ATTENDANCE_KIND[status], occurredAt: iso(r.starts_at), meetingTypeCode: r.code, source: { type: 'meeting', id: r.meeting_id, meetingId: r.meeting_id, title: r.title } });
  }
}

/** Each turn at the floor in a live session. Department responses are the departments', not members' duty. */
async function speakingLog(m: EntityManager, s: EventScope, out: Events): Promise<void> {
  const rows: Array<{ id: string; member_id: string; started_at: Date; meeting_id: string; title: string; code: string }> = await m.query(
    `SELECT l.id, l.member_id, l.started_at, mt.id AS meeting_id, mt.title, t.code
       FROM speaking_log l JOIN meetings mt ON mt.id = l.meeting_id JOIN meeting_types t ON t.id = mt.type_id
      WHERE l.kind <> 'department_response' AND ${inYear('l.started_at')} AND ${forUsers('l.member_id')}`,
    args(s),
  );
  for (const r of rows) {
    add(out, r.member_id, { kind: 'speech_given', occurredAt: iso(r.started_at), meetingTypeCode: r.code, source: { type: 'speaking_log', id: r.id, meetingId: r.meeting_id, title: r.title } });
  }
}

/** Arranged speeches the office accepted, oral or written only, for meetings of the year not cancelled. */
async function speeches(m: EntityManager, s: EventScope, out: Events): Promise<void> {
  const rows: Array<{ id: string; author_id: string; title: string; state: 'oral' | 'written_only'; starts_at: Date; meeting_id: string; code: string }> = await m.query(
    `SELECT sp.id, sp.author_id, sp.title, sp.state, mt.starts_at, mt.id AS meeting_id, t.code
       FROM meeting_speeches sp JOIN meetings mt ON mt.id = sp.meeting_id JOIN meeting_types t ON t.id = mt.type_id
      WHERE sp.state IN ('oral', 'written_only') AND mt.state <> 'cancelled' AND ${inYear('mt.starts_at')} AND ${forUsers('sp.author_id')}`,
    args(s),
  );
  for (const r of rows) {
    add(out, r.author_id, { kind: r.state === 'oral' ? 'speech_oral' : 'speech_written', occurredAt: iso(r.starts_at), meetingTypeCode: r.code, source: { type: 'speech', id: r.id, meetingId: r.meeting_id, title: r.title } });
  }
}

/**
 * Topics of the year (topics.year): proposed (alone or as the lead of a joint topic), co-signed
 * (confirmed), and selected into the plan (the proposer). Rejected topics and duplicates merged into
 * another earn nothing: the survivor carries the credit.
 */
async function topics(m: EntityManager, s: EventScope, out: Events): Promise<void> {
  const proposed: Array<{ id: string; proposer_id: string; title: string; state: string; created_at: Date; selected_at: Date | null }> = await m.query(
    `SELECT t.id, t.proposer_id, t.title, t.state, t.created_at,
            (SELECT max(e.at) FROM topic_events e WHERE e.topic_id = t.id AND e.to_state = 'selected') AS selected_at
       FROM topics t
      WHERE t.year = $1 AND t.proposer_id IS NOT NULL AND t.state NOT IN ('rejected', 'merged') AND ${forUsers('t.proposer_id', 2)}`,
    [s.year, s.userIds],
  );
  for (const r of proposed) {
    const source = { type: 'topic' as const, id: r.id, meetingId: null, title: r.title };
    add(out, r.proposer_id, { kind: 'topic_proposed', occurredAt: iso(r.created_at), source });
    if (r.state === 'selected') add(out, r.proposer_id, { kind: 'topic_selected', occurredAt: iso(r.selected_at ?? r.created_at), source });
  }
  const cosigned: Array<{ id: string; user_id: string; title: string; at: Date }> = await m.query(
    `SELECT t.id, c.user_id, t.title, coalesce(c.responded_at, c.invited_at) AS at
       FROM topic_co_signers c JOIN topics t ON t.id = c.topic_id
      WHERE c.state = 'confirmed' AND t.year = $1 AND t.state NOT IN ('rejected', 'merged') AND ${forUsers('c.user_id', 2)}`,
    [s.year, s.userIds],
  );
  for (const r of cosigned) {
    add(out, r.user_id, { kind: 'topic_cosigned', occurredAt: iso(r.at), source: { type: 'topic', id: r.id, meetingId: null, title: r.title } });
  }
}

/**
 * Documents a member helps write: one line per document where they are an editor (document_members),
 * in the year they were made one. Not the collaboration log (collab_updates): compaction folds and
 * deletes its rows, so credits read from it would vanish and a recompute would not be repeatable.
 */
async function documents(m: EntityManager, s: EventScope, out: Events): Promise<void> {
  const rows: Array<{ document_id: string; user_id: string; title: string; at: Date }> = await m.query(
    `SELECT dm.document_id, dm.user_id, d.title, dm.added_at AS at
       FROM document_members dm JOIN documents d ON d.id = dm.document_id
      WHERE dm.role = 'editor' AND ${inYear('dm.added_at')} AND ${forUsers('dm.user_id')}`,
    args(s),
  );
  for (const r of rows) {
    add(out, r.user_id, { kind: 'document_contribution', occurredAt: iso(r.at), source: { type: 'document', id: r.document_id, meetingId: null, title: r.title } });
  }
}

/** The office's manual entries that are not withdrawn. */
async function manualEntries(m: EntityManager, s: EventScope, out: Events): Promise<void> {
  const rows: Array<{ id: string; user_id: string; points: number; reason: string; at: Date }> = await m.query(
    `SELECT e.id, e.user_id, e.points::float8 AS points, e.reason, (e.occurred_on::timestamp AT TIME ZONE $2::text) AS at
       FROM duty_entries e WHERE e.deleted_at IS NULL AND e.year = $1 AND ${forUsers('e.user_id')}`,
    args(s),
  );
  for (const r of rows) {
    add(out, r.user_id, { kind: 'manual', occurredAt: iso(r.at), points: r.points, note: r.reason, source: { type: 'manual', id: r.id, meetingId: null, title: r.reason } });
  }
}

/** Every credited event of the year, by user. */
export async function loadDutyEvents(m: EntityManager, scope: EventScope): Promise<Events> {
  const out: Events = new Map();
  for (const read of [attendance, speakingLog, speeches, topics, documents, manualEntries]) await read(m, scope, out);
  return out;
}
