import type { z } from 'zod';
import {
  LiveCatchUp,
  LiveCommandResult,
  LiveEvent,
  LiveJoinResult,
  LivePresenceUpdate,
  type LIVE_CLIENT_EVENTS,
  type LiveCommand,
  type LiveJoinRequest,
} from '@xieshang/contracts';
import type { ReplicaOutcome } from './liveReplica';
import type { LiveAck, LiveAckError, LiveStore } from './liveStore';

export type LiveClientEvent = keyof typeof LIVE_CLIENT_EVENTS;
export type LiveTransportEvent = 'connect' | 'disconnect' | 'live:event' | 'live:presence' | 'live:reset';
export type LiveJoinMode = NonNullable<LiveJoinRequest['mode']>;

/**
 * The socket as the live client needs it. socket.io implements it (socketTransport.ts); tests pass a
 * fake. `request` resolves with the raw ack and rejects when no ack comes within `timeoutMs`.
 */
export interface LiveTransport {
  readonly connected: boolean;
  on(event: LiveTransportEvent, listener: (payload?: unknown) => void): void;
  off(event: LiveTransportEvent, listener: (payload?: unknown) => void): void;
  request(event: LiveClientEvent, payload: unknown, timeoutMs: number): Promise<unknown>;
}

/** A command as the UI builds it; the client adds a fresh `clientCommandId`. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type LiveCommandInput = DistributiveOmit<LiveCommand, 'clientCommandId'>;

const REQUEST_TIMEOUT_MS = 8_000;
/** A command whose ack got lost is resent with the same id; the server applies it once. */
const COMMAND_ATTEMPTS = 3;
/** Consecutive syncs that still left a gap before we fall back to a snapshot. */
const MAX_SYNC_ROUNDS = 3;
/**
 * With several api instances two events can overtake each other: an early event waits this long for
 * the one before it before we ask `live:sync`.
 */
const GAP_GRACE_MS = 200;

export interface LiveClientOptions {
  /** the clientCommandId generator */
  newId?: () => string;
  gapGraceMs?: number;
}

const networkError = (): LiveAckError => ({ code: 'NETWORK', message: 'No answer from the server' });
const invalidAnswer = (): LiveAckError => ({ code: 'INTERNAL', message: 'Unexpected answer from the server' });

/** Validate an ack envelope with the contract schema of its data. */
function readAck<S extends z.ZodType>(raw: unknown, schema: S): LiveAck<z.output<S>> {
  if (typeof raw !== 'object' || raw === null) return { error: invalidAnswer() };
  if ('error' in raw) {
    const e = (raw as { error: Partial<LiveAckError> }).error;
    return { error: { code: typeof e?.code === 'string' ? e.code : 'INTERNAL', message: e?.message ?? '', ...(e?.params && { params: e.params }) } };
  }
  const parsed = schema.safeParse((raw as { data?: unknown }).data);
  return parsed.success ? { data: parsed.data } : { error: invalidAnswer() };
}

/**
 * One meeting's live connection: joins (with the last applied version on every reconnect), applies
 * catch-ups and broadcast deltas through the replica, fills gaps with `live:sync`, and sends commands.
 */
export class LiveClient {
  private readonly meetingId: string;
  private joining = false;
  private syncing = false;
  private syncRounds = 0;
  /** the next join asks for a snapshot instead of the missed events */
  private needSnapshot = false;
  /** the server rebuilt the version-0 state: a client at version 0 fetches it again */
  private resetPending = false;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** joined on the current connection (false from a disconnect until the rejoin is answered) */
  private joined = false;
  private readonly joinWaiters = new Set<() => void>();
  private readonly newId: () => string;
  private readonly gapGraceMs: number;

  constructor(
    private readonly transport: LiveTransport,
    private readonly store: LiveStore,
    private readonly mode: LiveJoinMode,
    options: LiveClientOptions = {},
  ) {
    this.meetingId = store.meetingId;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.gapGraceMs = options.gapGraceMs ?? GAP_GRACE_MS;
  }

  start(): void {
    this.transport.on('connect', this.onConnect);
    this.transport.on('disconnect', this.onDisconnect);
    this.transport.on('live:event', this.onEvent);
    this.transport.on('live:presence', this.onPresence);
    this.transport.on('live:reset', this.onReset);
    if (this.transport.connected) void this.join();
  }

  stop(): void {
    this.stopped = true;
    this.settleJoin();
    this.transport.off('connect', this.onConnect);
    this.transport.off('disconnect', this.onDisconnect);
    this.transport.off('live:event', this.onEvent);
    this.transport.off('live:presence', this.onPresence);
    this.transport.off('live:reset', this.onReset);
    clearTimeout(this.gapTimer);
    if (this.transport.connected) this.transport.request('live:leave', { meetingId: this.meetingId }, REQUEST_TIMEOUT_MS).catch(() => undefined);
  }

  /**
   * Send a command; resolves with the ack once the server stored it (or refused it). While the connection
   * is down or rejoining, the command waits for the rejoin (a hand raised during a blip goes through once
   * the phone is back) instead of reaching the server before its join and being refused.
   */
  async send(input: LiveCommandInput): Promise<LiveAck<LiveCommandResult>> {
    const command = { ...input, clientCommandId: this.newId() } as LiveCommand;
    for (let attempt = 0; attempt < COMMAND_ATTEMPTS; attempt++) {
      if (!(await this.whenJoined(REQUEST_TIMEOUT_MS))) continue;
      try {
        const raw = await this.transport.request('live:command', { meetingId: this.meetingId, command }, REQUEST_TIMEOUT_MS);
        const ack = readAck(raw, LiveCommandResult);
        // the connection dropped and came back between our check and the server's: send again after the rejoin
        const rejoinPending = this.store.getSnapshot().joinError === null;
        if ('error' in ack && ack.error.params?.reason === 'not_joined' && rejoinPending && attempt < COMMAND_ATTEMPTS - 1) {
          this.joined = false;
          continue;
        }
        return ack;
      } catch {
        // no ack in time: the same clientCommandId again, so a command that did arrive is not applied twice
      }
    }
    return { error: networkError() };
  }

  /** Resolves true once joined on the current connection (or the join was answered), false after `timeoutMs`. */
  private whenJoined(timeoutMs: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (this.joined && this.transport.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.joinWaiters.delete(wake);
        resolve(!this.stopped);
      };
      const timer = setTimeout(() => {
        this.joinWaiters.delete(wake);
        resolve(false);
      }, timeoutMs);
      this.joinWaiters.add(wake);
    });
  }

  private settleJoin(): void {
    for (const wake of [...this.joinWaiters]) wake();
  }

  private onConnect = () => void this.join();

  private onDisconnect = () => {
    this.joined = false;
    this.store.set({ connection: 'reconnecting' });
  };

  private onEvent = (payload?: unknown) => {
    const p = payload as { meetingId?: unknown; event?: unknown } | undefined;
    if (p?.meetingId !== this.meetingId) return;
    const parsed = LiveEvent.safeParse(p.event);
    if (!parsed.success) return this.handle('diverged');
    const outcome = this.store.replica.receive(parsed.data);
    this.store.publishState();
    // while a join or sync is under way the early event just waits; their answer fills the gap
    if (!this.joining && !this.syncing) this.handle(outcome);
  };

  private onPresence = (payload?: unknown) => {
    const parsed = LivePresenceUpdate.safeParse(payload);
    if (!parsed.success || parsed.data.meetingId !== this.meetingId) return;
    this.store.set({ presence: parsed.data.presence, presenceCount: parsed.data.count });
  };

  private onReset = (payload?: unknown) => {
    if ((payload as { meetingId?: unknown } | undefined)?.meetingId !== this.meetingId) return;
    if (this.store.replica.version !== 0) return;
    this.resetPending = true;
    if (!this.joining && !this.syncing) void this.sync();
  };

  private handle(outcome: ReplicaOutcome): void {
    if (this.stopped) return;
    if (this.resetPending && this.store.replica.version === 0) return void this.sync();
    if (outcome === 'ok') {
      this.syncRounds = 0;
      return;
    }
    if (outcome === 'gap' && this.store.replica.state !== null && this.syncRounds < MAX_SYNC_ROUNDS) {
      this.syncSoon();
      return;
    }
    // diverged, or gaps that syncing did not close: start over from a snapshot
    this.syncRounds = 0;
    this.needSnapshot = true;
    void this.join();
  }

  private async join(): Promise<void> {
    if (this.joining || this.stopped) return;
    this.joining = true;
    const fresh = this.needSnapshot || this.store.replica.version === undefined;
    if (this.needSnapshot) this.store.replica.reset();
    this.needSnapshot = false;
    const request: LiveJoinRequest = { meetingId: this.meetingId, mode: this.mode, ...(!fresh && { sinceVersion: this.store.replica.version }) };
    let ack: LiveAck<LiveJoinResult>;
    try {
      ack = readAck(await this.transport.request('live:join', request, REQUEST_TIMEOUT_MS), LiveJoinResult);
    } catch {
      ack = { error: networkError() };
    }
    this.joining = false;
    if (this.stopped) return;
    if ('error' in ack) {
      // a lost answer is retried; a refusal (not invited, no such meeting) is shown
      if (ack.error.code === 'NETWORK' && this.transport.connected) return void this.join();
      this.store.set({ joinError: ack.error, connection: this.transport.connected ? 'online' : 'reconnecting' });
      // refused (not invited, no such meeting): waiting commands go and get their own coded refusal
      if (this.transport.connected) {
        this.joined = true;
        this.settleJoin();
      }
      return;
    }
    const outcome = this.store.replica.catchUp(ack.data.catchUp);
    const { you, presence, presenceCount } = ack.data;
    this.store.set({ state: this.store.replica.state, you, presence, presenceCount, joinError: null, connection: 'online' });
    this.joined = this.transport.connected;
    if (this.joined) this.settleJoin();
    this.handle(outcome);
  }

  /** Give an overtaken event a moment to arrive before asking the server. */
  private syncSoon(): void {
    if (this.gapTimer !== undefined) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (!this.stopped && this.store.replica.hasGap) void this.sync();
    }, this.gapGraceMs);
  }

  private async sync(): Promise<void> {
    const since = this.store.replica.version;
    if (this.syncing || this.joining || since === undefined) return;
    this.syncing = true;
    this.resetPending = false;
    this.syncRounds++;
    let ack: LiveAck<LiveCatchUp>;
    try {
      ack = readAck(await this.transport.request('live:sync', { meetingId: this.meetingId, sinceVersion: since }, REQUEST_TIMEOUT_MS), LiveCatchUp);
    } catch {
      ack = { error: networkError() };
    }
    this.syncing = false;
    if (this.stopped) return;
    if ('error' in ack) return this.handle('diverged');
    const outcome = this.store.replica.catchUp(ack.data);
    this.store.publishState();
    this.handle(outcome);
  }
}
