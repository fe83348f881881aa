/**
 * The one registry of error codes. Every error the API or a socket gateway sends carries one of
 * these codes; the HTTP status comes from here, and clients translate `errors.<CODE>` with params.
 */
export const ERROR_REGISTRY = {
  VALIDATION_FAILED: { status: 400, message: 'The request is invalid' },
  UNAUTHENTICATED: { status: 401, message: 'Please log in' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong email or password' },
  ACCOUNT_DISABLED: { status: 403, message: 'This account is deactivated' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  CSRF_FAILED: { status: 403, message: 'The request did not come from this application' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such route' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state' },
  EMAIL_TAKEN: { status: 409, message: 'This email is already in use' },
  NAME_TAKEN: { status: 409, message: 'This name is already in use' },
  IN_USE: { status: 409, message: 'Still in use by {count} records' },
  INVALID_TRANSITION: { status: 409, message: 'Cannot go from {from} to {to}' },
  STALE_VERSION: { status: 409, message: 'Someone changed this in the meantime' },
  NOT_HOST: { status: 403, message: 'Only the host can do this' },
  NOT_OWN_ENTRY: { status: 403, message: 'You can only change your own request' },
  SESSION_NOT_LIVE: { status: 409, message: 'The session is not running ({status})' },
  QUEUE_CLOSED: { status: 409, message: 'The list of speakers is closed' },
  ENTRY_NOT_FOUND: { status: 404, message: 'No such entry in the queue' },
  ALREADY_QUEUED: { status: 409, message: 'Already waiting to speak' },
  SPEAKER_ACTIVE: { status: 409, message: 'Someone has the floor; finish their turn first' },
  NO_ONE_QUEUED: { status: 409, message: 'Nobody is waiting to speak' },
  NOT_INVITED: { status: 403, message: 'You are not invited to this meeting' },
  CHECK_IN_CODE_INVALID: { status: 400, message: 'This check-in code has expired; scan the code on the screen again' },
  MEETING_LOCKED: { status: 409, message: 'The meeting is {state}; this can no longer be changed' },
  CALENDAR_FEED_NOT_FOUND: { status: 404, message: 'This calendar link has been turned off' },
  REPLY_DEADLINE_PASSED: { status: 409, message: 'The deadline for replies has passed' },
  CHECK_IN_NOT_OPEN: { status: 409, message: 'Check-in is not open: it opens 2 hours before the meeting starts and closes when it ends' },
  PLAN_RULES_VIOLATED: { status: 422, message: 'The plan breaks the rule {rule}: required {required}, actual {actual}' },
  PLAN_LOCKED: { status: 409, message: 'The plan is {state}; it can only be changed through a recorded amendment' },
  PLAN_YEAR_TAKEN: { status: 409, message: 'There is already a plan for {year}' },
  PLAN_TOPIC_UNAVAILABLE: { status: 409, message: 'This topic cannot go into the plan ({state})' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The upload is too large (limit {limit})' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported file type' },
  IMPORT_INVALID: { status: 422, message: '{count} rows have errors; nothing was imported' },
  TOPIC_CALL_CLOSED: { status: 409, message: 'This call is not open for topics' },
  TOPIC_CALL_LIMIT: { status: 409, message: 'At most {required} topics per person in this call' },
  TOPIC_MERGE_TARGET: { status: 409, message: 'Cannot merge into this topic ({state})' },
  TOPIC_NOT_SUPPORTABLE: { status: 409, message: 'Only topics in the pool can be supported' },
  OUTCOME_SOURCE_NOT_FINAL: { status: 409, message: 'Only a finalized report, recommendation or minutes can be sent ({state})' },
  OUTCOME_ALREADY_SENT: { status: 409, message: 'This document has already been sent as an outcome' },
  DOCUMENT_FINALIZED: { status: 409, message: 'This document is finalized; it can no longer be changed' },
  DOC_NOT_OPEN: { status: 409, message: 'Open the document before syncing it' },
  DOC_READ_ONLY: { status: 403, message: 'This document is read-only for you ({reason})' },
  DOC_UPDATE_INVALID: { status: 400, message: 'The edit could not be read; nothing was changed' },
  DOC_UPDATE_TOO_LARGE: { status: 413, message: 'The edit is too large (limit {limit} bytes)' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; try again in {retryAfterSeconds} s' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
  DB_UNAVAILABLE: { status: 503, message: 'The database is unavailable; nothing was saved' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_REGISTRY;
export const ERROR_CODES = Object.keys(ERROR_REGISTRY) as ErrorCode[];

export type ErrorParams = Record<string, string | number>;

export interface FieldIssue {
  /** dotted path, e.g. `email` or `items.2.title` */
  path: string;
  /** a code from the issue vocabulary (zod's issue codes), translated by clients */
  code: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
  details?: unknown;
}

/** Fill `{name}` placeholders of a registry message. */
export function formatErrorMessage(code: ErrorCode, params?: ErrorParams): string {
  const template: string = ERROR_REGISTRY[code].message;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params && k in params ? String(params[k]) : `{${k}}`));
}
