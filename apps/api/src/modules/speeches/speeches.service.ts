import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SessionUser, Speech, SpeechAction, SpeechInput } from '@xieshang/contracts';
import { isTransitionError, speechMachine } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { assertNotLocked, inTransaction, loadMeeting, seesAllInvitationDetails } from '../attendance/meeting-context';
import { transitionException } from '../attendance/transition-error';
import { NotificationsService } from '../notifications/notifications.service';
import { findSpeech, meetingSpeeches, toSpeech } from './speech-rows';

/** One arranged speech in the opening order of the live speaking queue. */
export interface OralSpeech {
  speechId: string;
  authorId: string;
  authorName: string;
  sectorName: string | null;
  title: string;
}

/** The office's verdicts: the author hears about each of them. */
const REVIEW_OUTCOMES: readonly SpeechAction[] = ['accept_oral', 'accept_written', 'request_revision', 'divert'];
const EDITABLE_STATES = new Set(['draft', 'needs_revision']);

/** Arranged speeches (flow 5): drafting, review and the running order of oral speeches. */
@Injectable()
export class SpeechesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(meetingId: string, viewer: SessionUser, m: EntityManager = this.ds.manager): Promise<Speech[]> {
    const meeting = await loadMeeting(m, meetingId);
    if (viewer.roles.includes('admin')) return (await meetingSpeeches(m, meeting.id)).map((r) => toSpeech(r, viewer));
    if (!seesAllInvitationDetails(viewer, meeting) && !(await this.isInvited(m, meeting.id, viewer.id))) throw new AppException('FORBIDDEN');
    return (await meetingSpeeches(m, meeting.id, { visibleTo: viewer.id })).map((r) => toSpeech(r, viewer));
  }

  async create(meetingId: string, viewer: SessionUser, input: SpeechInput): Promise<Speech> {
    return this.ds.transaction(async (m) => {
      const meeting = await loadMeeting(m, meetingId);
      if (!(await this.isInvited(m, meeting.id, viewer.id))) throw new AppException('NOT_INVITED');
      assertNotLocked(meeting);
      const [{ id }]: Array<{ id: string }> = await m.query(
        `INSERT INTO meeting_speeches (meeting_id, author_id, title, content, state) VALUES ($1, $2, $3, $4, 'draft') RETURNING id`,
        [meeting.id, viewer.id, input.title, input.content],
      );
      await this.audit.record({ actorId: viewer.id, action: 'speech.created', entity: 'speech', entityId: id, data: { meetingId, title: input.title } }, m);
      return this.get(m, id, viewer);
    });
  }

  async update(id: string, viewer: SessionUser, patch: Partial<SpeechInput>): Promise<Speech> {
    return this.ds.transaction(async (m) => {
      const row = await findSpeech(m, id, true);
      if (!row) throw new AppException('NOT_FOUND');
      if (row.author_id !== viewer.id) throw new AppException('FORBIDDEN');
      assertNotLocked(await loadMeeting(m, row.meeting_id));
      // Submitted text is what the office reviews: it changes only after a withdrawal or a request for revision.
      if (!EDITABLE_STATES.has(row.state)) throw new AppException('CONFLICT', { state: row.state });
      await m.query(
        `UPDATE meeting_speeches SET title = coalesce($2, title), content = coalesce($3, content), updated_at = now() WHERE id = $1`,
        [id, patch.title ?? null, patch.content ?? null],
      );
      await this.audit.record({ actorId: viewer.id, action: 'speech.updated', entity: 'speech', entityId: id, data: { meetingId: row.meeting_id, fields: Object.keys(patch) } }, m);
      return this.get(m, id, viewer);
    });
  }

  async transition(id: string, viewer: SessionUser, action: SpeechAction, comment: string | null): Promise<Speech> {
    return this.ds.transaction(async (m) => {
      const peek = await findSpeech(m, id);
      if (!peek) throw new AppException('NOT_FOUND');
      await this.lockOrder(m, peek.meeting_id);
      const row = await findSpeech(m, id, true);
      if (!row) throw new AppException('NOT_FOUND');
      const meeting = await loadMeeting(m, row.meeting_id);
      assertNotLocked(meeting);
      const result = speechMachine.apply(viewer, { state: row.state, authorId: row.author_id }, action, { comment });
      if (isTransitionError(result)) throw transitionException(result.error);

      const review = REVIEW_OUTCOMES.includes(action);
      await m.query(
        `UPDATE meeting_speeches SET state = $2, updated_at = now(),
            submitted_at = CASE $3::text WHEN 'submit' THEN now() WHEN 'withdraw' THEN NULL ELSE submitted_at END,
            oral_order = CASE WHEN $2 = 'oral' THEN (SELECT coalesce(max(oral_order), 0) + 1 FROM meeting_speeches WHERE meeting_id = $4 AND state = 'oral') ELSE NULL END,
            review_comment = CASE WHEN $5 THEN $6 ELSE review_comment END,
            reviewed_by = CASE WHEN $5 THEN $7::uuid ELSE reviewed_by END,
            reviewed_at = CASE WHEN $5 THEN now() ELSE reviewed_at END
          WHERE id = $1`,
        [id, result.to, action, row.meeting_id, review, comment, viewer.id],
      );
      // Leaving the running order closes the gap behind it.
      if (row.oral_order !== null && result.to !== 'oral') {
        await m.query(`UPDATE meeting_speeches SET oral_order = oral_order - 1 WHERE meeting_id = $1 AND oral_order > $2`, [row.meeting_id, row.oral_order]);
      }
      await this.audit.record({ actorId: viewer.id, action: `speech.${action}`, entity: 'speech', entityId: id, data: { meetingId: row.meeting_id, from: row.state, to: result.to, comment } }, m);
      if (review) {
        await this.notifications.notify({ userIds: [row.author_id], kind: 'speech_reviewed', meetingId: row.meeting_id, params: { title: row.title, state: result.to, meetingTitle: meeting.title } }, m);
      }
      return this.get(m, id, viewer);
    });
  }

  /** The office sets the running order; the ids must be exactly the meeting's oral speeches. */
  async order(meetingId: string, viewer: SessionUser, speechIds: string[]): Promise<Speech[]> {
    return this.ds.transaction(async (m) => {
      const meeting = await loadMeeting(m, meetingId);
      assertNotLocked(meeting);
      await this.lockOrder(m, meeting.id);
      const oral = await meetingSpeeches(m, meeting.id).then((rows) => rows.filter((r) => r.state === 'oral'));
      const given = new Set(speechIds);
      if (given.size !== speechIds.length || given.size !== oral.length || !oral.every((r) => given.has(r.id))) {
        throw new AppException('VALIDATION_FAILED', { field: 'speechIds' }, [
          { path: 'body.speechIds', code: 'not_the_oral_speeches', message: 'List every oral speech of this meeting exactly once' },
        ]);
      }
      await m.query(
        `UPDATE meeting_speeches sp SET oral_order = o.ord, updated_at = now() FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE sp.id = o.id`,
        [speechIds],
      );
      await this.audit.record({ actorId: viewer.id, action: 'speech.ordered', entity: 'meeting', entityId: meeting.id, data: { speechIds } }, m);
      return this.list(meeting.id, viewer, m);
    });
  }

  /** For the live module: the accepted oral speeches in their running order. */
  async oralSpeechesInOrder(meetingId: string, manager?: EntityManager): Promise<OralSpeech[]> {
    return inTransaction(this.ds, manager, async (m) => {
      const rows = await meetingSpeeches(m, meetingId);
      return rows
        .filter((r) => r.state === 'oral')
        .map((r) => ({ speechId: r.id, authorId: r.author_id, authorName: r.author_name, sectorName: r.sector_name, title: r.title }));
    });
  }

  private async get(m: EntityManager, id: string, viewer: SessionUser): Promise<Speech> {
    const row = await findSpeech(m, id);
    if (!row) throw new AppException('NOT_FOUND');
    return toSpeech(row, viewer);
  }

  private async isInvited(m: EntityManager, meetingId: string, userId: string): Promise<boolean> {
    const [row] = await m.query(`SELECT 1 FROM meeting_invitations WHERE meeting_id = $1 AND user_id = $2`, [meetingId, userId]);
    return Boolean(row);
  }

  /** Serialises changes to one meeting's running order (appending, closing gaps, reordering). */
  private async lockOrder(m: EntityManager, meetingId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`speech-order:${meetingId}`]);
  }
}
