import type { LivePresence, LiveJoinResult, LiveState } from '@xieshang/contracts';
import { LiveReplica } from './liveReplica';

/** An error answer of a socket request, or a client-side failure (`NETWORK`). */
export interface LiveAckError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}
export type LiveAck<T> = { data: T } | { error: LiveAckError };

export type LiveYou = LiveJoinResult['you'];
export type LiveConnectionStatus = 'connecting' | 'online' | 'reconnecting';

/** Everything a live screen renders, as one immutable value per change. */
export interface LiveView {
  connection: LiveConnectionStatus;
  state: LiveState | null;
  /** the people connected: everyone in small meetings, hosts only in large ones (then `[]`) */
  presence: LivePresence[];
  /** how many people are connected (viewers such as the projector do not count) */
  presenceCount: number;
  you: LiveYou | null;
  /** why the server refused to let us join (not invited, no such meeting, …) */
  joinError: LiveAckError | null;
  /** server clock − local clock, estimated from ping round trips */
  clockOffsetMs: number;
}

const INITIAL: LiveView = { connection: 'connecting', state: null, presence: [], presenceCount: 0, you: null, joinError: null, clockOffsetMs: 0 };

/**
 * A small external store for `useSyncExternalStore`. It outlives the socket client (React StrictMode
 * mounts effects twice; a mode switch reconnects), so a new client resumes from the replica's version.
 */
export class LiveStore {
  readonly replica = new LiveReplica();

  constructor(readonly meetingId: string) {}

  private view: LiveView = INITIAL;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveView => this.view;

  set(patch: Partial<LiveView>): void {
    const next = { ...this.view, ...patch };
    if ((Object.keys(patch) as (keyof LiveView)[]).every((k) => next[k] === this.view[k])) return;
    this.view = next;
    for (const l of this.listeners) l();
  }

  /** Publish the replica's state after it changed. */
  publishState(): void {
    this.set({ state: this.replica.state });
  }
}
