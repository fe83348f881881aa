import type { LiveCommandOf, LiveEntry, LiveError, LiveState } from '@xieshang/contracts';
import { requireHost, requireNotEnded, requireStatus } from './guards';
import { activeEntry, fail, findEntry, insertAt, replaceEntry, without, type LiveContext } from './live-state';
import { startTimer, timerElapsedMs } from './timer';

type Out = LiveState | LiveError;

/** speaking → done; the duration is the timer's (pauses excluded) when this speech was timed. */
export function finishSpeaking(s: LiveState, e: LiveEntry, at: number): LiveState {
  const startedAt = e.startedAt ?? at;
  const timed = s.timer !== null && s.timer.entryId === e.id;
  const durationMs = timed && s.timer ? timerElapsedMs(s.timer, at) : Math.max(0, at - startedAt);
  const done: LiveEntry = { ...e, status: 'done', endedAt: Math.max(at, startedAt), durationMs };
  return { ...s, entries: replaceEntry(s, done), timer: timed ? null : s.timer };
}

/** Make room for the next speaker: the speaker finishes, a called but absent person is skipped. */
function closeActive(s: LiveState, e: LiveEntry, at: number): LiveState {
  if (e.status === 'speaking') return finishSpeaking(s, e, at);
  return { ...s, entries: replaceEntry(s, { ...e, status: 'skipped' }), order: without(s.order, e.id) };
}

function callEntry(s: LiveState, e: LiveEntry, at: number): LiveState {
  return {
    ...s,
    entries: replaceEntry(s, { ...e, status: 'called', calledAt: at }),
    order: [e.id, ...without(s.order, e.id)],
  };
}

function clearFloor(s: LiveState, finishCurrent: boolean | undefined, at: number): Out {
  const active = activeEntry(s);
  if (!active) return s;
  if (!finishCurrent) return fail('SPEAKER_ACTIVE', { entryId: active.id });
  return closeActive(s, active, at);
}

const transition = (e: LiveEntry, to: string) => fail('INVALID_TRANSITION', { from: e.status, to });

export function callNext(s: LiveState, c: LiveCommandOf<'queue:call-next'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireStatus(s, 'live');
  if (err) return err;
  const cleared = clearFloor(s, c.finishCurrent, ctx.at);
  if ('code' in cleared) return cleared;
  const next = cleared.order.map((id) => findEntry(cleared, id)).find((e) => e?.status === 'queued');
  if (!next) return fail('NO_ONE_QUEUED');
  return callEntry(cleared, next, ctx.at);
}

export function call(s: LiveState, c: LiveCommandOf<'queue:call'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireStatus(s, 'live');
  if (err) return err;
  const e = findEntry(s, c.entryId);
  if (!e) return fail('ENTRY_NOT_FOUND', { entryId: c.entryId });
  if (e.status !== 'queued' || !s.order.includes(e.id)) return transition(e, 'called');
  const cleared = clearFloor(s, c.finishCurrent, ctx.at);
  if ('code' in cleared) return cleared;
  return callEntry(cleared, e, ctx.at);
}

export function startSpeaking(s: LiveState, c: LiveCommandOf<'queue:start-speaking'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireStatus(s, 'live');
  if (err) return err;
  const e = findEntry(s, c.entryId);
  if (!e) return fail('ENTRY_NOT_FOUND', { entryId: c.entryId });
  if (e.status !== 'called') return transition(e, 'speaking');
  return {
    ...s,
    entries: replaceEntry(s, { ...e, status: 'speaking', startedAt: ctx.at }),
    order: without(s.order, e.id),
    timer: startTimer(ctx.at, c.durationMs ?? s.speakingLimitMs, e.id),
  };
}

export function finish(s: LiveState, c: LiveCommandOf<'queue:finish'>, ctx: LiveContext): Out {
  const err = requireStatus(s, 'live', 'paused');
  if (err) return err;
  const e = findEntry(s, c.entryId);
  if (!e) return fail('ENTRY_NOT_FOUND', { entryId: c.entryId });
  if (!ctx.actor.isHost && e.memberId !== ctx.actor.id) return fail('NOT_OWN_ENTRY');
  if (e.status !== 'speaking') return transition(e, 'done');
  return finishSpeaking(s, e, ctx.at);
}

export function skip(s: LiveState, c: LiveCommandOf<'queue:skip'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireNotEnded(s);
  if (err) return err;
  const e = findEntry(s, c.entryId);
  if (!e) return fail('ENTRY_NOT_FOUND', { entryId: c.entryId });
  if (e.status !== 'queued' && e.status !== 'called') return transition(e, 'skipped');
  return {
    ...s,
    entries: replaceEntry(s, { ...e, status: 'skipped' }),
    order: without(s.order, e.id),
    pending: without(s.pending, e.id),
  };
}

export function reorder(s: LiveState, c: LiveCommandOf<'queue:reorder'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireNotEnded(s);
  if (err) return err;
  const e = findEntry(s, c.entryId);
  if (!e) return fail('ENTRY_NOT_FOUND', { entryId: c.entryId });
  if (e.status !== 'queued' || !s.order.includes(e.id)) return transition(e, 'queued');
  if (c.toIndex >= s.order.length) return fail('VALIDATION_FAILED', { field: 'toIndex' });
  // the called person is already on the way to the microphone: nobody is moved ahead of them
  const first = findEntry(s, s.order[0])?.status === 'called' ? 1 : 0;
  return { ...s, order: insertAt(without(s.order, e.id), Math.max(first, c.toIndex), e.id) };
}

export function setListOpen(s: LiveState, open: boolean, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireNotEnded(s);
  if (err) return err;
  if (s.listOpen === open) return fail('INVALID_TRANSITION', { from: open ? 'open' : 'closed', to: open ? 'open' : 'closed' });
  return { ...s, listOpen: open };
}
