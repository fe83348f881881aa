import { Controller } from '@nestjs/common';
import { MeetingRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { SpeechesService } from './speeches.service';

@Controller()
export class SpeechesController {
  constructor(private readonly speeches: SpeechesService) {}

  @Route(MeetingRoutes.listSpeeches)
  list(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.listSpeeches>) {
    return this.speeches.list(params.id, s.user);
  }

  @Route(MeetingRoutes.createSpeech)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.createSpeech>) {
    return this.speeches.create(params.id, s.user, body);
  }

  @Route(MeetingRoutes.updateSpeech)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.updateSpeech>) {
    return this.speeches.update(params.id, s.user, body);
  }

  @Route(MeetingRoutes.transitionSpeech)
  transition(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.transitionSpeech>) {
    return this.speeches.transition(params.id, s.user, body.action, body.comment ?? null);
  }

  @Route(MeetingRoutes.orderSpeeches)
  order(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.orderSpeeches>) {
    return this.speeches.order(params.id, s.user, body.speechIds);
  }
}
