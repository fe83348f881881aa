import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type {
  DocumentDetail,
  DocumentHtml,
  DocumentInput,
  DocumentListQuery,
  DocumentPatch,
  DocumentRole,
  DocumentStateChanged,
  DocumentSummary,
  DocumentTransitionInput,
  Page,
  SessionUser,
} from '@xieshang/contracts';
import { canCreateDocument, documentMachine, documentPermissions, isTransitionError } from '@xieshang/domain';
import { docToJSON, renderHtml, replaceContent, type EditorJSON } from '@xieshang/editor-schema';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { CollabDocStore } from '../collab/collab-doc-store';
import { actorOf, DOCUMENT_SELECT, machineSubject, recordEvent, roleOf, toDetail, toSummary, type DocumentRow } from './document-view';
import { MinutesService } from './minutes/minutes.service';

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The content of a Yjs state as ProseMirror JSON. */
export function stateToJSON(state: Uint8Array): EditorJSON {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return docToJSON(doc);
  } finally {
    doc.destroy();
  }
}

const invalid = (path: string, message: string) => new AppException('VALIDATION_FAILED', undefined, [{ path, code: 'custom', message }]);

/** Documents: list, create, read, rename, states and finalizing. Access is libs/domain documentRoleOf on every call. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly store: CollabDocStore,
    private readonly minutes: MinutesService,
  ) {}

  /** The row and the viewer's role; NOT_FOUND when missing or not visible to the viewer. */
  async visible(id: string, viewer: Pick<SessionUser, 'id' | 'roles'>, m: EntityManager = this.ds.manager, lock = false): Promise<{ row: DocumentRow; role: DocumentRole }> {
    const [row]: DocumentRow[] = await m.query(`${DOCUMENT_SELECT} WHERE d.id = $1 ${lock ? 'FOR UPDATE OF d' : ''}`, [id, viewer.id]);
    const role = row ? roleOf(viewer, row) : null;
    if (!row || !role) throw new AppException('NOT_FOUND');
    return { row, role };
  }

  /** Like visible, and the viewer may change it: editor (FORBIDDEN otherwise), not finalized (DOCUMENT_FINALIZED). */
  async editable(id: string, viewer: SessionUser, m: EntityManager = this.ds.manager, lock = false): Promise<{ row: DocumentRow; role: DocumentRole }> {
    const v = await this.visible(id, viewer, m, lock);
    if (v.row.state === 'finalized') throw new AppException('DOCUMENT_FINALIZED');
    if (!documentPermissions(viewer, v.role, v.row.state).edit) throw new AppException('FORBIDDEN');
    return v;
  }

  async list(q: DocumentListQuery, viewer: SessionUser): Promise<Page<DocumentSummary>> {
    const where: string[] = [];
    const args: unknown[] = [null, viewer.id];
    const add = (sql: string, v: unknown) => {
      args.push(v);
      where.push(sql.replace('?', `$${args.length}`));
    };
    if (q.kind) add('d.kind = ?', q.kind);
    if (q.state) add('d.state = ?', q.state);
    if (q.meetingId) add('d.meeting_id = ?', q.meetingId);
    if (q.topicId) add('d.topic_id = ?', q.topicId);
    if (q.planItemId) add('d.plan_item_id = ?', q.planItemId);
    if (q.q) add(`d.title ILIKE ?`, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    // $1 is unused (the shared SELECT names the viewer $2); a documents list is hundreds of rows, so the one
    // access rule filters them here rather than a second copy of it in SQL
    const rows: DocumentRow[] = await this.ds.query(
      `${DOCUMENT_SELECT} WHERE ($1::uuid IS NULL) ${where.map((w) => `AND ${w}`).join(' ')} ORDER BY d.updated_at DESC, d.id`,
      args,
    );
    const visible = rows.flatMap((r) => {
      const role = roleOf(viewer, r);
      return role ? [toSummary(r, role)] : [];
    });
    const start = (q.page - 1) * q.pageSize;
    return { items: visible.slice(start, start + q.pageSize), total: visible.length, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string, viewer: SessionUser, m: EntityManager = this.ds.manager): Promise<DocumentDetail> {
    const { row, role } = await this.visible(id, viewer, m);
    return toDetail(m, row, viewer, role);
  }

  async create(input: DocumentInput, viewer: SessionUser): Promise<DocumentDetail> {
    if (input.kind === 'minutes') return this.createMinutes(input.meetingId as string, viewer, input.title);
    if (!canCreateDocument(viewer, input.kind, { isMeetingHost: false })) throw new AppException('FORBIDDEN');
    const id = await this.ds.transaction(async (m) => {
      const subject = await this.subjectTitles(m, input);
      const title = input.title ?? defaultTitle(input.kind, subject.topic ?? subject.planItem ?? subject.meeting ?? '');
      const [{ id }]: Array<{ id: string }> = await m.query(
        `INSERT INTO documents (kind, title, meeting_id, topic_id, plan_item_id, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.kind, title, input.meetingId ?? null, input.topicId ?? null, input.planItemId ?? null, viewer.id],
      );
      // whoever starts a document writes it; the office edits everything anyway
      if (!viewer.roles.includes('admin')) await m.query(`INSERT INTO document_members (document_id, user_id, role, added_by) VALUES ($1, $2, 'editor', $2)`, [id, viewer.id]);
      await recordEvent(m, id, { kind: 'created', actorId: viewer.id, toState: 'draft' });
      await this.audit.record({ actorId: viewer.id, action: 'document.created', entity: 'document', entityId: id, data: { kind: input.kind, title } }, m);
      return id;
    });
    const title = (await this.visible(id, viewer)).row.title;
    await this.store.applyServerChange(id, (doc) => replaceContent(doc, { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] }, { type: 'paragraph' }] }), viewer.id);
    return this.get(id, viewer);
  }

  async createMinutes(meetingId: string, viewer: SessionUser, title?: string): Promise<DocumentDetail> {
    const id = await this.minutes.create(meetingId, viewer, title);
    return this.get(id, viewer);
  }

  async minutesOf(meetingId: string, viewer: SessionUser): Promise<DocumentSummary> {
    const [row]: DocumentRow[] = await this.ds.query(`${DOCUMENT_SELECT} WHERE d.meeting_id = $1 AND d.kind = 'minutes'`, [meetingId, viewer.id]);
    const role = row ? roleOf(viewer, row) : null;
    if (!row || !role) throw new AppException('NOT_FOUND');
    return toSummary(row, role);
  }

  private async subjectTitles(m: EntityManager, input: DocumentInput): Promise<{ meeting?: string; topic?: string; planItem?: string }> {
    const one = async (sql: string, id: string | null | undefined, field: string) => {
      if (!id) return undefined;
      const [r]: Array<{ title: string }> = await m.query(sql, [id]);
      if (!r) throw invalid(field, `no such ${field}`);
      return r.title;
    };
    return {
      meeting: await one(`SELECT title FROM meetings WHERE id = $1`, input.meetingId, 'meetingId'),
      topic: await one(`SELECT title FROM topics WHERE id = $1`, input.topicId, 'topicId'),
      planItem: await one(`SELECT title FROM plan_items WHERE id = $1`, input.planItemId, 'planItemId'),
    };
  }

  async rename(id: string, patch: DocumentPatch, viewer: SessionUser): Promise<DocumentDetail> {
    const detail = await this.ds.transaction(async (m) => {
      const { row } = await this.editable(id, viewer, m, true);
      if (row.title !== patch.title) {
        await m.query(`UPDATE documents SET title = $2, updated_at = now() WHERE id = $1`, [id, patch.title]);
        await recordEvent(m, id, { kind: 'renamed', actorId: viewer.id, details: { from: row.title, to: patch.title } });
        await this.audit.record({ actorId: viewer.id, action: 'document.renamed', entity: 'document', entityId: id, data: { from: row.title, to: patch.title } }, m);
      }
      return this.get(id, viewer, m);
    });
    this.pushState(detail);
    return detail;
  }

  async transition(id: string, input: DocumentTransitionInput, viewer: SessionUser): Promise<DocumentDetail> {
    const detail = await this.ds.transaction(async (m) => {
      const { row, role } = await this.visible(id, viewer, m, true);
      const r = documentMachine.apply(actorOf(viewer), machineSubject(row, viewer, role), input.action, { comment: input.comment ?? null });
      if (isTransitionError(r)) throw new AppException(r.error.code, r.error.params);
      if (input.action === 'finalize') {
        // Rendered from PostgreSQL under the row lock: log writes hold a KEY SHARE lock on this row, so every
        // acknowledged edit is committed and visible here, and none can be written once this commits.
        const stored = await this.store.loadFromDatabase(id, m);
        const html = renderHtml(docToJSON(stored));
        stored.destroy();
        await m.query(`UPDATE documents SET state = $2, updated_at = now(), finalized_at = now(), finalized_by = $3, final_html = $4, final_sha256 = $5 WHERE id = $1`, [
          id,
          r.to,
          viewer.id,
          html,
          sha256Hex(html),
        ]);
      } else {
        await m.query(`UPDATE documents SET state = $2, updated_at = now() WHERE id = $1`, [id, r.to]);
      }
      await recordEvent(m, id, { kind: input.action, actorId: viewer.id, fromState: row.state, toState: r.to, comment: input.comment ?? null });
      await this.audit.record({ actorId: viewer.id, action: `document.${input.action}`, entity: 'document', entityId: id, data: { from: row.state, to: r.to, comment: input.comment ?? null } }, m);
      return this.get(id, viewer, m);
    });
    this.store.accessChanged(id);
    this.pushState(detail);
    return detail;
  }

  async html(id: string, viewer: SessionUser): Promise<DocumentHtml> {
    const { row } = await this.visible(id, viewer);
    if (row.state === 'finalized') {
      const [f]: Array<{ final_html: string; final_sha256: string }> = await this.ds.query(`SELECT final_html, final_sha256 FROM documents WHERE id = $1`, [id]);
      return { html: f.final_html, sha256: f.final_sha256 };
    }
    return { html: renderHtml(stateToJSON(await this.store.state(id))), sha256: null };
  }

  pushState(d: DocumentDetail): void {
    const payload: DocumentStateChanged = { documentId: d.id, state: d.state, title: d.title, finalSha256: d.final?.sha256 ?? null };
    this.store.broadcast(d.id, 'collab:doc-state', payload);
  }
}

function defaultTitle(kind: DocumentInput['kind'], subject: string): string {
  switch (kind) {
    case 'report':
      return `关于“${subject}”的协商报告`.slice(0, 200);
    case 'recommendation':
      return `关于“${subject}”的建议案`.slice(0, 200);
    default:
      return `${subject}（工作稿）`.slice(0, 200);
  }
}
