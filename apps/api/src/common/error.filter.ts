import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ErrorBody, ErrorCode, formatErrorMessage } from '@xieshang/contracts';
import { AppException } from './app-exception';

/** Error codes of a connection that is gone or never came: the database is down, nothing was saved. */
const DB_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

export function isDbUnavailable(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  if (code && DB_DOWN.has(code)) return true;
  const msg = e?.message ?? '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|not currently accepting connections|terminating connection due to administrator command/i.test(msg);
}

/** Map anything thrown to the registry: a code, a status and a translated-by-client message. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppException) {
    return { status: err.status, body: { code: err.code, message: err.message, params: err.params, details: err.details } };
  }
  if (isDbUnavailable(err)) return make('DB_UNAVAILABLE');
  if (err instanceof QueryFailedError && (err as { driverError?: { code?: string } }).driverError?.code === '23505') {
    return make('CONFLICT');
  }
  const multer = err as { code?: string; name?: string };
  if (multer?.name === 'MulterError') {
    if (multer.code === 'LIMIT_FILE_SIZE') return make('PAYLOAD_TOO_LARGE', { limit: '2 MB' });
    return make('VALIDATION_FAILED', undefined, [{ path: 'file', code: multer.code ?? 'invalid', message: String((err as Error).message) }]);
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const byStatus: Record<number, ErrorCode> = { 400: 'VALIDATION_FAILED', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'ROUTE_NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' };
    const code = byStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    const details = status === 400 ? [{ path: '', code: 'invalid_body', message: err.message }] : undefined;
    return { status, body: { code, message: code === 'PAYLOAD_TOO_LARGE' ? formatErrorMessage(code, { limit: '1 MB' }) : formatErrorMessage(code), details } };
  }
  const typeErr = err as { type?: string; status?: number; message?: string };
  if (typeErr?.type === 'entity.parse.failed') return make('VALIDATION_FAILED', undefined, [{ path: '', code: 'invalid_json', message: 'Malformed JSON' }]);
  if (typeErr?.type === 'entity.too.large') return make('PAYLOAD_TOO_LARGE', { limit: '1 MB' });
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
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const { status, body } = toErrorBody(exception);
    if (status >= 500) {
      this.logger.error({ err: exception, reqId: req.id, code: body.code }, `${req.method} ${req.originalUrl} failed`);
    }
    if (body.code === 'RATE_LIMITED' && body.params?.retryAfterSeconds) res.setHeader('Retry-After', String(body.params.retryAfterSeconds));
    if (res.headersSent) return;
    res.status(status).json({ error: { ...body, requestId: req.id } });
  }
}
