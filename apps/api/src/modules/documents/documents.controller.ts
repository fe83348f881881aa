import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DocumentRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { DocumentCommentsService } from './document-comments.service';
import { DocumentExportService } from './document-export.service';
import { DocumentMembersService } from './document-members.service';
import { DocumentVersionsService } from './document-versions.service';
import { DocumentsService } from './documents.service';
import { sendPrivateFile } from '../../common/send-private-file';

type R = typeof DocumentRoutes;

@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly members: DocumentMembersService,
    private readonly versions: DocumentVersionsService,
    private readonly comments: DocumentCommentsService,
    private readonly exports: DocumentExportService,
  ) {}

  @Route(DocumentRoutes.listDocuments)
  list(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<R['listDocuments']>) {
    return this.documents.list(query, s.user);
  }

  @Route(DocumentRoutes.createDocument)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<R['createDocument']>) {
    return this.documents.create(body, s.user);
  }

  @Route(DocumentRoutes.getDocument)
  get(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['getDocument']>) {
    return this.documents.get(params.id, s.user);
  }

  @Route(DocumentRoutes.updateDocument)
  rename(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<R['updateDocument']>) {
    return this.documents.rename(params.id, body, s.user);
  }

  @Route(DocumentRoutes.transitionDocument)
  transition(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<R['transitionDocument']>) {
    return this.documents.transition(params.id, body, s.user);
  }

  @Route(DocumentRoutes.documentHtml)
  html(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['documentHtml']>) {
    return this.documents.html(params.id, s.user);
  }

  @Route(DocumentRoutes.listDocumentMembers)
  listMembers(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['listDocumentMembers']>) {
    return this.members.list(params.id, s.user);
  }

  @Route(DocumentRoutes.setDocumentMember)
  setMember(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<R['setDocumentMember']>) {
    return this.members.set(params.id, params.userId, body.role, s.user);
  }

  @Route(DocumentRoutes.removeDocumentMember)
  removeMember(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['removeDocumentMember']>) {
    return this.members.remove(params.id, params.userId, s.user);
  }

  @Route(DocumentRoutes.listDocumentVersions)
  listVersions(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['listDocumentVersions']>) {
    return this.versions.list(params.id, s.user);
  }

  @Route(DocumentRoutes.createDocumentVersion)
  createVersion(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<R['createDocumentVersion']>) {
    return this.versions.create(params.id, body.name, s.user);
  }

  @Route(DocumentRoutes.getDocumentVersion)
  getVersion(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['getDocumentVersion']>) {
    return this.versions.view(params.id, params.versionId, s.user);
  }

  @Route(DocumentRoutes.restoreDocumentVersion)
  restoreVersion(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['restoreDocumentVersion']>) {
    return this.versions.restore(params.id, params.versionId, s.user);
  }

  @Route(DocumentRoutes.listDocumentComments)
  listComments(@CurrentSession() s: AuthenticatedSession, @Input() { params, query }: In<R['listDocumentComments']>) {
    return this.comments.list(params.id, query, s.user);
  }

  @Route(DocumentRoutes.addDocumentComment)
  addComment(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<R['addDocumentComment']>) {
    return this.comments.add(params.id, body, s.user);
  }

  @Route(DocumentRoutes.replyDocumentComment)
  reply(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<R['replyDocumentComment']>) {
    return this.comments.reply(params.id, params.commentId, body.body, s.user);
  }

  @Route(DocumentRoutes.resolveDocumentComment)
  resolve(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<R['resolveDocumentComment']>) {
    return this.comments.resolve(params.id, params.commentId, body.resolved, s.user);
  }

  @Route(DocumentRoutes.exportDocument)
  async export(@CurrentSession() s: AuthenticatedSession, @Input() { params, query }: In<R['exportDocument']>, @Res() res: Response) {
    const file = await this.exports.export(params.id, query, s.user);
    sendPrivateFile(res, file);
  }

  @Route(DocumentRoutes.getMeetingMinutes)
  minutes(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['getMeetingMinutes']>) {
    return this.documents.minutesOf(params.id, s.user);
  }

  @Route(DocumentRoutes.createMeetingMinutes)
  createMinutes(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<R['createMeetingMinutes']>) {
    return this.documents.createMinutes(params.id, s.user);
  }
}
