import { Controller } from '@nestjs/common';
import { MeetingRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { InvitationsService } from './invitations.service';

@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Route(MeetingRoutes.listInvitations)
  list(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.listInvitations>) {
    return this.invitations.list(params.id, s.user);
  }

  @Route(MeetingRoutes.myInvitation)
  mine(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.myInvitation>) {
    return this.invitations.mine(params.id, s.user);
  }

  @Route(MeetingRoutes.replyInvitation)
  reply(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.replyInvitation>) {
    return this.invitations.reply(params.id, s.user, body);
  }

  @Route(MeetingRoutes.listLeaveRequests)
  leaveRequests(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof MeetingRoutes.listLeaveRequests>) {
    return this.invitations.leaveRequests(s.user, query);
  }

  @Route(MeetingRoutes.decideLeave)
  decide(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof MeetingRoutes.decideLeave>) {
    return this.invitations.decide(params.id, s.user, body);
  }
}
