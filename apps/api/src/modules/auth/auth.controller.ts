import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { CoreRoutes, CSRF_COOKIE, SESSION_COOKIE, SessionUser } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { AppRequest, clientIp } from '../../common/request';
import { In, Input, Route } from '../../common/route.decorator';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthenticatedSession, AuthService } from './auth.service';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private cookieOptions(req: AppRequest, httpOnly: boolean): CookieOptions {
    return { httpOnly, sameSite: 'lax', secure: this.config.COOKIE_SECURE ?? req.secure, path: '/', maxAge: this.config.SESSION_TTL_HOURS * 3600_000 };
  }

  @Route(CoreRoutes.login)
  async login(@Input() { body }: In<typeof CoreRoutes.login>, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<SessionUser> {
    const s = await this.auth.login(body.email, body.password, { ip: clientIp(req), userAgent: req.headers['user-agent'] ?? null });
    res.cookie(SESSION_COOKIE, s.token, this.cookieOptions(req, true));
    // Readable by the web app, which echoes it in the x-csrf-token header (double submit, checked against the session).
    res.cookie(CSRF_COOKIE, s.csrfToken, this.cookieOptions(req, false));
    return s.user;
  }

  @Route(CoreRoutes.logout)
  async logout(@Req() req: AppRequest, @Res({ passthrough: true }) res: Response) {
    if (req.auth) await this.auth.logout(req.auth.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  }

  @Route(CoreRoutes.me)
  me(@CurrentSession() s: AuthenticatedSession, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): SessionUser {
    res.cookie(CSRF_COOKIE, s.csrfToken, this.cookieOptions(req, false));
    return s.user;
  }

  @Route(CoreRoutes.updatePreferences)
  updatePreferences(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof CoreRoutes.updatePreferences>) {
    return this.auth.setLocale(s.user.id, body.locale);
  }

  @Route(CoreRoutes.changePassword)
  async changePassword(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof CoreRoutes.changePassword>) {
    await this.auth.changePassword(s.user.id, s.sessionId, body.currentPassword, body.newPassword);
    return { ok: true as const };
  }
}
