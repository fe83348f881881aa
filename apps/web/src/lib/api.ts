import type { z } from 'zod';
import { CSRF_COOKIE, CSRF_HEADER, type ResponseOf, type RouteDef } from '@xieshang/contracts';
import { ApiError, toApiError } from './ApiError';

export { ApiError, isApiError } from './ApiError';

export const API_PREFIX = '/api';

type ParamsArg<R extends RouteDef> = R['params'] extends z.ZodType ? { params: z.input<R['params']> } : { params?: undefined };
type QueryArg<R extends RouteDef> = R['query'] extends z.ZodType ? { query?: Partial<z.input<R['query']>> } : { query?: undefined };
type BodyArg<R extends RouteDef> = R['body'] extends z.ZodType ? { body: z.input<R['body']> } : { body?: undefined };

export type RequestArgs<R extends RouteDef> = ParamsArg<R> & QueryArg<R> & BodyArg<R> & { signal?: AbortSignal };
/** The options object is required only when the route has params or a body. */
type ArgsTuple<R extends RouteDef> = R['params'] extends z.ZodType
  ? [args: RequestArgs<R>]
  : R['body'] extends z.ZodType
    ? [args: RequestArgs<R>]
    : [args?: RequestArgs<R>];

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit === undefined ? undefined : decodeURIComponent(hit.slice(name.length + 1));
}

/** `/members/:id` + `{id: 'x'}` → `/api/members/x?...` */
export function buildUrl(route: Pick<RouteDef, 'path'>, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = route.path.replace(/:(\w+)/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined || v === null || v === '') throw new Error(`Missing path parameter "${key}" for ${route.path}`);
    return encodeURIComponent(String(v));
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (v === undefined || v === null || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) search.append(k, String(item));
  }
  const qs = search.toString();
  return `${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

function headersFor(route: RouteDef, json: boolean): Headers {
  const headers = new Headers({ accept: 'application/json' });
  if (json) headers.set('content-type', 'application/json');
  if (route.method !== 'GET' && route.access !== 'public') {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers.set(CSRF_HEADER, token);
  }
  return headers;
}

async function send(route: RouteDef, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, method: route.method, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Network error');
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function parseBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** Call one REST route of the contracts, typed end to end. */
export async function api<R extends RouteDef>(route: R, ...[args]: ArgsTuple<R>): Promise<ResponseOf<R>> {
  const a = (args ?? {}) as { params?: object; query?: object; body?: unknown; signal?: AbortSignal };
  const hasBody = a.body !== undefined;
  const res = await send(route, buildUrl(route, a.params, a.query), {
    headers: headersFor(route, hasBody),
    body: hasBody ? JSON.stringify(a.body) : undefined,
    signal: a.signal,
  });
  return (await parseBody(res)) as ResponseOf<R>;
}

/** POST a file to an upload route as multipart field `file`. */
export async function upload<R extends RouteDef & { upload: object }>(
  route: R,
  file: Blob,
  opts: { params?: object; fileName?: string } = {},
): Promise<ResponseOf<R>> {
  const form = new FormData();
  form.append('file', file, opts.fileName ?? (file instanceof File ? file.name : 'upload'));
  const res = await send(route, buildUrl(route, opts.params), { headers: headersFor(route, false), body: form });
  return (await parseBody(res)) as ResponseOf<R>;
}

function fileNameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}

/** Fetch a binary route and hand it to the browser as a download. */
export async function download(route: RouteDef, fallbackName: string, opts: { params?: object; query?: object } = {}): Promise<void> {
  const res = await send(route, buildUrl(route, opts.params, opts.query), { headers: headersFor(route, false) });
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
