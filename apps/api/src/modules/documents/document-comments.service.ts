import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentsChanged, DocumentComment, DocumentCommentInput, DocumentCommentQuery, SessionUser } from '@xieshang/contracts';
import { documentPermissions } from '@xieshang/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../common/app-exception';
import { CollabDocStore } from '../collab/collab-doc-store';
import { DocumentsService } from './documents.service';

interface CommentRow {
  id: string;
  document_id: string;
  parent_id: string | null;
  anchor_start: string | null;
  anchor_end: string | null;
  quote: string | null;
  body: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
}

const SELECT = `SELECT c.*, a.name AS author_name, r.name AS resolved_by_name FROM document_comments c
  LEFT JOIN users a ON a.id = c.author_id LEFT JOIN users r ON r.id = c.resolved_by`;

function threads(rows: readonly CommentRow[]): DocumentComment[] {
  const replies = new Map<string, CommentRow[]>();
  for (const r of rows) if (r.parent_id) replies.set(r.parent_id, [...(replies.get(r.parent_id) ?? []), r]);
  return rows
    .filter((r) => !r.parent_id)
    .map((r) => ({
      id: r.id,
      documentId: r.document_id,
      anchor: { start: r.anchor_start ?? '', end: r.anchor_end ?? '' },
      quote: r.quote ?? '',
      body: r.body,
      authorId: r.author_id,
      authorName: r.author_name,
      createdAt: r.created_at.toISOString(),
      resolved: r.resolved_at !== null,
      resolvedAt: r.resolved_at?.toISOString() ?? null,
      resolvedById: r.resolved_by,
      resolvedByName: r.resolved_by_name,
      replies: (replies.get(r.id) ?? []).map((x) => ({ id: x.id, body: x.body, authorId: x.author_id, authorName: x.author_name, createdAt: x.created_at.toISOString() })),
    }));
}

/**
 * Inline comments anchored by Yjs relative positions (the client encodes them; the server keeps them as they
 * are). Editors and commenters comment while the document is open; every change is pushed to the room.
 */
@Injectable()
export class DocumentCommentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentsService,
    private readonly store: CollabDocStore,
  ) {}

  async list(id: string, q: DocumentCommentQuery, viewer: SessionUser): Promise<DocumentComment[]> {
    await this.documents.visible(id, viewer);
    const rows: CommentRow[] = await this.ds.query(`${SELECT} WHERE c.document_id = $1 ORDER BY c.created_at, c.id`, [id]);
    const all = threads(rows);
    return q.status === 'all' ? all : all.filter((t) => t.resolved === (q.status === 'resolved'));
  }

  private async mayComment(id: string, viewer: SessionUser): Promise<void> {
    const { row, role } = await this.documents.visible(id, viewer);
    if (row.state === 'finalized') throw new AppException('DOCUMENT_FINALIZED');
    if (!documentPermissions(viewer, role, row.state).comment) throw new AppException('FORBIDDEN');
  }

  private async thread(m: EntityManager, id: string, commentId: string): Promise<DocumentComment> {
    const rows: CommentRow[] = await m.query(`${SELECT} WHERE c.document_id = $1 AND (c.id = $2 OR c.parent_id = $2) ORDER BY c.created_at, c.id`, [id, commentId]);
    const [t] = threads(rows);
    if (!t) throw new AppException('NOT_FOUND');
    return t;
  }

  async add(id: string, input: DocumentCommentInput, viewer: SessionUser): Promise<DocumentComment> {
    await this.mayComment(id, viewer);
    const [{ id: commentId }]: Array<{ id: string }> = await this.ds.query(
      `INSERT INTO document_comments (document_id, anchor_start, anchor_end, quote, body, author_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [id, input.anchor.start, input.anchor.end, input.quote, input.body, viewer.id],
    );
    return this.pushed(id, commentId, 'created');
  }

  async reply(id: string, commentId: string, body: string, viewer: SessionUser): Promise<DocumentComment> {
    await this.mayComment(id, viewer);
    await this.thread(this.ds.manager, id, commentId);
    const [parent]: Array<{ parent_id: string | null }> = await this.ds.query(`SELECT parent_id FROM document_comments WHERE id = $1`, [commentId]);
    // replies hang off the thread's first comment
    await this.ds.query(`INSERT INTO document_comments (document_id, parent_id, body, author_id) VALUES ($1, $2, $3, $4)`, [id, parent?.parent_id ?? commentId, body, viewer.id]);
    return this.pushed(id, parent?.parent_id ?? commentId, 'updated');
  }

  async resolve(id: string, commentId: string, resolved: boolean, viewer: SessionUser): Promise<DocumentComment> {
    await this.mayComment(id, viewer);
    // UPDATE … RETURNING comes back from TypeORM as [rows, count]
    const [updated]: [unknown[], number] = await this.ds.query(
      `UPDATE document_comments SET resolved_at = CASE WHEN $3 THEN COALESCE(resolved_at, now()) END, resolved_by = CASE WHEN $3 THEN COALESCE(resolved_by, $4) END
        WHERE document_id = $1 AND id = $2 AND parent_id IS NULL RETURNING id`,
      [id, commentId, resolved, viewer.id],
    );
    if (!updated.length) throw new AppException('NOT_FOUND');
    return this.pushed(id, commentId, resolved ? 'resolved' : 'reopened');
  }

  private async pushed(id: string, commentId: string, change: CommentsChanged['change']): Promise<DocumentComment> {
    const comment = await this.thread(this.ds.manager, id, commentId);
    const payload: CommentsChanged = { documentId: id, commentId, change, comment };
    this.store.broadcast(id, 'collab:comments', payload);
    return comment;
  }
}
