import type { z } from 'zod';
import type { Ack } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import { toErrorBody } from '../../common/error.filter';
import { unsafeTextIssues } from '../../common/unsafe-text';
import { toFieldIssues } from '../../common/zod-issues';

/**
 * Run a socket command: validate the payload with its contract schema, run the handler,
 * answer `{data}` or `{error:{code,message}}`. Never throws into socket.io.
 */
export async function handleCommand<S extends z.ZodType, T>(schema: S, payload: unknown, run: (input: z.output<S>) => Promise<T> | T): Promise<Ack<T>> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const e = new AppException('VALIDATION_FAILED', undefined, toFieldIssues(parsed.error, 'payload'));
    return { error: { code: e.code, message: e.message, details: e.details } };
  }
  const unsafe = unsafeTextIssues(parsed.data, 'payload');
  if (unsafe.length) {
    const e = new AppException('VALIDATION_FAILED', undefined, unsafe);
    return { error: { code: e.code, message: e.message, details: e.details } };
  }
  try {
    return { data: await run(parsed.data) };
  } catch (err) {
    const { body } = toErrorBody(err);
    return { error: body };
  }
}

/** socket.io passes the ack callback last; a client that sent none gets nothing back. */
export function replyWith<T>(ack: unknown, result: Ack<T>): void {
  if (typeof ack === 'function') (ack as (r: Ack<T>) => void)(result);
}
