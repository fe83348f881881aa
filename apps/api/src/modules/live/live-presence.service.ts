import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { LIVE_PRESENCE_LIST_MAX, type LivePresence, type LivePresenceUpdate } from '@xieshang/contracts';
import { CLUSTER_LINK_UP, clusterEvents } from '../realtime/cluster-events';
import { liveHostRoom, liveRoom, type LiveMembership } from './live-socket';

/** After a presence count from this instance alone (the others did not answer), try again this soon. */
const PRESENCE_RETRY_MS = 2_000;
/**
 * Every room this instance serves is recounted this often. Pub/sub drops messages while an instance's
 * Redis link is down or still subscribing, and the count an instance saw then would otherwise stay
 * until the next join or leave. Unchanged counts send nothing.
 */
const PRESENCE_RECONCILE_MS = 10_000;
/** Joins and leaves within this window make one presence update (a room filling up is not N² messages). */
export const PRESENCE_DEBOUNCE_MS = 250;
/** Large rooms (only a count for most clients) update less often: each update is a message to everyone. */
export const LARGE_ROOM_PRESENCE_DEBOUNCE_MS = 1_000;

interface PresenceView {
  count: number;
  list: LivePresence[];
}

const collator = new Intl.Collator('zh-CN');

/** One entry per person: in the room beats remote, any device checked in or hosting counts. */
export function presenceOf(memberships: Iterable<LiveMembership>): LivePresence[] {
  const byUser = new Map<string, LivePresence>();
  for (const m of memberships) {
    if (m.mode === 'viewer') continue;
    const prev = byUser.get(m.userId);
    byUser.set(m.userId, {
      userId: m.userId,
      name: m.name,
      sectorName: m.sectorName,
      mode: prev?.mode === 'room' || m.mode === 'room' ? 'room' : 'remote',
      checkedIn: (prev?.checkedIn ?? false) || m.checkedIn,
      isHost: (prev?.isHost ?? false) || m.isHost,
    });
  }
  return [...byUser.values()].sort((a, b) => Number(b.isHost) - Number(a.isHost) || collator.compare(a.name, b.name));
}

/**
 * Who is connected to a meeting's room, across instances (fetchSockets goes through the Redis adapter),
 * sent to the room at most every PRESENCE_DEBOUNCE_MS (a second in large rooms). Large rooms get the count
 * only, hosts the list.
 */
@Injectable()
export class LivePresenceService implements BeforeApplicationShutdown {
  private readonly log = new Logger('live-presence');
  private ns: Namespace | null = null;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private readonly last = new Map<string, PresenceView>();
  /** what the room last got: the count, and for small rooms the list as JSON */
  private readonly sent = new Map<string, { count: number; signature: string | null }>();
  private stopped = false;
  private reconcileTimer: NodeJS.Timeout | null = null;
  private readonly recountAll = () => {
    for (const meetingId of this.last.keys()) {
      // rooms with no client here are left to the instances that have some
      if (this.ns?.adapter.rooms.get(liveRoom(meetingId))?.size) this.schedule(meetingId);
      else {
        this.last.delete(meetingId);
        this.sent.delete(meetingId);
      }
    }
  };

  attach(ns: Namespace): void {
    this.ns = ns;
    clusterEvents.on(CLUSTER_LINK_UP, this.recountAll);
    this.reconcileTimer = setInterval(this.recountAll, PRESENCE_RECONCILE_MS);
    this.reconcileTimer.unref();
  }

  schedule(meetingId: string): void {
    if (this.stopped || this.timers.has(meetingId)) return;
    const large = (this.last.get(meetingId)?.count ?? 0) > LIVE_PRESENCE_LIST_MAX;
    const t = setTimeout(
      () => {
        this.timers.delete(meetingId);
        void this.publish(meetingId);
      },
      large ? LARGE_ROOM_PRESENCE_DEBOUNCE_MS : PRESENCE_DEBOUNCE_MS,
    );
    t.unref();
    this.timers.set(meetingId, t);
  }

  /** What a joining client gets: the latest computed presence, as the update would give it. */
  view(meetingId: string, isHost: boolean): { presence: LivePresence[]; presenceCount: number } {
    const v = this.last.get(meetingId);
    if (!v) return { presence: [], presenceCount: 0 };
    return { presence: isHost || v.count <= LIVE_PRESENCE_LIST_MAX ? v.list : [], presenceCount: v.count };
  }

  private async publish(meetingId: string): Promise<void> {
    if (this.running.has(meetingId)) {
      this.again.add(meetingId);
      return;
    }
    this.running.add(meetingId);
    let complete = true;
    try {
      const found = await this.memberships(meetingId);
      complete = found.complete;
      const list = presenceOf(found.memberships);
      const view = { count: list.length, list };
      if (view.count) this.last.set(meetingId, view);
      else {
        this.last.delete(meetingId);
        this.sent.delete(meetingId);
      }
      this.emit(meetingId, view);
    } catch (err) {
      this.log.warn({ err, meetingId }, 'presence update failed');
    } finally {
      this.running.delete(meetingId);
      if (this.again.delete(meetingId)) this.schedule(meetingId);
      // A count from this instance alone is a stopgap: ask the other instances again shortly, so
      // presence converges once they (or Redis) answer, even if nobody joins or leaves meanwhile.
      else if (!complete && !this.stopped) setTimeout(() => this.schedule(meetingId), PRESENCE_RETRY_MS).unref();
    }
  }

  private async memberships(meetingId: string): Promise<{ memberships: LiveMembership[]; complete: boolean }> {
    if (!this.ns) return { memberships: [], complete: true };
    const pick = (sockets: Array<{ data: unknown }>) =>
      sockets.map((s) => (s.data as { live?: Record<string, LiveMembership> }).live?.[meetingId]).filter((m): m is LiveMembership => m !== undefined);
    try {
      return { memberships: pick(await this.ns.in(liveRoom(meetingId)).fetchSockets()), complete: true };
    } catch (err) {
      // the other instances did not answer (Redis away): this instance's own sockets are better than nothing
      this.log.warn({ err, meetingId }, 'presence across instances unavailable; using local sockets');
      return { memberships: pick(await this.ns.local.in(liveRoom(meetingId)).fetchSockets()), complete: false };
    }
  }

  /**
   * Send only what changed for whom: a small room gets the list when it changed; in a large room the
   * hosts get the list and everyone else the count, and only when the count moved (a check-in landing
   * changes the list, not the count: no message to thousands for it).
   */
  private emit(meetingId: string, v: PresenceView): void {
    if (!this.ns) return;
    const update = (presence: LivePresence[]): LivePresenceUpdate => ({ meetingId, count: v.count, presence });
    const prev = this.sent.get(meetingId);
    if (v.count <= LIVE_PRESENCE_LIST_MAX) {
      const signature = JSON.stringify(v.list);
      this.sent.set(meetingId, { count: v.count, signature });
      if (prev?.signature !== signature) this.ns.to(liveRoom(meetingId)).emit('live:presence', update(v.list));
      return;
    }
    this.sent.set(meetingId, { count: v.count, signature: null });
    this.ns.to(liveHostRoom(meetingId)).emit('live:presence', update(v.list));
    if (prev?.count !== v.count) this.ns.to(liveRoom(meetingId)).except(liveHostRoom(meetingId)).emit('live:presence', update([]));
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
    clusterEvents.off(CLUSTER_LINK_UP, this.recountAll);
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
