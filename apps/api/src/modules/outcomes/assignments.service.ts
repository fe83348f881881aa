import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  FEEDBACK_ATTACHMENT_MAX_BYTES,
  type AssignmentQuery,
  type AssignmentView,
  type EvaluationInput,
  type FeedbackAttachment,
  type FeedbackInput,
  type OutcomeState,
  type Page,
  type SessionUser,
} from '@xieshang/contracts';
import { afterAcceptance, assignmentMachine, canSeeAssignment, deriveOutcomeState, outcomeScope, type WorkflowActor } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { cleanFileName, materialMimeType } from '../meetings/material-content';
import type { MaterialFile, UploadedMaterial } from '../meetings/materials.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { actorOf, invalid, liaisonIds, recordStep, todayIn, unwrap } from './outcome-steps';
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_FROM, loadAssignmentViews, scopeDepartment, type AssignmentRow } from './outcome-view';

/**
 * Per-assignment steps of flow 8: the department liaison's portal (list, read, upload, feedback) and
 * the office's evaluation. A liaison meets only their own department's assignments: anything else is
 * NOT_FOUND. After each step the outcome's state follows from its current round (deriveOutcomeState).
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
  ) {}

  async list(viewer: SessionUser, q: AssignmentQuery): Promise<Page<AssignmentView>> {
    const actor = actorOf(viewer);
    const scope = outcomeScope(actor);
    if (scope.kind === 'none') return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const today = await todayIn(this.settings);
    const args: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      args.push(value);
      where.push(sql(args.length));
    };
    const dept = scopeDepartment(scope);
    if (dept) add((n) => `a.department_id = $${n}`, dept);
    if (q.current === 'true') where.push('a.round = o.round');
    if (q.state) add((n) => `a.state = $${n}`, q.state);
    // the same test as isAssignmentOverdue, on the current round only
    if (q.overdue) add((n) => `${q.overdue === 'true' ? '' : 'NOT '}(a.round = o.round AND a.state <> 'accepted' AND a.deadline < $${n}::date)`, today);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: Array<{ total: number }> = await this.ds.query(`SELECT count(*)::int AS total FROM ${ASSIGNMENT_FROM} ${w}`, args);
    // what needs doing first: open before accepted, then by deadline
    const rows: AssignmentRow[] = await this.ds.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} ${w}
        ORDER BY (a.state = 'accepted'), a.deadline NULLS LAST, a.created_at DESC, a.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      args,
    );
    return { items: await loadAssignmentViews(this.ds.manager, rows, actor, today), total, page: q.page, pageSize: q.pageSize };
  }

  private async visibleRow(m: EntityManager, id: string, actor: WorkflowActor, lock = false): Promise<AssignmentRow> {
    const [row]: AssignmentRow[] = await m.query(`SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a, o' : ''}`, [id]);
    if (!row || !canSeeAssignment(actor, row.department_id)) throw new AppException('NOT_FOUND');
    return row;
  }

  async get(id: string, viewer: SessionUser, m: EntityManager = this.ds.manager): Promise<AssignmentView> {
    const actor = actorOf(viewer);
    const row = await this.visibleRow(m, id, actor);
    const [view] = await loadAssignmentViews(m, [row], actor, await todayIn(this.settings));
    return view;
  }

  // ---- attachments ----

  /** Same checks as meeting materials (size, the content's magic bytes must match name and type). */
  async upload(viewer: SessionUser, id: string, file: UploadedMaterial | undefined): Promise<FeedbackAttachment> {
    if (!file) throw invalid('file', 'required', 'Attach a file');
    if (file.size > FEEDBACK_ATTACHMENT_MAX_BYTES) throw new AppException('PAYLOAD_TOO_LARGE', { limit: `${FEEDBACK_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` });
    const fileName = cleanFileName(file.originalname);
    const mimeType = materialMimeType(file.buffer, fileName, file.mimetype);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const actor = actorOf(viewer);
    return this.ds.transaction(async (m) => {
      const row = await this.visibleRow(m, id, actor, true);
      // only the one who may report now may attach to the report
      unwrap(assignmentMachine.apply(actor, { state: row.state, departmentId: row.department_id, current: row.round === row.outcome_round }, 'submit_feedback'));
      const [saved]: Array<{ id: string; uploaded_at: Date }> = await m.query(
        `INSERT INTO outcome_attachments (assignment_id, file_name, mime_type, size_bytes, sha256, content, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id, uploaded_at`,
        [id, fileName, mimeType, file.buffer.length, sha256, file.buffer, viewer.id],
      );
      await this.audit.record({ actorId: viewer.id, action: 'outcome.attachment_uploaded', entity: 'outcome', entityId: row.outcome_id, data: { assignmentId: id, attachmentId: saved.id, fileName, mimeType, sizeBytes: file.buffer.length, sha256 } }, m);
      return { id: saved.id, fileName, mimeType, sizeBytes: file.buffer.length, sha256, uploadedAt: saved.uploaded_at.toISOString() };
    });
  }

  async download(viewer: SessionUser, id: string, attachmentId: string): Promise<MaterialFile> {
    const row = await this.visibleRow(this.ds.manager, id, actorOf(viewer));
    const [file]: Array<{ file_name: string; mime_type: string; content: Buffer }> = await this.ds.query(
      `SELECT file_name, mime_type, content FROM outcome_attachments WHERE id = $1 AND assignment_id = $2`,
      [attachmentId, id],
    );
    if (!file) throw new AppException('NOT_FOUND');
    await this.audit.record({ actorId: viewer.id, action: 'outcome.attachment_downloaded', entity: 'outcome', entityId: row.outcome_id, data: { assignmentId: id, attachmentId } });
    return { fileName: file.file_name, mimeType: file.mime_type, content: file.content };
  }

  // ---- feedback and evaluation ----

  async submitFeedback(viewer: SessionUser, id: string, input: FeedbackInput): Promise<AssignmentView> {
    const actor = actorOf(viewer);
    return this.ds.transaction(async (m) => {
      const row = await this.visibleRow(m, id, actor, true);
      const to = unwrap(assignmentMachine.apply(actor, { state: row.state, departmentId: row.department_id, current: row.round === row.outcome_round }, 'submit_feedback'));
      const [{ id: feedbackId }]: Array<{ id: string }> = await m.query(
        `INSERT INTO outcome_feedback (assignment_id, adoption, reason, measures, submitted_by) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [id, input.adoption, input.reason ?? null, input.measures, viewer.id],
      );
      const attachmentIds = [...new Set(input.attachmentIds)];
      if (attachmentIds.length) {
        const [linked]: [unknown[], number] = await m.query(
          `UPDATE outcome_attachments SET feedback_id = $1 WHERE id = ANY($2::uuid[]) AND assignment_id = $3 AND feedback_id IS NULL RETURNING id`,
          [feedbackId, attachmentIds, id],
        );
        if (linked.length !== attachmentIds.length) throw invalid('body.attachmentIds', 'unknown', 'Attachments must be uploaded to this assignment and not used yet');
      }
      await this.moveAssignment(m, row, to, row.deadline, { action: 'submit_feedback', actorId: viewer.id, comment: null });
      await this.audit.record({ actorId: viewer.id, action: 'outcome.feedback_submitted', entity: 'outcome', entityId: row.outcome_id, data: { assignmentId: id, feedbackId, adoption: input.adoption, attachmentIds } }, m);
      return this.get(id, viewer, m);
    });
  }

  /** Accept (maybe rearming a recurring cadence) or send back with a comment; the liaisons hear of a send-back. */
  async evaluate(viewer: SessionUser, id: string, input: EvaluationInput): Promise<AssignmentView> {
    const actor = actorOf(viewer);
    const action = input.decision === 'accept' ? 'evaluate' : 'send_back';
    return this.ds.transaction(async (m) => {
      const row = await this.visibleRow(m, id, actor, true);
      unwrap(assignmentMachine.apply(actor, { state: row.state, departmentId: row.department_id, current: row.round === row.outcome_round }, action, { comment: input.comment ?? null }));
      const [pending]: Array<{ id: string; adoption: FeedbackInput['adoption'] }> = await m.query(`SELECT id, adoption FROM outcome_feedback WHERE assignment_id = $1 AND state = 'pending' FOR UPDATE`, [id]);
      if (!pending) throw new AppException('CONFLICT');
      await m.query(`UPDATE outcome_feedback SET state = $2, evaluated_by = $3, evaluated_at = now(), evaluation_comment = $4 WHERE id = $1`, [
        pending.id, action === 'evaluate' ? 'accepted' : 'sent_back', viewer.id, input.comment ?? null,
      ]);
      const next = action === 'evaluate' ? afterAcceptance({ cadence: row.cadence, deadline: row.deadline ?? row.first_deadline }, pending.adoption) : { state: 'assigned' as const, deadline: row.deadline };
      await this.moveAssignment(m, row, next.state, next.deadline, { action, actorId: viewer.id, comment: input.comment ?? null });
      if (action === 'send_back') {
        const [{ title }] = await m.query(`SELECT title FROM outcomes WHERE id = $1`, [row.outcome_id]);
        const params = { title, comment: input.comment ?? '', deadline: row.deadline ?? '', departmentName: row.department_name };
        await this.notifications.notify({ userIds: await liaisonIds(m, row.department_id), kind: 'outcome_sent_back', params, link: '/assignments' }, m);
      }
      await this.audit.record({
        actorId: viewer.id, action: action === 'evaluate' ? 'outcome.feedback_accepted' : 'outcome.feedback_sent_back', entity: 'outcome', entityId: row.outcome_id,
        data: { assignmentId: id, feedbackId: pending.id, comment: input.comment ?? null, nextDeadline: next.deadline },
      }, m);
      return this.get(id, viewer, m);
    });
  }

  /** Move one assignment, then the outcome to what its current round now says, with a trail entry. */
  private async moveAssignment(
    m: EntityManager,
    row: AssignmentRow,
    state: AssignmentRow['state'],
    deadline: string | null,
    step: { action: 'submit_feedback' | 'evaluate' | 'send_back'; actorId: string; comment: string | null },
  ): Promise<void> {
    await m.query(`UPDATE outcome_assignments SET state = $2, deadline = $3, updated_at = now() WHERE id = $1`, [row.id, state, deadline]);
    const [o]: Array<{ state: OutcomeState }> = await m.query(`SELECT state FROM outcomes WHERE id = $1`, [row.outcome_id]);
    const states: Array<{ state: AssignmentRow['state'] }> = await m.query(`SELECT state FROM outcome_assignments WHERE outcome_id = $1 AND round = $2`, [row.outcome_id, row.round]);
    const to = deriveOutcomeState(states.map((s) => s.state)) ?? o.state;
    await recordStep(m, { outcomeId: row.outcome_id, action: step.action, from: o.state, to, actorId: step.actorId, comment: step.comment, assignmentId: row.id, round: row.round });
  }
}
