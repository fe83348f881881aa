import { Controller, Res, UploadedFile } from '@nestjs/common';
import type { Response } from 'express';
import { OutcomeRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { attachmentDisposition } from '../meetings/content-disposition';
import { AssignmentsService } from './assignments.service';
import { OutcomeStatsService } from './outcome-stats.service';
import { OutcomesService } from './outcomes.service';
import { sendPrivateFile } from '../../common/send-private-file';

/** Static paths (/outcomes/sources, /outcomes/stats) are declared before /outcomes/:id so they win. */
@Controller()
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly assignments: AssignmentsService,
    private readonly stats: OutcomeStatsService,
  ) {}

  @Route(OutcomeRoutes.listOutcomes)
  list(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof OutcomeRoutes.listOutcomes>) {
    return this.outcomes.list(s.user, query);
  }

  @Route(OutcomeRoutes.outcomeSources)
  sources() {
    return this.outcomes.sources();
  }

  @Route(OutcomeRoutes.outcomeStats)
  outcomeStats(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof OutcomeRoutes.outcomeStats>) {
    return this.stats.stats(s.user, query.year);
  }

  @Route(OutcomeRoutes.createOutcome)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof OutcomeRoutes.createOutcome>) {
    return this.outcomes.create(s.user, body);
  }

  @Route(OutcomeRoutes.getOutcome)
  get(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof OutcomeRoutes.getOutcome>) {
    return this.outcomes.get(params.id, s.user);
  }

  @Route(OutcomeRoutes.updateOutcome)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof OutcomeRoutes.updateOutcome>) {
    return this.outcomes.update(s.user, params.id, body);
  }

  @Route(OutcomeRoutes.recordInstruction)
  instruct(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof OutcomeRoutes.recordInstruction>) {
    return this.outcomes.recordInstruction(s.user, params.id, body);
  }

  @Route(OutcomeRoutes.assignOutcome)
  assign(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof OutcomeRoutes.assignOutcome>) {
    return this.outcomes.assign(s.user, params.id, body);
  }

  @Route(OutcomeRoutes.closeOutcome)
  close(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof OutcomeRoutes.closeOutcome>) {
    return this.outcomes.close(s.user, params.id, body);
  }

  @Route(OutcomeRoutes.followUpOutcome)
  followUp(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof OutcomeRoutes.followUpOutcome>) {
    return this.outcomes.followUp(s.user, params.id, body);
  }

  // ---- assignments ----

  @Route(OutcomeRoutes.listAssignments)
  listAssignments(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof OutcomeRoutes.listAssignments>) {
    return this.assignments.list(s.user, query);
  }

  @Route(OutcomeRoutes.getAssignment)
  getAssignment(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof OutcomeRoutes.getAssignment>) {
    return this.assignments.get(params.id, s.user);
  }

  @Route(OutcomeRoutes.uploadFeedbackAttachment)
  upload(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof OutcomeRoutes.uploadFeedbackAttachment>, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.assignments.upload(s.user, params.id, file);
  }

  @Route(OutcomeRoutes.downloadFeedbackAttachment)
  async download(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof OutcomeRoutes.downloadFeedbackAttachment>, @Res() res: Response) {
    const file = await this.assignments.download(s.user, params.id, params.attachmentId);
    sendPrivateFile(res, { contentType: file.mimeType, disposition: attachmentDisposition(file.fileName), body: file.content });
  }

  @Route(OutcomeRoutes.submitFeedback)
  feedback(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof OutcomeRoutes.submitFeedback>) {
    return this.assignments.submitFeedback(s.user, params.id, body);
  }

  @Route(OutcomeRoutes.evaluateFeedback)
  evaluate(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof OutcomeRoutes.evaluateFeedback>) {
    return this.assignments.evaluate(s.user, params.id, body);
  }

  // ---- public ----

  @Route(OutcomeRoutes.listPublicOutcomes)
  listPublic(@Input() { query }: In<typeof OutcomeRoutes.listPublicOutcomes>) {
    return this.stats.listPublic(query);
  }

  @Route(OutcomeRoutes.getPublicOutcome)
  getPublic(@Input() { params }: In<typeof OutcomeRoutes.getPublicOutcome>) {
    return this.stats.getPublic(params.id);
  }
}
