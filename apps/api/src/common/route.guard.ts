import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { z } from 'zod';
import { CSRF_HEADER, RouteDef } from '@xieshang/contracts';
import { canAccess } from '@xieshang/domain';
import { AuthService } from '../modules/auth/auth.service';
import { AppException } from './app-exception';
import { AppRequest, sessionTokenOf } from './request';
import { ROUTE_DEF } from './route.decorator';
import { unsafeTextIssues } from './unsafe-text';
import { toFieldIssues } from './zod-issues';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!r.success) throw new AppException('VALIDATION_FAILED', undefined, toFieldIssues(r.error, part));
  const unsafe = unsafeTextIssues(r.data, part);
  if (unsafe.length) throw new AppException('VALIDATION_FAILED', undefined, unsafe);
  return r.data;
}

/**
 * Global guard: every HTTP handler must carry a route definition (fail closed otherwise).
 * Authenticates the session cookie, checks the route's access rule through libs/domain,
 * checks the CSRF token on state-changing requests, then validates the inputs.
 */
@Injectable()
export class RouteGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const def = this.reflector.get<RouteDef | undefined>(ROUTE_DEF, ctx.getHandler());
    if (!def) throw new AppException('INTERNAL', undefined, { reason: 'route without a definition' });
    const req = ctx.switchToHttp().getRequest<AppRequest>();

    // A public route (health above all) must still answer when the session lookup cannot.
    const session = await this.auth.authenticate(sessionTokenOf(req.headers.cookie)).catch((e: unknown) => {
      if (def.access === 'public') return null;
      throw e;
    });
    req.auth = session;
    // The error filter reads the route's upload limit from here when multer refuses a file.
    req.routeDef = def;
    if (!canAccess(session?.user, def.access)) throw new AppException(session ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    // Public routes (login, logout, the public topic call) change nothing an attacker could abuse through a victim's session.
    if (session && def.access !== 'public' && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppException('CSRF_FAILED');
    }
    req.parsed = {
      params: parsePart(def.params, req.params, 'params'),
      query: parsePart(def.query, req.query, 'query'),
      body: parsePart(def.body, req.body, 'body'),
    };
    return true;
  }
}
