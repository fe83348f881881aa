import type { z } from 'zod';
import type { Permission } from './permissions';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Who may call a route at all; finer checks (own records, state) happen in the service via libs/domain. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

export interface RouteDef {
  method: HttpMethod;
  /** Path below /api, Express style (`/members/:id`). */
  path: string;
  tag: string;
  summary: string;
  access: RouteAccess;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** multipart upload with a single `file` field */
  upload?: { maxBytes: number; mimeTypes: readonly string[] };
  response?: z.ZodType;
  /** binary response (file download) */
  produces?: string;
}

export const route = <const R extends RouteDef>(r: R): R => r;
