import { Controller } from '@nestjs/common';
import { MeetingRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { MeetingTypesService } from './meeting-types.service';

@Controller()
export class MeetingTypesController {
  constructor(private readonly types: MeetingTypesService) {}

  @Route(MeetingRoutes.listMeetingTypes)
  list(@CurrentSession() s: AuthenticatedSession) {
    return this.types.list(s.user);
  }

  @Route(MeetingRoutes.createMeetingType)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof MeetingRoutes.createMeetingType>) {
    return this.types.create(s.user, body);
  }

  @Route(MeetingRoutes.updateMeetingType)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.updateMeetingType>) {
    return this.types.update(s.user, params.id, body);
  }
}
