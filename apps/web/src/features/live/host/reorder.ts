import type { LiveEntry, LiveState } from '@xieshang/contracts';

/** The called person is on the way to the microphone: the reducer moves nobody ahead of them. */
export function firstMovableIndex(state: Pick<LiveState, 'order' | 'entries'>, order: readonly string[] = state.order): number {
  const first = state.entries.find((e) => e.id === order[0]);
  return first?.status === 'called' ? 1 : 0;
}

/** `toIndex` (an index into `order`, as queue:reorder expects) for one step up or down; null at an end. */
export function stepTarget(state: Pick<LiveState, 'order' | 'entries'>, order: readonly string[], entryId: string, delta: -1 | 1): number | null {
  const from = order.indexOf(entryId);
  if (from < 0) return null;
  const to = from + delta;
  return to < firstMovableIndex(state, order) || to >= order.length ? null : to;
}

/** `toIndex` for a drag of `activeId` dropped onto `overId`. */
export function dropTarget(order: readonly string[], activeId: string, overId: string): number | null {
  const from = order.indexOf(activeId);
  const to = order.indexOf(overId);
  return from < 0 || to < 0 || from === to ? null : to;
}

/** The order after a move, the way the reducer computes it (remove, then insert at toIndex). */
export function moveInOrder(order: readonly string[], entryId: string, toIndex: number): string[] {
  const rest = order.filter((id) => id !== entryId);
  const i = Math.max(0, Math.min(toIndex, rest.length));
  return [...rest.slice(0, i), entryId, ...rest.slice(i)];
}

/** The entries of `order` (called first, then queued), skipping ids the state no longer knows. */
export function queueEntries(state: Pick<LiveState, 'entries'>, order: readonly string[]): LiveEntry[] {
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  return order.map((id) => byId.get(id)).filter((e): e is LiveEntry => e !== undefined);
}
