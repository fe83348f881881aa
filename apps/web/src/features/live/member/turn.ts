import type { LiveEntry, LiveState } from '@xieshang/contracts';
import { currentSpeaker, positionOf } from '@xieshang/domain';

export type Turn = 'speaking' | 'called' | 'next' | null;

/** Where the member stands right now, from the shared queries. */
export function turnOf(state: LiveState, userId: string): Turn {
  const current = currentSpeaker(state);
  if (current?.memberId === userId) return current.status === 'speaking' ? 'speaking' : 'called';
  return positionOf(state, userId) === 1 ? 'next' : null;
}

const OPEN = new Set<LiveEntry['status']>(['queued', 'called', 'speaking']);

/** The member's own requests that are still open, by kind. */
export function myOpenEntries(state: LiveState, userId: string) {
  const mine = state.entries.filter((e) => e.memberId === userId && OPEN.has(e.status));
  const pending = new Set(state.pending);
  return {
    hand: mine.find((e) => e.kind === 'hand'),
    pointOfOrder: mine.find((e) => e.kind === 'point_of_order'),
    response: mine.find((e) => e.kind === 'department_response'),
    /** waiting for the host to accept or place it */
    isPending: (e: LiveEntry | undefined) => e !== undefined && pending.has(e.id),
    /** anything the member can still take back */
    withdrawable: mine.filter((e) => e.status === 'queued' || e.status === 'called'),
  };
}
