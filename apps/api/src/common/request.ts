import type { RouteDef } from '@xieshang/contracts';
import type { Request } from 'express';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE } from '@xieshang/contracts';
import type { AuthenticatedSession } from '../modules/auth/auth.service';
import type { ParsedInput } from './route.decorator';

export type AppRequest = Request & { id?: string; auth?: AuthenticatedSession | null; parsed?: ParsedInput; routeDef?: RouteDef };

export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookies(cookieHeader)[SESSION_COOKIE];
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
