import { Controller, Res, UploadedFile } from '@nestjs/common';
import type { Response } from 'express';
import { MeetingRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { attachmentDisposition } from './content-disposition';
import { MaterialsService } from './materials.service';
import { MeetingsService } from './meetings.service';
import { sendPrivateFile } from '../../common/send-private-file';

@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly materials: MaterialsService,
  ) {}

  @Route(MeetingRoutes.listMeetings)
  list(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof MeetingRoutes.listMeetings>) {
    return this.meetings.list(query, s.user);
  }

  // Declared before getMeeting's /meetings/:id only for readers: POST and GET do not collide.
  @Route(MeetingRoutes.checkMeeting)
  async check(@Input() { query, body }: In<typeof MeetingRoutes.checkMeeting>) {
    return { warnings: await this.meetings.check(body, query.meetingId) };
  }

  @Route(MeetingRoutes.getMeeting)
  get(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.getMeeting>) {
    return this.meetings.findVisible(params.id, s.user);
  }

  @Route(MeetingRoutes.createMeeting)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof MeetingRoutes.createMeeting>) {
    return this.meetings.create(s.user, body);
  }

  @Route(MeetingRoutes.updateMeeting)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.updateMeeting>) {
    return this.meetings.update(s.user, params.id, body);
  }

  @Route(MeetingRoutes.transitionMeeting)
  transition(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.transitionMeeting>) {
    return this.meetings.transitionAs(s.user, params.id, body.action, { reason: body.reason, comment: body.comment });
  }

  @Route(MeetingRoutes.uploadMaterial)
  upload(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.uploadMaterial>, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.materials.upload(s.user, params.id, file);
  }

  @Route(MeetingRoutes.downloadMaterial)
  async download(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.downloadMaterial>, @Res() res: Response) {
    const file = await this.materials.download(s.user, params.id, params.materialId);
    sendPrivateFile(res, { contentType: file.mimeType, disposition: attachmentDisposition(file.fileName), body: file.content });
  }

  @Route(MeetingRoutes.deleteMaterial)
  deleteMaterial(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.deleteMaterial>) {
    return this.materials.remove(s.user, params.id, params.materialId);
  }
}
