import { z } from 'zod';
import { Role } from './auth';
import type { ErrorCode } from './errors';

/*
 * Live session (DESIGN.md flow 6): the state the shared reducer in libs/domain works on, the commands
 * the socket carries, and the delta the server broadcasts. State schemas have no transforms so a
 * JSON round-trip of a state parses back to an equal value.
 */

const MINUTE = 60_000;
export const LIVE_LIMITS = {
  text: 200,
  minSpeakingMs: 10_000,
  maxSpeakingMs: 120 * MINUTE,
  maxExtendMs: 30 * MINUTE,
  maxAgendaItems: 200,
  maxEntries: 5_000,
} as const;

const epochMs = z.number().int().min(0);
const stateText = z.string().max(LIVE_LIMITS.text);
const inputText = z.string().trim().min(1).max(LIVE_LIMITS.text);
const speakingMs = z.number().int().min(LIVE_LIMITS.minSpeakingMs).max(LIVE_LIMITS.maxSpeakingMs);

export const LIVE_SESSION_STATUSES = ['scheduled', 'live', 'paused', 'ended'] as const;
export const LiveSessionStatus = z.enum(LIVE_SESSION_STATUSES);
export type LiveSessionStatus = z.infer<typeof LiveSessionStatus>;

export const AGENDA_ITEM_KINDS = [
  'briefing',
  'questions',
  'department_response',
  'arranged_speeches',
  'free_discussion',
  'other',
] as const;
export const AgendaItemKind = z.enum(AGENDA_ITEM_KINDS);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

export const LiveAgendaItem = z.strictObject({ id: z.uuid(), title: stateText.min(1), kind: AgendaItemKind });
export type LiveAgendaItem = z.infer<typeof LiveAgendaItem>;

export const ENTRY_KINDS = ['arranged', 'hand', 'department_response', 'point_of_order', 'reply'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;

export const SPEAKING_MODES = ['room', 'remote'] as const;
export const SpeakingMode = z.enum(SPEAKING_MODES);
export type SpeakingMode = z.infer<typeof SpeakingMode>;

export const ENTRY_STATUSES = ['queued', 'called', 'speaking', 'done', 'withdrawn', 'skipped'] as const;
export const EntryStatus = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof EntryStatus>;

export const LiveEntry = z.strictObject({
  id: z.uuid(),
  kind: EntryKind,
  memberId: z.uuid(),
  name: stateText.optional(),
  sectorName: stateText.optional(),
  /** the liaison's department, on department responses */
  departmentId: z.uuid().optional(),
  mode: SpeakingMode,
  status: EntryStatus,
  /** the agenda item current when the entry was made; null when the meeting has no agenda */
  agendaItemId: z.uuid().nullable(),
  requestedAt: epochMs,
  calledAt: epochMs.optional(),
  startedAt: epochMs.optional(),
  endedAt: epochMs.optional(),
  /** speaking time without pauses, set by queue:finish */
  durationMs: z.number().int().min(0).optional(),
  speechId: z.uuid().optional(),
  replyToEntryId: z.uuid().optional(),
  /** false while a point of order or a department's request waits for the host (the entry is then in `pending`) */
  accepted: z.boolean().optional(),
});
export type LiveEntry = z.infer<typeof LiveEntry>;

/**
 * Server-clock timer. Elapsed = elapsedBeforePauseMs + ((pausedAt ?? now) − startedAt);
 * startedAt is the start of the current running stretch.
 */
export const LiveTimer = z.strictObject({
  startedAt: epochMs,
  durationMs: z.number().int().min(0),
  pausedAt: epochMs.optional(),
  elapsedBeforePauseMs: z.number().int().min(0),
  /** the speech being timed; absent for a free-standing timer */
  entryId: z.uuid().optional(),
});
export type LiveTimer = z.infer<typeof LiveTimer>;

export const LiveSettings = z.strictObject({
  /** fairness aid: people who have not spoken yet go before queued hands of people who have */
  firstTimeFirst: z.boolean(),
});
export type LiveSettings = z.infer<typeof LiveSettings>;

export const LiveState = z.strictObject({
  meetingId: z.uuid(),
  status: LiveSessionStatus,
  openedAt: epochMs.optional(),
  endedAt: epochMs.optional(),
  agenda: z.array(LiveAgendaItem).max(LIVE_LIMITS.maxAgendaItems),
  agendaIndex: z.number().int().min(0),
  entries: z.array(LiveEntry).max(LIVE_LIMITS.maxEntries),
  /** queued and called entries, in speaking order; a called entry is always first */
  order: z.array(z.uuid()),
  /** points of order and department requests waiting for the host */
  pending: z.array(z.uuid()),
  listOpen: z.boolean(),
  timer: LiveTimer.nullable(),
  speakingLimitMs: speakingMs,
  settings: LiveSettings,
  version: z.number().int().min(0),
});
export type LiveState = z.infer<typeof LiveState>;

// ---- commands ----

const base = { clientCommandId: z.uuid() };
const entryRef = { ...base, entryId: z.uuid() };
/** who speaks; the server overwrites name and sectorName from the directory before applying */
const speaker = { name: inputText.optional(), sectorName: inputText.optional(), mode: SpeakingMode };
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...base, ...shape });

export const LiveCommand = z.discriminatedUnion('type', [
  cmd('session:open', {}),
  cmd('session:pause', {}),
  cmd('session:resume', {}),
  cmd('session:end', {}),
  cmd('agenda:next', {}),
  /** memberId: the host raising a hand on someone's behalf; members omit it */
  cmd('queue:raise-hand', { ...speaker, memberId: z.uuid().optional() }),
  cmd('queue:withdraw', entryRef),
  cmd('queue:point-of-order', speaker),
  cmd('queue:accept-point-of-order', { ...entryRef, accept: z.boolean() }),
  cmd('queue:request-response', { ...speaker, afterEntryId: z.uuid().optional() }),
  /** place a pending department request (pendingEntryId) or add a response for memberId; afterEntryId null = front */
  cmd('queue:insert-response', {
    ...speaker,
    afterEntryId: z.uuid().nullable(),
    pendingEntryId: z.uuid().optional(),
    memberId: z.uuid().optional(),
    departmentId: z.uuid().optional(),
  }).refine((c) => (c.pendingEntryId === undefined) !== (c.memberId === undefined), {
    message: 'exactly one of pendingEntryId and memberId',
    path: ['memberId'],
  }),
  cmd('queue:add-reply', { ...speaker, memberId: z.uuid(), replyToEntryId: z.uuid() }),
  cmd('queue:call-next', { finishCurrent: z.boolean().optional() }),
  cmd('queue:call', { ...entryRef, finishCurrent: z.boolean().optional() }),
  cmd('queue:start-speaking', { ...entryRef, durationMs: speakingMs.optional() }),
  cmd('queue:finish', entryRef),
  cmd('queue:skip', entryRef),
  cmd('queue:reorder', { ...entryRef, toIndex: z.number().int().min(0).max(LIVE_LIMITS.maxEntries) }),
  cmd('queue:close', {}),
  cmd('queue:reopen', {}),
  cmd('queue:re-add', { ...entryRef, toIndex: z.number().int().min(0).max(LIVE_LIMITS.maxEntries).optional() }),
  cmd('timer:start', { durationMs: speakingMs.optional() }),
  cmd('timer:pause', {}),
  cmd('timer:resume', {}),
  cmd('timer:stop', {}),
  cmd('timer:extend', { ms: z.number().int().min(1_000).max(LIVE_LIMITS.maxExtendMs) }),
  cmd('settings:update', { firstTimeFirst: z.boolean().optional(), speakingLimitMs: speakingMs.optional() }).refine(
    (c) => c.firstTimeFirst !== undefined || c.speakingLimitMs !== undefined,
    { message: 'nothing to update' },
  ),
]);
export type LiveCommand = z.infer<typeof LiveCommand>;
export type LiveCommandType = LiveCommand['type'];
export type LiveCommandOf<T extends LiveCommandType> = Extract<LiveCommand, { type: T }>;

/** Who applies a command; the server derives it from the session and the meeting, never from the payload. */
export const LiveActor = z.strictObject({
  id: z.uuid(),
  roles: z.array(Role),
  departmentId: z.uuid().optional(),
  /** chair of this meeting, or admin */
  isHost: z.boolean(),
});
export type LiveActor = z.infer<typeof LiveActor>;

/**
 * The delta the server broadcasts for every accepted command. Clients re-apply it with the shared
 * reducer, so it carries the whole reducer context: the actor's roles and host flag, the server
 * time, and the id the server gave a new entry.
 */
export const LiveEvent = z.strictObject({
  version: z.number().int().min(1),
  command: LiveCommand,
  actorId: z.uuid(),
  actorRoles: z.array(Role),
  actorIsHost: z.boolean(),
  actorDepartmentId: z.uuid().optional(),
  at: epochMs,
  entryId: z.uuid().optional(),
});
export type LiveEvent = z.infer<typeof LiveEvent>;

export const LiveSnapshot = z.strictObject({ version: z.number().int().min(0), state: LiveState });
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;

/** The registry codes the live reducer can answer with (a subset of ErrorCode). */
export const LIVE_ERROR_CODES = [
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'NOT_HOST',
  'NOT_OWN_ENTRY',
  'SESSION_NOT_LIVE',
  'QUEUE_CLOSED',
  'ENTRY_NOT_FOUND',
  'ALREADY_QUEUED',
  'SPEAKER_ACTIVE',
  'NO_ONE_QUEUED',
  'INVALID_TRANSITION',
  'STALE_VERSION',
] as const satisfies readonly ErrorCode[];
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number];
export interface LiveError {
  code: LiveErrorCode;
  params?: Record<string, string | number>;
}

// ---- transport: socket.io namespace `/live`, one room per meeting ----
/*
 * Protocol, in short:
 * - `live:join` answers with a catch-up: a snapshot, or the events after `sinceVersion` (at most
 *   LIVE_MAX_CATCH_UP_EVENTS; further behind, or sinceVersion 0 or absent, gets a snapshot).
 * - `live:command` is acknowledged `{data: {version}}` only after it is committed; the accepted command
 *   reaches every client in the room as one `live:event` (a delta, never a snapshot). A retry with the
 *   same clientCommandId is applied once and acknowledged with the version it got the first time.
 * - Events are numbered 1, 2, 3…: a client applies event v only on top of v − 1. With several api
 *   instances two events can arrive out of order; a client that sees a gap keeps the early one a moment
 *   or asks `live:sync` with its version.
 * - `live:reset`: the not-yet-started session's initial state (version 0: the arranged speeches) was
 *   rebuilt; clients at version 0 ask `live:sync` with sinceVersion 0 for the new snapshot.
 * - Presence is debounced (~250 ms): everyone gets the count; the list of people goes to everyone while
 *   at most LIVE_PRESENCE_LIST_MAX people are connected, beyond that to the hosts only.
 */

export const LIVE_MAX_CATCH_UP_EVENTS = 500;
export const LIVE_PRESENCE_LIST_MAX = 200;

export const LivePresence = z.object({
  userId: z.uuid(),
  name: z.string(),
  sectorName: z.string().nullable(),
  mode: SpeakingMode,
  /** checked in for the meeting (room QR, remote join or staff), as of this person's join */
  checkedIn: z.boolean(),
  isHost: z.boolean(),
});
export type LivePresence = z.infer<typeof LivePresence>;

/** Connected people (a person with two devices counts once; projector/viewer connections do not count). */
export const LivePresenceUpdate = z.object({
  meetingId: z.uuid(),
  count: z.number().int().min(0),
  /** everyone while count ≤ LIVE_PRESENCE_LIST_MAX; beyond that the hosts get the list, others [] */
  presence: z.array(LivePresence),
});
export type LivePresenceUpdate = z.infer<typeof LivePresenceUpdate>;

export const LiveJoinRequest = z.strictObject({
  meetingId: z.uuid(),
  /** the last version this client applied; the server answers with the missed events or a snapshot */
  sinceVersion: z.number().int().min(0).optional(),
  /** remote joiners are checked in on join; the projector joins as a viewer */
  mode: z.enum(['room', 'remote', 'viewer']).default('remote'),
});
export type LiveJoinRequest = z.input<typeof LiveJoinRequest>;

/** Either a snapshot (new or far-behind client) or the events after sinceVersion, in order. */
export const LiveCatchUp = z.union([
  z.object({ kind: z.literal('snapshot'), snapshot: LiveSnapshot }),
  z.object({ kind: z.literal('events'), events: z.array(LiveEvent) }),
]);
export type LiveCatchUp = z.infer<typeof LiveCatchUp>;

export const LiveJoinResult = z.object({
  catchUp: LiveCatchUp,
  /** the server clock when answering; the client also pings `/system` clock:ping for the offset */
  serverNow: epochMs,
  /** what the joining user may do, derived on the server */
  you: z.object({ userId: z.uuid(), isHost: z.boolean(), canRequestFloor: z.boolean(), canRespond: z.boolean(), departmentId: z.uuid().nullable() }),
  /** as in LivePresenceUpdate: the list for everyone in small meetings, for hosts only in large ones */
  presence: z.array(LivePresence),
  presenceCount: z.number().int().min(0),
});
export type LiveJoinResult = z.infer<typeof LiveJoinResult>;

export const LiveCommandRequest = z.strictObject({ meetingId: z.uuid(), command: LiveCommand });
export type LiveCommandRequest = z.input<typeof LiveCommandRequest>;
export const LiveCommandResult = z.object({ version: z.number().int().min(1) });
export type LiveCommandResult = z.infer<typeof LiveCommandResult>;

/** Answers with a LiveCatchUp (sinceVersion 0 always gets a snapshot). */
export const LiveSyncRequest = z.strictObject({ meetingId: z.uuid(), sinceVersion: z.number().int().min(0) });
export type LiveSyncRequest = z.infer<typeof LiveSyncRequest>;
export const LiveLeaveRequest = z.strictObject({ meetingId: z.uuid() });
export type LiveLeaveRequest = z.infer<typeof LiveLeaveRequest>;

/** Client → server events; each answers through the ack envelope `Ack<T>`. */
export const LIVE_CLIENT_EVENTS = {
  'live:join': LiveJoinRequest,
  'live:command': LiveCommandRequest,
  'live:sync': LiveSyncRequest,
  'live:leave': LiveLeaveRequest,
} as const;

/** What each client event answers with inside `{data}`. */
export interface LiveClientResults {
  'live:join': LiveJoinResult;
  'live:command': LiveCommandResult;
  'live:sync': LiveCatchUp;
  'live:leave': { left: true };
}

/** Server → client events (to the meeting's room). */
export interface LiveServerEvents {
  /** an accepted command as a delta; clients apply it with the shared reducer */
  'live:event': (p: { meetingId: string; event: LiveEvent }) => void;
  'live:presence': (p: LivePresenceUpdate) => void;
  /** the version-0 state was rebuilt before the session started: clients at version 0 resync */
  'live:reset': (p: { meetingId: string }) => void;
}
