import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ErrorBody, ErrorCode, formatErrorMessage } from '@xieshang/contracts';
import { AppException } from './app-exception';
import type { AppRequest } from './request';

/** Error codes of a connection that is gone or never came: the database is down, nothing was saved. */
const DB_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

export function isDbUnavailable(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  if (code && DB_DOWN.has(code)) return true;
  const msg = e?.message ?? '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|not currently accepting connections|terminating connection due to administrator command/i.test(msg);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Map anything thrown to the registry: a code, a status and a translated-by-client message.
 * `uploadLimitBytes` is the file limit of the route that failed, when it takes an upload.
 */
export function toErrorBody(err: unknown, uploadLimitBytes?: number): { status: number; body: ErrorBody } {
  const jsonLimit = '1 MB';
  const fileLimit = uploadLimitBytes ? megabytes(uploadLimitBytes) : jsonLimit;
  if (err instanceof AppException) {
    return { status: err.status, body: { code: err.code, message: err.message, params: err.params, details: err.details } };
  }
  if (isDbUnavailable(err)) return make('DB_UNAVAILABLE');
  if (err instanceof QueryFailedError) {
    const driver = (err as { driverError?: { code?: string; constraint?: string; detail?: string } }).driverError;
    if (driver?.code === '23505') return make('CONFLICT');
    // A reference to a row that does not exist (e.g. an unknown plan item id) is the caller's mistake, not ours.
    if (driver?.code === '23503') {
      // detail reads `Key (plan_item_id)=(…) is not present in table "plan_items".`; such ids come from request bodies
      const column = /\((\w+)\)=/.exec(driver.detail ?? '')?.[1] ?? '';
      const field = column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
      return make('VALIDATION_FAILED', undefined, [{ path: field ? `body.${field}` : '', code: 'unknown_reference', message: 'refers to something that does not exist' }]);
    }
  }
  const multer = err as { code?: string; name?: string };
  if (multer?.name === 'MulterError') {
    if (multer.code === 'LIMIT_FILE_SIZE') return make('PAYLOAD_TOO_LARGE', { limit: fileLimit });
    return make('VALIDATION_FAILED', undefined, [{ path: 'file', code: multer.code ?? 'invalid', message: String((err as Error).message) }]);
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const byStatus: Record<number, ErrorCode> = { 400: 'VALIDATION_FAILED', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'ROUTE_NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' };
    const code = byStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    const details = status === 400 ? [{ path: '', code: 'invalid_body', message: err.message }] : undefined;
    return { status, body: { code, message: code === 'PAYLOAD_TOO_LARGE' ? formatErrorMessage(code, { limit: fileLimit }) : formatErrorMessage(code), params: code === 'PAYLOAD_TOO_LARGE' ? { limit: fileLimit } : undefined, details } };
  }
  const typeErr = err as { type?: string; status?: number; message?: string };
  if (typeErr?.type === 'entity.parse.failed') return make('VALIDATION_FAILED', undefined, [{ path: '', code: 'invalid_json', message: 'Malformed JSON' }]);
  if (typeErr?.type === 'entity.too.large') return make('PAYLOAD_TOO_LARGE', { limit: jsonLimit });
  return make('INTERNAL');
}

function make(code: ErrorCode, params?: Record<string, string | number>, details?: unknown) {
  const { status } = new AppException(code);
  return { status, body: { code, message: formatErrorMessage(code, params), params, details } };
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AppRequest>();
    const res = ctx.getResponse<Response>();
    const { status, body } = toErrorBody(exception, req.routeDef?.upload?.maxBytes);
    if (status >= 500) {
      this.logger.error({ err: exception, reqId: req.id, code: body.code }, `${req.method} ${req.originalUrl} failed`);
    }
    if (body.code === 'RATE_LIMITED' && body.params?.retryAfterSeconds) res.setHeader('Retry-After', String(body.params.retryAfterSeconds));
    if (res.headersSent) return;
    res.status(status).json({ error: { ...body, requestId: req.id } });
  }
}
