import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXPORT_MIME, type DocumentExportQuery, type SessionUser } from '@xieshang/contracts';
import { renderHtmlPage, renderMarkdown, type EditorJSON, type ExportMeta } from '@xieshang/editor-schema';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/app-exception';
import { contentDisposition } from '../attendance/spreadsheet';
import { CollabDocStore } from '../collab/collab-doc-store';
import { DocumentVersionsService } from './document-versions.service';
import { DocumentsService, stateToJSON } from './documents.service';
import { renderDocx, renderPdf } from './export';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  disposition: string;
}

/**
 * Downloads of the current content, a named version or the finalized copy, through the one editor schema
 * (HTML, Markdown) and the DOCX and PDF renderers. The finalized copy as HTML is the stored page whose
 * SHA-256 the document shows; the other formats render the content, which can no longer change.
 */
@Injectable()
export class DocumentExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentsService,
    private readonly versions: DocumentVersionsService,
    private readonly store: CollabDocStore,
  ) {}

  async export(id: string, q: DocumentExportQuery, viewer: SessionUser): Promise<ExportFile> {
    const { row } = await this.documents.visible(id, viewer);
    const meta: ExportMeta = { title: row.title };
    let json: EditorJSON;
    let name = row.title;
    if (q.source === 'version') {
      const v = await this.versions.content(id, q.versionId as string, viewer);
      json = v.json;
      name = `${row.title}（${v.version.name}）`;
    } else {
      if (q.source === 'finalized') {
        if (row.state !== 'finalized' || !row.finalized_at || !row.final_sha256) throw new AppException('NOT_FOUND');
        meta.finalizedAt = row.finalized_at.toISOString();
        meta.sha256 = row.final_sha256;
        if (q.format === 'html') {
          const [f]: Array<{ final_html: string }> = await this.ds.query(`SELECT final_html FROM documents WHERE id = $1`, [id]);
          return this.file(Buffer.from(f.final_html, 'utf8'), 'html', name);
        }
      }
      json = stateToJSON(await this.store.state(id));
    }
    switch (q.format) {
      case 'docx':
        return this.file(await renderDocx(json, meta), 'docx', name);
      case 'pdf':
        return this.file(await renderPdf(json, meta), 'pdf', name);
      case 'md':
        return this.file(Buffer.from(renderMarkdown(json), 'utf8'), 'md', name);
      case 'html':
        return this.file(Buffer.from(renderHtmlPage(json, meta), 'utf8'), 'html', name);
    }
  }

  private file(body: Buffer, format: DocumentExportQuery['format'], name: string): ExportFile {
    return { body, contentType: EXPORT_MIME[format], disposition: contentDisposition(`${name}.${format}`, `document.${format}`) };
  }
}
