import type { LiveActor, LiveError, LiveSessionStatus, LiveState } from '@xieshang/contracts';
import { fail, type LiveContext } from './live-state';

export const requireHost = (ctx: LiveContext): LiveError | null => (ctx.actor.isHost ? null : fail('NOT_HOST'));

export function requireStatus(s: LiveState, ...allowed: LiveSessionStatus[]): LiveError | null {
  return allowed.includes(s.status) ? null : fail('SESSION_NOT_LIVE', { status: s.status });
}

/** Host queue management also works before the session opens (preparing the list) and during breaks. */
export const requireNotEnded = (s: LiveState): LiveError | null => requireStatus(s, 'scheduled', 'live', 'paused');

/** Members ask for the floor; the host may also do so for someone in the room. */
export const canRequestFloor = (a: LiveActor): boolean => a.isHost || a.roles.includes('member');

export const isLiaison = (a: LiveActor): boolean => a.roles.includes('department') && a.departmentId !== undefined;
