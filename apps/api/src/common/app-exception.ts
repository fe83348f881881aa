import { ERROR_REGISTRY, ErrorCode, ErrorParams, formatErrorMessage } from '@xieshang/contracts';

/** The one exception type of the api: a registry code, params for the message, optional details. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: ErrorParams,
    readonly details?: unknown,
  ) {
    super(formatErrorMessage(code, params));
  }
  get status(): number {
    return ERROR_REGISTRY[this.code].status;
  }
}
