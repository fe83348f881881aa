import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@xieshang/contracts';
import { DataSource } from 'typeorm';

export type DocumentRole = 'editor' | 'commenter' | 'reader';

export interface DocumentAccess {
  documentId: string;
  role: DocumentRole;
  state: 'draft' | 'in_review' | 'finalized';
  /** false once finalized (and for commenters and readers): Yjs updates are refused */
  canEdit: boolean;
}

type AccessUser = Pick<SessionUser, 'id' | 'roles' | 'departmentId'>;

/**
 * Who may do what with one document; asked by the REST controllers and by the collab gateway for every
 * sync message (so it must stay one indexed query). FIRST CUT (scaffolding): the documents helper
 * replaces the rule with the one in libs/domain (meeting participants comment, readers, …).
 */
@Injectable()
export class DocumentAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async accessOf(user: AccessUser, documentId: string): Promise<DocumentAccess | null> {
    const [row] = (await this.db.query(
      `SELECT d.state, m.role AS member_role FROM documents d
         LEFT JOIN document_members m ON m.document_id = d.id AND m.user_id = $2
        WHERE d.id = $1`,
      [documentId, user.id],
    )) as Array<{ state: DocumentAccess['state']; member_role: 'editor' | 'commenter' | null }>;
    if (!row) return null;
    const role: DocumentRole = user.roles.includes('admin') ? 'editor' : (row.member_role ?? 'reader');
    return { documentId, role, state: row.state, canEdit: role === 'editor' && row.state !== 'finalized' };
  }
}
