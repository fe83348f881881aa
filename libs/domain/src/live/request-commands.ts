import type { LiveCommandOf, LiveEntry, LiveError, LiveState } from '@xieshang/contracts';
import { canRequestFloor, isLiaison, requireHost, requireStatus } from './guards';
import {
  fail,
  findEntry,
  frontIndex,
  hasOpenOfKind,
  hasSpoken,
  insertAt,
  newEntry,
  replaceEntry,
  without,
  type LiveContext,
} from './live-state';

type Out = LiveState | LiveError;

/** Right after `afterEntryId` (and after responses and replies already placed there), else at the front. */
export function indexAfter(s: LiveState, afterEntryId: string | null): number {
  const at = afterEntryId === null ? -1 : s.order.indexOf(afterEntryId);
  let i = Math.max(frontIndex(s), at + 1);
  while (i < s.order.length && afterEntryId !== null && findEntry(s, s.order[i])?.replyToEntryId === afterEntryId) i++;
  return i;
}

/** Fairness: a first-time speaker goes before the queued hands of people who have spoken already. */
function handIndex(s: LiveState, memberId: string): number {
  if (!s.settings.firstTimeFirst || hasSpoken(s, memberId)) return s.order.length;
  for (let i = frontIndex(s); i < s.order.length; i++) {
    const e = findEntry(s, s.order[i]);
    if (e && e.kind === 'hand' && e.status === 'queued' && hasSpoken(s, e.memberId)) return i;
  }
  return s.order.length;
}

const speakerFields = (c: { name?: string; sectorName?: string; mode: LiveEntry['mode'] }) => ({
  name: c.name,
  sectorName: c.sectorName,
  mode: c.mode,
});

export function raiseHand(s: LiveState, c: LiveCommandOf<'queue:raise-hand'>, ctx: LiveContext): Out {
  const { actor } = ctx;
  if (!canRequestFloor(actor)) return fail('FORBIDDEN');
  const memberId = c.memberId ?? actor.id;
  if (memberId !== actor.id && !actor.isHost) return fail('NOT_OWN_ENTRY');
  const err = requireStatus(s, 'live', 'paused');
  if (err) return err;
  if (!s.listOpen && !actor.isHost) return fail('QUEUE_CLOSED');
  if (hasOpenOfKind(s, memberId, 'hand')) return fail('ALREADY_QUEUED', { memberId });
  const e = newEntry(s, ctx, { kind: 'hand', memberId, ...speakerFields(c) });
  if ('code' in e) return e;
  return { ...s, entries: [...s.entries, e], order: insertAt(s.order, handIndex(s, memberId), e.id) };
}

export function withdraw(s: LiveState, c: LiveCommandOf<'queue:withdraw'>, ctx: LiveContext): Out {
  const err = requireStatus(s, 'scheduled', 'live', 'paused');
  if (err) return err;
  const e = findEntry(s, c.entryId);
  if (!e) return fail('ENTRY_NOT_FOUND', { entryId: c.entryId });
  if (e.memberId !== ctx.actor.id && !ctx.actor.isHost) return fail('NOT_OWN_ENTRY');
  if (e.status !== 'queued' && e.status !== 'called') return fail('INVALID_TRANSITION', { from: e.status, to: 'withdrawn' });
  return {
    ...s,
    entries: replaceEntry(s, { ...e, status: 'withdrawn' }),
    order: without(s.order, e.id),
    pending: without(s.pending, e.id),
  };
}

/** A point of order does not need an open list: it is about procedure, not a turn to speak. */
export function pointOfOrder(s: LiveState, c: LiveCommandOf<'queue:point-of-order'>, ctx: LiveContext): Out {
  if (!canRequestFloor(ctx.actor)) return fail('FORBIDDEN');
  const err = requireStatus(s, 'live', 'paused');
  if (err) return err;
  if (hasOpenOfKind(s, ctx.actor.id, 'point_of_order')) return fail('ALREADY_QUEUED', { memberId: ctx.actor.id });
  const e = newEntry(s, ctx, { kind: 'point_of_order', memberId: ctx.actor.id, accepted: false, ...speakerFields(c) });
  if ('code' in e) return e;
  return { ...s, entries: [...s.entries, e], pending: [...s.pending, e.id] };
}

export function acceptPointOfOrder(s: LiveState, c: LiveCommandOf<'queue:accept-point-of-order'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireStatus(s, 'live', 'paused');
  if (err) return err;
  const e = findEntry(s, c.entryId);
  if (!e) return fail('ENTRY_NOT_FOUND', { entryId: c.entryId });
  if (e.kind !== 'point_of_order' || !s.pending.includes(e.id)) return fail('INVALID_TRANSITION', { from: e.status, to: 'accepted' });
  const pending = without(s.pending, e.id);
  if (!c.accept) return { ...s, entries: replaceEntry(s, { ...e, status: 'skipped' }), pending };
  return {
    ...s,
    entries: replaceEntry(s, { ...e, accepted: true }),
    pending,
    order: insertAt(s.order, frontIndex(s), e.id),
  };
}

export function requestResponse(s: LiveState, c: LiveCommandOf<'queue:request-response'>, ctx: LiveContext): Out {
  const { actor } = ctx;
  if (!isLiaison(actor)) return fail('FORBIDDEN');
  const err = requireStatus(s, 'live', 'paused');
  if (err) return err;
  if (c.afterEntryId !== undefined && !findEntry(s, c.afterEntryId)) return fail('ENTRY_NOT_FOUND', { entryId: c.afterEntryId });
  if (hasOpenOfKind(s, actor.id, 'department_response')) return fail('ALREADY_QUEUED', { memberId: actor.id });
  const e = newEntry(s, ctx, {
    kind: 'department_response',
    memberId: actor.id,
    departmentId: actor.departmentId,
    replyToEntryId: c.afterEntryId,
    accepted: false,
    ...speakerFields(c),
  });
  if ('code' in e) return e;
  return { ...s, entries: [...s.entries, e], pending: [...s.pending, e.id] };
}

export function insertResponse(s: LiveState, c: LiveCommandOf<'queue:insert-response'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireStatus(s, 'live', 'paused');
  if (err) return err;
  if (c.afterEntryId !== null && !findEntry(s, c.afterEntryId)) return fail('ENTRY_NOT_FOUND', { entryId: c.afterEntryId });
  const replyTo = c.afterEntryId ?? undefined;
  if (c.pendingEntryId !== undefined) {
    const p = findEntry(s, c.pendingEntryId);
    if (!p) return fail('ENTRY_NOT_FOUND', { entryId: c.pendingEntryId });
    if (p.kind !== 'department_response' || !s.pending.includes(p.id)) return fail('INVALID_TRANSITION', { from: p.status, to: 'accepted' });
    const placed: LiveEntry = { ...p, accepted: true, ...(replyTo !== undefined && { replyToEntryId: replyTo }) };
    return {
      ...s,
      entries: replaceEntry(s, placed),
      pending: without(s.pending, p.id),
      order: insertAt(s.order, indexAfter(s, c.afterEntryId), p.id),
    };
  }
  const memberId = c.memberId ?? ctx.actor.id;
  if (hasOpenOfKind(s, memberId, 'department_response')) return fail('ALREADY_QUEUED', { memberId });
  const e = newEntry(s, ctx, {
    kind: 'department_response',
    memberId,
    departmentId: c.departmentId,
    replyToEntryId: replyTo,
    ...speakerFields(c),
  });
  if ('code' in e) return e;
  return { ...s, entries: [...s.entries, e], order: insertAt(s.order, indexAfter(s, c.afterEntryId), e.id) };
}

export function addReply(s: LiveState, c: LiveCommandOf<'queue:add-reply'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireStatus(s, 'live', 'paused');
  if (err) return err;
  if (!findEntry(s, c.replyToEntryId)) return fail('ENTRY_NOT_FOUND', { entryId: c.replyToEntryId });
  if (hasOpenOfKind(s, c.memberId, 'reply')) return fail('ALREADY_QUEUED', { memberId: c.memberId });
  const e = newEntry(s, ctx, { kind: 'reply', memberId: c.memberId, replyToEntryId: c.replyToEntryId, ...speakerFields(c) });
  if ('code' in e) return e;
  return { ...s, entries: [...s.entries, e], order: insertAt(s.order, indexAfter(s, c.replyToEntryId), e.id) };
}

/** A second turn is a new entry: the log keeps both speeches. It is a hand, not a second arranged speech. */
export function reAdd(s: LiveState, c: LiveCommandOf<'queue:re-add'>, ctx: LiveContext): Out {
  const err = requireHost(ctx) ?? requireStatus(s, 'live', 'paused');
  if (err) return err;
  const src = findEntry(s, c.entryId);
  if (!src) return fail('ENTRY_NOT_FOUND', { entryId: c.entryId });
  if (src.status !== 'done' && src.status !== 'skipped' && src.status !== 'withdrawn') {
    return fail('INVALID_TRANSITION', { from: src.status, to: 'queued' });
  }
  const kind = src.kind === 'arranged' || src.kind === 'point_of_order' ? 'hand' : src.kind;
  if (hasOpenOfKind(s, src.memberId, kind)) return fail('ALREADY_QUEUED', { memberId: src.memberId });
  const e = newEntry(s, ctx, {
    kind,
    memberId: src.memberId,
    name: src.name,
    sectorName: src.sectorName,
    departmentId: src.departmentId,
    mode: src.mode,
  });
  if ('code' in e) return e;
  const first = findEntry(s, s.order[0] ?? '')?.status === 'called' ? 1 : 0;
  const index = c.toIndex === undefined ? s.order.length : Math.max(first, c.toIndex);
  return { ...s, entries: [...s.entries, e], order: insertAt(s.order, index, e.id) };
}
