import type { LiveCommand, LiveError, LiveEvent, LiveState } from '@xieshang/contracts';
import { call, callNext, finish, reorder, setListOpen, skip, startSpeaking } from './floor-commands';
import { fail, type LiveContext, type ReduceResult } from './live-state';
import {
  acceptPointOfOrder,
  addReply,
  insertResponse,
  pointOfOrder,
  raiseHand,
  reAdd,
  requestResponse,
  withdraw,
} from './request-commands';
import {
  endSession,
  nextAgendaItem,
  openSession,
  pauseSession,
  resumeSession,
  timerCommand,
  updateSettings,
} from './session-commands';

export { initialLiveState } from './live-state';
export type { ArrangedSpeechParam, InitialLiveStateParams, LiveContext, ReduceResult } from './live-state';

function apply(s: LiveState, c: LiveCommand, ctx: LiveContext): LiveState | LiveError {
  switch (c.type) {
    case 'session:open':
      return openSession(s, ctx);
    case 'session:pause':
      return pauseSession(s, ctx);
    case 'session:resume':
      return resumeSession(s, ctx);
    case 'session:end':
      return endSession(s, ctx);
    case 'agenda:next':
      return nextAgendaItem(s, ctx);
    case 'queue:raise-hand':
      return raiseHand(s, c, ctx);
    case 'queue:withdraw':
      return withdraw(s, c, ctx);
    case 'queue:point-of-order':
      return pointOfOrder(s, c, ctx);
    case 'queue:accept-point-of-order':
      return acceptPointOfOrder(s, c, ctx);
    case 'queue:request-response':
      return requestResponse(s, c, ctx);
    case 'queue:insert-response':
      return insertResponse(s, c, ctx);
    case 'queue:add-reply':
      return addReply(s, c, ctx);
    case 'queue:call-next':
      return callNext(s, c, ctx);
    case 'queue:call':
      return call(s, c, ctx);
    case 'queue:start-speaking':
      return startSpeaking(s, c, ctx);
    case 'queue:finish':
      return finish(s, c, ctx);
    case 'queue:skip':
      return skip(s, c, ctx);
    case 'queue:reorder':
      return reorder(s, c, ctx);
    case 'queue:close':
      return setListOpen(s, false, ctx);
    case 'queue:reopen':
      return setListOpen(s, true, ctx);
    case 'queue:re-add':
      return reAdd(s, c, ctx);
    case 'timer:start':
    case 'timer:pause':
    case 'timer:resume':
    case 'timer:stop':
    case 'timer:extend':
      return timerCommand(s, c, ctx);
    case 'settings:update':
      return updateSettings(s, c, ctx);
    default:
      // a command type from a newer client or server: refuse rather than guess
      return fail('VALIDATION_FAILED', { field: 'type' });
  }
}

/**
 * Apply one command. The command is expected to be parsed with `LiveCommand` already (the socket layer
 * does that); the reducer checks who may do it and whether the state allows it. A refusal returns the
 * input state object itself; an accepted command returns new objects and bumps the version by one.
 */
export function reduce(state: LiveState, command: LiveCommand, ctx: LiveContext): ReduceResult {
  if (!Number.isSafeInteger(ctx.at) || ctx.at < 0) return { state, error: fail('VALIDATION_FAILED', { field: 'at' }) };
  const next = apply(state, command, ctx);
  if ('code' in next) return { state, error: next };
  return { state: { ...next, version: state.version + 1 } };
}

/** The reducer context a broadcast event was applied with on the server. */
export function eventContext(event: LiveEvent): LiveContext {
  return {
    actor: {
      id: event.actorId,
      roles: event.actorRoles,
      isHost: event.actorIsHost,
      ...(event.actorDepartmentId !== undefined && { departmentId: event.actorDepartmentId }),
    },
    at: event.at,
    ...(event.entryId !== undefined && { entryId: event.entryId }),
  };
}

/** Build the broadcast delta for a command the server accepted. */
export function toEvent(command: LiveCommand, ctx: LiveContext, version: number): LiveEvent {
  const { actor } = ctx;
  return {
    version,
    command,
    actorId: actor.id,
    actorRoles: [...actor.roles],
    actorIsHost: actor.isHost,
    ...(actor.departmentId !== undefined && { actorDepartmentId: actor.departmentId }),
    at: ctx.at,
    ...(ctx.entryId !== undefined && { entryId: ctx.entryId }),
  };
}

/**
 * Client side: apply a broadcast delta. An event that is not the next version means the client missed
 * some; it then asks for the missed events or a snapshot (STALE_VERSION).
 */
export function applyEvent(state: LiveState, event: LiveEvent): ReduceResult {
  if (event.version !== state.version + 1) {
    return { state, error: fail('STALE_VERSION', { expected: state.version + 1, got: event.version }) };
  }
  return reduce(state, event.command, eventContext(event));
}
