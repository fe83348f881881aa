import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Namespace } from 'socket.io';
import { DataSource, EntityManager } from 'typeorm';
import {
  LIVE_MAX_CATCH_UP_EVENTS,
  type LiveActor,
  type LiveCatchUp,
  type LiveCommand,
  type LiveCommandResult,
  type LiveCommandType,
  type LiveEvent,
  type LiveState,
  type SessionUser,
} from '@xieshang/contracts';
import { reduce, toEvent } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { isDbUnavailable } from '../../common/error.filter';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { MeetingsService } from '../meetings/meetings.service';
import { SpeechesService } from '../speeches/speeches.service';
import { LiveDirectory } from './live-directory';
import { seedLiveState } from './live-seed';
import { insertSession, lockSession, readEvents, readHead, readSnapshot, replaceInitialState, saveBatch, storedVersions, type StoredEvent } from './live-store';
import { liveRoom } from './live-socket';
import { LiveSpeakerEvents } from './live-speaker-events';
import { finishedSpeeches, type SpeakingLogRow } from './speaking-log';


/** Commands that create a queue entry: the server names it, clients take the id from the event. */
const CREATES_ENTRY = new Set<LiveCommandType>(['queue:raise-hand', 'queue:point-of-order', 'queue:request-response', 'queue:insert-response', 'queue:add-reply', 'queue:re-add']);
/** Commands that can end a speech (and so write the speaking log). */
const FINISHES_SPEECH = new Set<LiveCommandType>(['queue:finish', 'queue:call-next', 'queue:call', 'session:end']);
/** Commands from one meeting applied in one transaction: a burst of raised hands costs one commit. */
const MAX_BATCH = 100;
/** Recent events kept in memory to answer reconnecting clients without PostgreSQL. */
const EVENTS_KEPT = LIVE_MAX_CATCH_UP_EVENTS + 100;
/** Rebuilding the version-0 state costs a few queries: at most once per meeting per this interval on join. */
const RESEED_INTERVAL_MS = 2_000;

interface Pending {
  command: LiveCommand;
  actor: LiveActor;
  user: SessionUser;
  resolve(result: LiveCommandResult): void;
  reject(error: AppException): void;
}

/** This instance's copy of a meeting's state; `events` are contiguous and end at `version`. */
interface Cached {
  version: number;
  state: LiveState;
  events: LiveEvent[];
  /** updated_at of the row as read; tells a rebuilt version 0 from the one cached */
  stamp?: string;
}

/** Versions of these command ids among recent events (a quick retry is answered without PostgreSQL). */
function recentVersions(events: readonly LiveEvent[], ids: readonly string[]): Map<string, number> {
  const wanted = new Set(ids);
  const out = new Map<string, number>();
  for (const e of events) if (wanted.has(e.command.clientCommandId)) out.set(e.command.clientCommandId, e.version);
  return out;
}

interface BatchOutcome {
  state: LiveState;
  accepted: StoredEvent[];
  results: Array<LiveCommandResult | AppException>;
  reset: boolean;
  meetingMoved: boolean;
}

/**
 * Applies live commands: per meeting one transaction at a time on this instance (queued commands go
 * together in the next one), serialized across instances by the row lock on live_sessions. A command
 * is acknowledged only after COMMIT, then broadcast to the meeting's room as a delta.
 */
@Injectable()
export class LiveService implements BeforeApplicationShutdown {
  private readonly log = new Logger('live');
  private ns: Namespace | null = null;
  private readonly cache = new Map<string, Cached>();
  private readonly lanes = new Map<string, Pending[]>();
  private readonly draining = new Map<string, Promise<void>>();
  private readonly reseededAt = new Map<string, number>();
  private readonly loads = new Map<string, { atLeast: number; promise: Promise<Cached> }>();
  private readonly creating = new Map<string, Promise<void>>();
  private closing = false;
  private readonly singleInstance: boolean;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly directory: LiveDirectory,
    private readonly meetings: MeetingsService,
    private readonly speeches: SpeechesService,
    private readonly speakerEvents: LiveSpeakerEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.singleInstance = !config.REDIS_URL;
  }

  attach(ns: Namespace): void {
    this.ns = ns;
  }

  // ---- commands ----

  submit(meetingId: string, command: LiveCommand, actor: LiveActor, user: SessionUser): Promise<LiveCommandResult> {
    if (this.closing) return Promise.reject(new AppException('DB_UNAVAILABLE'));
    return new Promise((resolve, reject) => {
      const lane = this.lanes.get(meetingId) ?? [];
      lane.push({ command, actor, user, resolve, reject });
      this.lanes.set(meetingId, lane);
      if (!this.draining.has(meetingId)) {
        const run = this.drain(meetingId).finally(() => this.draining.delete(meetingId));
        this.draining.set(meetingId, run);
      }
    });
  }

  private async drain(meetingId: string): Promise<void> {
    for (;;) {
      const lane = this.lanes.get(meetingId);
      if (!lane?.length) {
        this.lanes.delete(meetingId);
        return;
      }
      await this.runBatch(meetingId, lane.splice(0, MAX_BATCH));
    }
  }

  /** Never throws: every pending command is resolved or rejected. */
  private async runBatch(meetingId: string, batch: Pending[]): Promise<void> {
    let outcome: BatchOutcome | null = null;
    try {
      // optimistic: ids are checked against recent events in memory; an older retry shows up as a
      // conflict on insert, and the batch runs again with the ids looked up in PostgreSQL
      outcome = (await this.transaction(meetingId, batch, false)) ?? (await this.transaction(meetingId, batch, true));
      if (!outcome) throw new Error('duplicate command ids after lookup');
    } catch (err) {
      // whether a failed COMMIT happened is unknown: forget the cached state, read it again next time
      this.cache.delete(meetingId);
      const refusal = err instanceof AppException ? err : new AppException('DB_UNAVAILABLE');
      if (!(err instanceof AppException)) this.log.error({ err, meetingId, dbDown: isDbUnavailable(err) }, 'live command batch failed; nothing was saved');
      for (const p of batch) p.reject(refusal);
      return;
    }
    this.committed(meetingId, outcome);
    batch.forEach((p, i) => {
      const r = outcome.results[i];
      if (r instanceof AppException) p.reject(r);
      else p.resolve(r);
    });
  }

  /** One transaction; null (rolled back) when a command turned out to be stored already. */
  private async transaction(meetingId: string, batch: Pending[], lookUpIds: boolean): Promise<BatchOutcome | null> {
    const runner = this.ds.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      const outcome = await this.applyBatch(runner.manager, meetingId, batch, lookUpIds);
      if (outcome) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return outcome;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  private async applyBatch(m: EntityManager, meetingId: string, batch: Pending[], lookUpIds: boolean): Promise<BatchOutcome | null> {
    const cached = this.cache.get(meetingId);
    let row = await lockSession(m, meetingId, cached?.version ?? null);
    let created = false;
    if (!row) {
      await insertSession(m, meetingId, await this.seed(m, meetingId));
      row = await lockSession(m, meetingId, null);
      created = true;
      if (!row) throw new AppException('NOT_FOUND');
    }
    let state = row.state ?? cached?.state;
    if (!state) throw new Error('live state missing');
    let reset = false;
    if (state.version === 0 && !created) {
      // nothing applied yet: start from the meeting as it is now (speeches may have been rearranged);
      // after this the stored state equals the seed whether or not this call changed it
      const seed = await this.seed(m, meetingId);
      reset = await replaceInitialState(m, meetingId, seed);
      state = seed;
    }

    const ids = batch.map((p) => p.command.clientCommandId);
    const stored = lookUpIds ? await storedVersions(m, meetingId, ids) : recentVersions(cached?.events ?? [], ids);
    const results: BatchOutcome['results'] = [];
    const accepted: StoredEvent[] = [];
    const log: SpeakingLogRow[] = [];
    let meetingMoved = false;
    for (const p of batch) {
      const id = p.command.clientCommandId;
      const prior = stored.get(id);
      if (prior !== undefined) {
        results.push({ version: prior });
        continue;
      }
      const ctx = { actor: p.actor, at: Date.now(), ...(CREATES_ENTRY.has(p.command.type) && { entryId: randomUUID() }) };
      const r = reduce(state, p.command, ctx);
      if (r.error) {
        // a retry of a command stored before a restart (or older than the recent events) is usually refused
        // by the reducer (a hand withdrawn twice), so it never conflicts on insert: look it up before refusing
        const earlier = lookUpIds ? undefined : (await storedVersions(m, meetingId, [id])).get(id);
        results.push(earlier === undefined ? new AppException(r.error.code, r.error.params) : { version: earlier });
        continue;
      }
      if (p.command.type === 'session:open' || p.command.type === 'session:end') {
        const refusal = await this.moveMeeting(m, meetingId, p.command.type, p.user);
        if (refusal) {
          results.push(refusal);
          continue;
        }
        meetingMoved = true;
      }
      if (FINISHES_SPEECH.has(p.command.type)) log.push(...finishedSpeeches(state, r.state));
      state = r.state;
      accepted.push({ event: toEvent(p.command, ctx, state.version), clientCommandId: id });
      stored.set(id, state.version);
      results.push({ version: state.version });
    }
    if (accepted.length && !(await saveBatch(m, meetingId, state, accepted, log))) return null;
    return { state, accepted, results, reset, meetingMoved };
  }

  /**
   * Opening the session moves the meeting to `live`, ending it to `minutes` (which also settles
   * attendance), in the same transaction. A meeting already there is left alone. In a savepoint, so a
   * refusal refuses this command only and the rest of the batch goes on.
   */
  private async moveMeeting(m: EntityManager, meetingId: string, type: 'session:open' | 'session:end', user: SessionUser): Promise<AppException | null> {
    const [row]: Array<{ state: string }> = await m.query(`SELECT state FROM meetings WHERE id = $1`, [meetingId]);
    const action = type === 'session:open' ? (row?.state === 'live' ? null : 'go_live') : row?.state === 'live' ? 'end' : null;
    if (!action) return null;
    await m.query('SAVEPOINT live_meeting');
    try {
      await this.meetings.transition(meetingId, user, action, {}, m);
      await m.query('RELEASE SAVEPOINT live_meeting');
      return null;
    } catch (err) {
      await m.query('ROLLBACK TO SAVEPOINT live_meeting');
      if (err instanceof AppException) return err;
      throw err;
    }
  }

  /** After COMMIT: update this instance's copy, then broadcast each accepted command as a delta. */
  private committed(meetingId: string, o: BatchOutcome): void {
    const prev = this.cache.get(meetingId);
    const events = o.accepted.map((a) => a.event);
    // a join may have loaded something newer from another instance in the meantime: never go back
    if (!prev || prev.version <= o.state.version) {
      const base = prev && !o.reset && prev.version === o.state.version - events.length ? prev.events : [];
      const kept = base.length ? [...base, ...events] : events;
      this.cache.set(meetingId, { version: o.state.version, state: o.state, events: kept.length > EVENTS_KEPT ? kept.slice(-EVENTS_KEPT) : kept });
    }
    if (o.meetingMoved) this.directory.meetingStateChanged(meetingId);
    if (events.length && o.accepted.some((a) => a.event.command.type.startsWith('queue:') || a.event.command.type === 'session:end')) {
      setImmediate(() => this.speakerEvents.emit({ meetingId, state: o.state }));
    }
    const ns = this.ns;
    if (!ns || (!o.reset && !events.length)) return;
    // the acks go out first (they resolve in this tick), then the fan-out to the room: the host learns
    // "saved" without waiting for thousands of socket writes; setImmediate runs in order, so events do too
    setImmediate(() => {
      const room = ns.to(liveRoom(meetingId));
      if (o.reset) room.emit('live:reset', { meetingId });
      for (const event of events) room.emit('live:event', { meetingId, event });
    });
  }

  /** Version 0: the meeting's agenda and settings and the accepted oral speeches, in order. */
  private async seed(m: EntityManager, meetingId: string): Promise<LiveState> {
    const meeting = await this.directory.loadMeeting(meetingId, m);
    const speeches = await this.speeches.oralSpeechesInOrder(meetingId, m);
    return seedLiveState(meeting, speeches);
  }

  /** The version a command of this user got, when it is stored (recent events first, then PostgreSQL). */
  async storedVersion(meetingId: string, clientCommandId: string, actorId: string): Promise<number | null> {
    const recent = this.cache.get(meetingId)?.events.find((e) => e.command.clientCommandId === clientCommandId);
    if (recent) return recent.actorId === actorId ? recent.version : null;
    const [row]: Array<{ version: number }> = await this.ds.query(
      `SELECT version FROM live_events WHERE meeting_id = $1 AND client_command_id = $2 AND actor_id = $3`,
      [meetingId, clientCommandId, actorId],
    );
    return row?.version ?? null;
  }

  // ---- catch-up ----

  /** Events after `since` when they are few, else (or for a new client, or sinceVersion 0) a snapshot. */
  async catchUp(meetingId: string, since: number | undefined): Promise<LiveCatchUp> {
    const cur = await this.current(meetingId);
    const snapshot = (): LiveCatchUp => ({ kind: 'snapshot', snapshot: { version: cur.version, state: cur.state } });
    if (since === undefined || since === 0 || since > cur.version || cur.version - since > LIVE_MAX_CATCH_UP_EVENTS) return snapshot();
    if (since === cur.version) return { kind: 'events', events: [] };
    const first = cur.events[0]?.version;
    if (first !== undefined && first <= since + 1) return { kind: 'events', events: cur.events.slice(since + 1 - first) };
    const events = await readEvents(this.ds, meetingId, since, cur.version);
    return events.length === cur.version - since ? { kind: 'events', events } : snapshot();
  }

  /** The meeting's current state, from this instance's copy when PostgreSQL says it is current. */
  private async current(meetingId: string): Promise<Cached> {
    // one instance (no Redis): every commit went through this process and updated its copy first
    const mine = this.cache.get(meetingId);
    if (this.singleInstance && mine && mine.version > 0) return mine;
    let head = await readHead(this.ds, meetingId);
    if (!head) {
      await this.ensureSession(meetingId);
      head = await readHead(this.ds, meetingId);
      if (!head) throw new AppException('NOT_FOUND');
    }
    if (head.version === 0) await this.reseedIfChanged(meetingId);
    const cached = this.cache.get(meetingId);
    // version 0 can be rebuilt (by any instance) without a new version: compare the write stamp too
    if (cached && (cached.version > head.version || (cached.version === head.version && (head.version > 0 || cached.stamp === head.stamp)))) return cached;
    return this.load(meetingId, head.version);
  }

  /** Read the state once for everyone who needs at least this version (a reconnect storm reads it once). */
  private load(meetingId: string, atLeast: number): Promise<Cached> {
    const inflight = this.loads.get(meetingId);
    if (inflight && inflight.atLeast >= atLeast) return inflight.promise;
    const promise = (async () => {
      const cached = this.cache.get(meetingId);
      const snap = await readSnapshot(this.ds, meetingId);
      if (!snap) throw new AppException('NOT_FOUND');
      let events: LiveEvent[] = [];
      if (cached && cached.version < snap.version && snap.version - cached.version <= LIVE_MAX_CATCH_UP_EVENTS) {
        const missing = await readEvents(this.ds, meetingId, cached.version, snap.version);
        if (missing.length === snap.version - cached.version) events = [...cached.events, ...missing].slice(-EVENTS_KEPT);
      }
      // a batch may have committed something newer meanwhile; keep whichever is ahead
      const now = this.cache.get(meetingId);
      if (now && now.version > snap.version) return now;
      const fresh: Cached = { version: snap.version, state: snap.state, events, stamp: snap.stamp };
      this.cache.set(meetingId, fresh);
      return fresh;
    })();
    const entry = { atLeast, promise };
    this.loads.set(meetingId, entry);
    void promise.finally(() => this.loads.get(meetingId) === entry && this.loads.delete(meetingId)).catch(() => undefined);
    return promise;
  }

  /** The first look at a meeting's room creates its session row (once, also when many join at once). */
  private ensureSession(meetingId: string): Promise<void> {
    const running = this.creating.get(meetingId);
    if (running) return running;
    const p = (async () => {
      await insertSession(this.ds, meetingId, await this.seed(this.ds.manager, meetingId));
      this.reseededAt.set(meetingId, Date.now());
    })().finally(() => this.creating.delete(meetingId));
    this.creating.set(meetingId, p);
    return p;
  }

  private async reseedIfChanged(meetingId: string): Promise<void> {
    const last = this.reseededAt.get(meetingId) ?? 0;
    if (Date.now() - last < RESEED_INTERVAL_MS) return;
    this.reseededAt.set(meetingId, Date.now());
    if (await replaceInitialState(this.ds, meetingId, await this.seed(this.ds.manager, meetingId))) {
      this.cache.delete(meetingId);
      this.loads.delete(meetingId);
      this.ns?.to(liveRoom(meetingId)).emit('live:reset', { meetingId });
    }
  }

  // ---- lifecycle ----

  /** Let the transactions under way finish (their clients get their acks); refuse new commands. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    const running = Promise.all([...this.draining.values()]);
    await Promise.race([running, new Promise((r) => setTimeout(r, 5_000).unref())]);
  }
}
