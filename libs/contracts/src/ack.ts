import type { ErrorBody } from './errors';

/** The envelope every socket command answers with, and every REST error body. */
export type Ack<T> = { data: T } | { error: ErrorBody };

export function isAckError<T>(ack: Ack<T>): ack is { error: ErrorBody } {
  return typeof ack === 'object' && ack !== null && 'error' in ack;
}
