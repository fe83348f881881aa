import { Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MeetingRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { attachmentDisposition } from '../meetings/content-disposition';
import { CalendarService } from './calendar.service';

/** The address the request came in on (behind a proxy only with TRUST_PROXY, which Express honours). */
export const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

function sendCalendar(res: Response, body: string, disposition: string, cacheControl: string) {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', disposition);
  res.setHeader('Cache-Control', cacheControl);
  res.send(body);
}

@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Route(MeetingRoutes.getCalendarFeed)
  get(@CurrentSession() s: AuthenticatedSession, @Req() req: Request) {
    return this.calendar.getFeed(s.user.id, originOf(req));
  }

  @Route(MeetingRoutes.rotateCalendarFeed)
  rotate(@CurrentSession() s: AuthenticatedSession, @Req() req: Request) {
    return this.calendar.rotate(s.user, originOf(req));
  }

  @Route(MeetingRoutes.revokeCalendarFeed)
  revoke(@CurrentSession() s: AuthenticatedSession) {
    return this.calendar.revoke(s.user);
  }

  /** Public: the token in the path is the credential. Calendar apps poll it; five minutes of caching is plenty fresh. */
  @Route(MeetingRoutes.calendarFeedIcs)
  async feed(@Input() { params }: In<typeof MeetingRoutes.calendarFeedIcs>, @Req() req: Request, @Res() res: Response) {
    const body = await this.calendar.feedIcs(params.token, originOf(req));
    res.setHeader('X-Robots-Tag', 'noindex');
    sendCalendar(res, body, 'inline; filename="meetings.ics"', 'private, max-age=300');
  }

  @Route(MeetingRoutes.meetingIcs)
  async meeting(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof MeetingRoutes.meetingIcs>, @Req() req: Request, @Res() res: Response) {
    const { fileName, body } = await this.calendar.meetingIcs(params.id, s.user, originOf(req));
    sendCalendar(res, body, attachmentDisposition(fileName), 'private, no-cache');
  }
}
