import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedSession } from '../modules/auth/auth.service';
import { AppException } from './app-exception';
import type { AppRequest } from './request';

/** The authenticated session of the request; routes with access 'public' must not use it. */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedSession => {
  const auth = ctx.switchToHttp().getRequest<AppRequest>().auth;
  if (!auth) throw new AppException('UNAUTHENTICATED');
  return auth;
});
