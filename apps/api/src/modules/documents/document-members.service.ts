import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentMember, DocumentMemberRole, SessionUser } from '@xieshang/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { CollabDocStore } from '../collab/collab-doc-store';
import { loadMembers, recordEvent } from './document-view';
import { DocumentsService } from './documents.service';

/** Editors and commenters the office assigns. Every change drops the collab gateway's cached access. */
@Injectable()
export class DocumentMembersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly store: CollabDocStore,
  ) {}

  async list(id: string, viewer: SessionUser): Promise<DocumentMember[]> {
    await this.documents.visible(id, viewer);
    return loadMembers(this.ds.manager, id);
  }

  async set(id: string, userId: string, role: DocumentMemberRole, viewer: SessionUser): Promise<DocumentMember[]> {
    const members = await this.ds.transaction(async (m) => {
      await this.documents.visible(id, viewer, m, true);
      const [user]: Array<{ name: string; active: boolean }> = await m.query(`SELECT name, active FROM users WHERE id = $1`, [userId]);
      if (!user || !user.active) throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'userId', code: 'custom', message: 'no such active account' }]);
      await m.query(
        `INSERT INTO document_members (document_id, user_id, role, added_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (document_id, user_id) DO UPDATE SET role = EXCLUDED.role, added_by = EXCLUDED.added_by, added_at = now()`,
        [id, userId, role, viewer.id],
      );
      await recordEvent(m, id, { kind: 'member_set', actorId: viewer.id, details: { userId, userName: user.name, role } });
      await this.audit.record({ actorId: viewer.id, action: 'document.member_set', entity: 'document', entityId: id, data: { userId, role } }, m);
      return loadMembers(m, id);
    });
    this.store.accessChanged(id);
    return members;
  }

  async remove(id: string, userId: string, viewer: SessionUser): Promise<DocumentMember[]> {
    const members = await this.ds.transaction(async (m) => {
      await this.documents.visible(id, viewer, m, true);
      // DELETE … RETURNING comes back from TypeORM as [rows, count]
      const [removed]: [Array<{ role: string; name: string }>, number] = await m.query(
        `DELETE FROM document_members dm USING users u WHERE dm.document_id = $1 AND dm.user_id = $2 AND u.id = dm.user_id RETURNING dm.role, u.name`,
        [id, userId],
      );
      if (!removed.length) throw new AppException('NOT_FOUND');
      await recordEvent(m, id, { kind: 'member_removed', actorId: viewer.id, details: { userId, userName: removed[0].name, role: removed[0].role } });
      await this.audit.record({ actorId: viewer.id, action: 'document.member_removed', entity: 'document', entityId: id, data: { userId } }, m);
      return loadMembers(m, id);
    });
    this.store.accessChanged(id);
    return members;
  }
}
