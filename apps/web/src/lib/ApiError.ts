import { ERROR_REGISTRY, type ErrorCode, type ErrorParams, type FieldIssue } from '@xieshang/contracts';

/** Client-side codes for failures that never reached the API. */
export type ClientErrorCode = 'NETWORK';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    message: string,
    readonly params?: ErrorParams,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation issues with the `body.`/`query.`/`params.` prefix removed from each path. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details
      .filter((d): d is FieldIssue & Record<string, unknown> => typeof d === 'object' && d !== null && typeof d.path === 'string')
      .map((d) => ({ ...d, path: d.path.replace(/^(body|query|params)\./, '') }));
  }
}

const FALLBACK_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'DB_UNAVAILABLE',
};

/** Turn a failed response into an ApiError, also when a proxy answered with HTML or nothing. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.code === 'string') {
    return new ApiError(
      res.status,
      err.code,
      typeof err.message === 'string' ? err.message : err.code,
      (err.params as ErrorParams | undefined) ?? undefined,
      err.details,
      typeof err.requestId === 'string' ? err.requestId : undefined,
    );
  }
  const code = FALLBACK_BY_STATUS[res.status] ?? 'INTERNAL';
  const retryAfter = Number(res.headers.get('retry-after'));
  const params = code === 'RATE_LIMITED' && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : undefined;
  return new ApiError(res.status, code, ERROR_REGISTRY[code].message, params);
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
