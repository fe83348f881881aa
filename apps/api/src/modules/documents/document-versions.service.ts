import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentDetail, DocumentVersion, DocumentVersionView, SessionUser } from '@xieshang/contracts';
import { renderHtml, replaceContent } from '@xieshang/editor-schema';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { CollabDocStore } from '../collab/collab-doc-store';
import { recordEvent } from './document-view';
import { DocumentsService, stateToJSON } from './documents.service';

interface VersionRow {
  id: string;
  name: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  bytes: number;
}
const COLUMNS = `v.id, v.name, v.created_by, u.name AS created_by_name, v.created_at, octet_length(v.state) AS bytes`;
const toVersion = (r: VersionRow): DocumentVersion => ({ id: r.id, name: r.name, createdById: r.created_by, createdByName: r.created_by_name, createdAt: r.created_at.toISOString(), bytes: Number(r.bytes) });

/**
 * Named versions: the whole Yjs state at a moment. Restoring makes the content equal to the version through a
 * NEW edit (collab store applyServerChange + replaceContent): the update log is never rewritten, and the
 * restore itself can be undone by restoring a later version.
 */
@Injectable()
export class DocumentVersionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly store: CollabDocStore,
  ) {}

  async list(id: string, viewer: SessionUser): Promise<DocumentVersion[]> {
    await this.documents.visible(id, viewer);
    const rows: VersionRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM document_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.document_id = $1 ORDER BY v.created_at DESC, v.id`,
      [id],
    );
    return rows.map(toVersion);
  }

  async create(id: string, name: string, viewer: SessionUser): Promise<DocumentVersion> {
    await this.documents.editable(id, viewer);
    const state = await this.store.state(id);
    return this.ds.transaction(async (m) => {
      await this.documents.editable(id, viewer, m, true);
      const [{ id: versionId }]: Array<{ id: string }> = await m.query(`INSERT INTO document_versions (document_id, name, state, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
        id,
        name,
        Buffer.from(state),
        viewer.id,
      ]);
      await recordEvent(m, id, { kind: 'version_created', actorId: viewer.id, details: { versionId, versionName: name } });
      await this.audit.record({ actorId: viewer.id, action: 'document.version_created', entity: 'document', entityId: id, data: { versionId, name } }, m);
      return toVersion(await this.row(m, id, versionId));
    });
  }

  private async row(m: EntityManager, id: string, versionId: string): Promise<VersionRow & { state: Buffer }> {
    const [r]: Array<VersionRow & { state: Buffer }> = await m.query(
      `SELECT ${COLUMNS}, v.state FROM document_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.document_id = $1 AND v.id = $2`,
      [id, versionId],
    );
    if (!r) throw new AppException('NOT_FOUND');
    return r;
  }

  /** The version's content as ProseMirror JSON (also used by the export). */
  async content(id: string, versionId: string, viewer: SessionUser) {
    await this.documents.visible(id, viewer);
    const r = await this.row(this.ds.manager, id, versionId);
    return { version: toVersion(r), json: stateToJSON(new Uint8Array(r.state)) };
  }

  async view(id: string, versionId: string, viewer: SessionUser): Promise<DocumentVersionView> {
    const { version, json } = await this.content(id, versionId, viewer);
    return { version, html: renderHtml(json) };
  }

  async restore(id: string, versionId: string, viewer: SessionUser): Promise<DocumentDetail> {
    await this.documents.editable(id, viewer);
    const { version, json } = await this.content(id, versionId, viewer);
    await this.store.applyServerChange(id, (doc) => replaceContent(doc, json), viewer.id);
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE documents SET updated_at = now() WHERE id = $1`, [id]);
      await recordEvent(m, id, { kind: 'version_restored', actorId: viewer.id, details: { versionId, versionName: version.name } });
      await this.audit.record({ actorId: viewer.id, action: 'document.version_restored', entity: 'document', entityId: id, data: { versionId, name: version.name } }, m);
    });
    return this.documents.get(id, viewer);
  }
}
