import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { formatErrorMessage, MATERIAL_MAX_BYTES, type Meeting, type MeetingState, type SessionUser } from '@xieshang/contracts';
import { canDownloadMaterials } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { cleanFileName, materialMimeType } from './material-content';
import { MeetingsService } from './meetings.service';

/** Closed or called-off meetings keep their papers as they were. */
const NO_NEW_MATERIALS: readonly MeetingState[] = ['closed', 'cancelled'];
/** Invitees have been told about the meeting: tell them about new papers too. */
const ANNOUNCED: readonly MeetingState[] = ['notified', 'materials_sent', 'live', 'minutes', 'reported'];

export interface UploadedMaterial {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

export interface MaterialFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

@Injectable()
export class MaterialsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async upload(actor: SessionUser, meetingId: string, file: UploadedMaterial | undefined): Promise<Meeting> {
    if (!file) throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'file', code: 'required', message: 'Attach a file' }]);
    // The upload interceptor enforces the limit too; this keeps the rule whatever sent the buffer.
    if (file.size > MATERIAL_MAX_BYTES) throw new AppException('PAYLOAD_TOO_LARGE', { limit: `${MATERIAL_MAX_BYTES / 1024 / 1024} MB` });
    const fileName = cleanFileName(file.originalname);
    const mimeType = materialMimeType(file.buffer, fileName, file.mimetype);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    return this.ds.transaction(async (m) => {
      const [meeting]: Array<{ state: MeetingState; title: string }> = await m.query(`SELECT state, title FROM meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
      if (!meeting) throw new AppException('NOT_FOUND');
      if (NO_NEW_MATERIALS.includes(meeting.state)) throw new AppException('MEETING_LOCKED', { state: meeting.state });
      const [{ id }] = await m.query(
        `INSERT INTO meeting_materials (meeting_id, file_name, mime_type, size_bytes, sha256, content, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
        [meetingId, fileName, mimeType, file.buffer.length, sha256, file.buffer, actor.id],
      );
      await m.query(`UPDATE meetings SET version = version + 1, updated_at = now() WHERE id = $1`, [meetingId]);
      if (ANNOUNCED.includes(meeting.state)) {
        const invitees: Array<{ user_id: string }> = await m.query(`SELECT user_id FROM meeting_invitations WHERE meeting_id = $1`, [meetingId]);
        await this.notifications.notify({ userIds: invitees.map((i) => i.user_id), kind: 'materials_added', meetingId, params: { title: meeting.title, fileName } }, m);
      }
      await this.audit.record({ actorId: actor.id, action: 'meeting.material_added', entity: 'meeting', entityId: meetingId, data: { materialId: id, fileName, mimeType, sizeBytes: file.buffer.length, sha256 } }, m);
      return this.meetings.findVisible(meetingId, actor, m);
    });
  }

  /** Invitees, the office, the chair and leaders; anyone else who can see the meeting gets FORBIDDEN. */
  async download(viewer: SessionUser, meetingId: string, materialId: string): Promise<MaterialFile> {
    const row = await this.meetings.visibleRow(meetingId, viewer);
    if (!canDownloadMaterials(viewer, { invited: row.my_state !== null })) throw new AppException('FORBIDDEN', undefined, [{ path: 'materialId', code: 'not_invited', message: formatErrorMessage('NOT_INVITED') }]);
    const [file]: Array<{ file_name: string; mime_type: string; content: Buffer }> = await this.ds.query(
      `SELECT file_name, mime_type, content FROM meeting_materials WHERE id = $1 AND meeting_id = $2`,
      [materialId, meetingId],
    );
    if (!file) throw new AppException('NOT_FOUND');
    await this.audit.record({ actorId: viewer.id, action: 'meeting.material_downloaded', entity: 'meeting', entityId: meetingId, data: { materialId } });
    return { fileName: file.file_name, mimeType: file.mime_type, content: file.content };
  }

  async remove(actor: SessionUser, meetingId: string, materialId: string): Promise<Meeting> {
    return this.ds.transaction(async (m) => {
      // TypeORM answers DELETE … RETURNING with [rows, affected].
      const [[gone]]: [Array<{ file_name: string }>, number] = await m.query(`DELETE FROM meeting_materials WHERE id = $1 AND meeting_id = $2 RETURNING file_name`, [materialId, meetingId]);
      if (!gone) throw new AppException('NOT_FOUND');
      await m.query(`UPDATE meetings SET version = version + 1, updated_at = now() WHERE id = $1`, [meetingId]);
      await this.audit.record({ actorId: actor.id, action: 'meeting.material_deleted', entity: 'meeting', entityId: meetingId, data: { materialId, fileName: gone.file_name } }, m);
      return this.meetings.findVisible(meetingId, actor, m);
    });
  }
}
