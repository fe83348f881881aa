import { Controller, Res, UploadedFile } from '@nestjs/common';
import type { Response } from 'express';
import { CoreRoutes } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { importTemplate } from './member-import';
import { MembersService } from './members.service';

function requireFile(file: Express.Multer.File | undefined, allowed: readonly string[]): Buffer {
  if (!file) throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'file', code: 'required', message: 'Attach a CSV or XLSX file' }]);
  if (!allowed.includes(file.mimetype) && !/\.(csv|xlsx)$/i.test(file.originalname)) throw new AppException('UNSUPPORTED_MEDIA_TYPE');
  return file.buffer;
}

@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Route(CoreRoutes.listMembers)
  list(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof CoreRoutes.listMembers>) {
    return this.members.list(query, s.user);
  }

  @Route(CoreRoutes.memberImportTemplate)
  async template(@Res() res: Response) {
    res.setHeader('Content-Type', CoreRoutes.memberImportTemplate.produces);
    res.setHeader('Content-Disposition', `attachment; filename="members-template.xlsx"`);
    res.send(await importTemplate());
  }

  @Route(CoreRoutes.getMember)
  get(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof CoreRoutes.getMember>) {
    return this.members.get(params.id, s.user);
  }

  @Route(CoreRoutes.createMember)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof CoreRoutes.createMember>) {
    return this.members.create(s.user, body);
  }

  @Route(CoreRoutes.updateMember)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof CoreRoutes.updateMember>) {
    return this.members.update(s.user, params.id, body);
  }

  @Route(CoreRoutes.previewMemberImport)
  preview(@UploadedFile() file: Express.Multer.File | undefined) {
    return this.members.preview(requireFile(file, CoreRoutes.previewMemberImport.upload.mimeTypes));
  }

  @Route(CoreRoutes.importMembers)
  import(@CurrentSession() s: AuthenticatedSession, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.members.import(s.user, requireFile(file, CoreRoutes.importMembers.upload.mimeTypes));
  }
}
