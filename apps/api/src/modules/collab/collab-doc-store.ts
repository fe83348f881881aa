import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CollabPushEvent } from '@xieshang/contracts';
import type { Namespace } from 'socket.io';
import { DataSource, type EntityManager } from 'typeorm';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { AppException } from '../../common/app-exception';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { readAwarenessEntries, type AwarenessEntry } from './awareness-entries';
import { CollabLog, LogRefusal, type StoredDoc } from './collab-log';
import { CompactionLease, LocalLease, RedisLease } from './collab-lease';
import { CollabOptions, DEFAULT_COLLAB_OPTIONS } from './collab-options';
import { CLUSTER_LINK_UP, clusterEvents } from '../realtime/cluster-events';
import { collabRoom, PEER_EVENTS } from './collab-socket';
import { CollabWriter, CommittedBatch } from './collab-writer';
import { Semaphore } from './semaphore';

/**
 * Room broadcasts go as base64 text: socket.io sends a binary payload as two websocket frames per client and
 * text as one; with 50 editors that halves the server's CPU per delivery (bench:collab). The provider decodes both.
 */
const asText = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Transaction origins on the server's docs: what came from where (only client updates are re-broadcast by the batcher). */
const FROM_CLIENT = Symbol('client');
const FROM_PEER = Symbol('peer');
const FROM_SERVER = Symbol('server');

/** The owner "socket" of a caret announced on another instance. */
const PEER_OWNER = 'peer';

/** A document held in memory on this instance. */
interface LoadedDoc {
  id: string;
  doc: Y.Doc;
  /** carets and who is here; never stored */
  awareness: Awareness;
  /** awareness client id → the socket (and person) that announced it on this instance */
  awarenessOwners: Map<number, { socketId: string; userId: string }>;
  /** this instance's sockets that have the document open */
  sockets: Set<string>;
  /** updates of this document being logged right now (unloading waits for none) */
  inflight: number;
  /** log rows not folded into the snapshot yet (as far as this instance knows) */
  unfoldedRows: number;
  oldestUnfoldedAt: number | null;
  compacting: Promise<void> | null;
  /** another instance held the lease: do not ask again before this time */
  compactRetryAt: number;
  unloadTimer: NodeJS.Timeout | null;
  /** updates applied this tick, to go out as one message per room */
  outgoing: Array<{ update: Uint8Array; socketId: string | null }>;
  /** dropped from memory (unloaded or evicted): late callbacks must not touch it */
  gone: boolean;
}

const syncUpdateMessage = (update: Uint8Array) => {
  const enc = encoding.createEncoder();
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
};

/**
 * The server side of Yjs documents (seam 2). Keeps loaded documents in memory, applies updates, logs them
 * durably with group commit before anyone is told they are saved, fans them out to the room (one message per
 * room and tick), keeps other instances' copies complete (they apply what this one logged), compacts the log
 * under a lease, and unloads documents nobody has open.
 *
 * Used by the `/collab` gateway and by the documents module (state, applyServerChange, broadcast, accessChanged).
 */
@Injectable()
export class CollabDocStore implements OnApplicationShutdown {
  private readonly log = new Logger(CollabDocStore.name);
  private opts: CollabOptions = { ...DEFAULT_COLLAB_OPTIONS };
  private readonly docs = new Map<string, LoadedDoc>();
  private readonly loading = new Map<string, Promise<LoadedDoc>>();
  /** updates other instances committed while this one was loading the document */
  private readonly earlyPeerUpdates = new Map<string, Uint8Array[]>();
  /** sockets answered from the stored bytes before the document's Y.Doc was built: they join it on install */
  private readonly openers = new Map<string, Set<string>>();
  private readonly store: CollabLog;
  private readonly writer: CollabWriter;
  private readonly lease: CompactionLease;
  private loads: Semaphore;
  private ns: Namespace | null = null;
  private broadcastScheduled = false;
  /** several instances (REDIS_URL): peers are told about committed updates, awareness and access changes */
  private readonly clustered: boolean;
  private readonly dirty = new Set<LoadedDoc>();
  private sweepTimer: NodeJS.Timeout;
  /** listeners of access changes (the gateway drops its per-socket cache and tells the clients) */
  private readonly accessListeners: Array<(documentId: string) => void> = [];

  constructor(@InjectDataSource() db: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.store = new CollabLog(db);
    this.writer = new CollabWriter(
      (entries) => this.store.append(entries, this.opts.maxRowsPerInsert),
      (batch) => this.onCommitted(batch),
      (ids, e) => this.onWriteFailed(ids, e),
    );
    this.clustered = Boolean(config.REDIS_URL);
    this.lease = config.REDIS_URL ? new RedisLease(config.REDIS_URL, this.opts.leaseMs) : new LocalLease();
    this.loads = new Semaphore(this.opts.maxConcurrentLoads);
    this.sweepTimer = setInterval(() => this.sweep(), 1_000);
    this.sweepTimer.unref();
    if (this.clustered) clusterEvents.on(CLUSTER_LINK_UP, this.onClusterLinkUp);
  }

  /**
   * Redis is (back) up: peer updates sent while it was away never arrived, so an in-memory copy may lack rows
   * other instances committed. Reload every loaded document from PostgreSQL; its clients resync (their step 2
   * sends what the server lacks, the server's what they lack).
   */
  private readonly onClusterLinkUp = () => {
    if (!this.docs.size) return;
    this.log.log(`cluster link up: reloading ${this.docs.size} document(s) from PostgreSQL`);
    for (const d of [...this.docs.values()]) this.evict(d);
  };

  /** Tests and benchmarks shorten the thresholds. */
  configure(opts: Partial<CollabOptions>): void {
    this.opts = { ...this.opts, ...opts };
    if (opts.maxConcurrentLoads) this.loads = new Semaphore(opts.maxConcurrentLoads);
  }

  get options(): Readonly<CollabOptions> {
    return this.opts;
  }

  /** Called by the gateway once socket.io has created the namespace. */
  attach(ns: Namespace): void {
    this.ns = ns;
    ns.on(PEER_EVENTS.update, (documentId: string, update: unknown) => {
      const bytes = this.peerBytes(PEER_EVENTS.update, update);
      if (bytes) this.applyPeerUpdate(documentId, bytes);
    });
    ns.on(PEER_EVENTS.awareness, (documentId: string, update: unknown, userId: string | null) => {
      const bytes = this.peerBytes(PEER_EVENTS.awareness, update);
      if (bytes) this.applyPeerAwareness(documentId, bytes, userId);
    });
    ns.on(PEER_EVENTS.accessChanged, (documentId: string) => this.notifyAccessChanged(documentId));
  }

  onAccessChanged(listener: (documentId: string) => void): void {
    this.accessListeners.push(listener);
  }

  // ---- seam 2: the documents module ----

  /** The whole current state as one update (loads the document if needed); durable content only. */
  async state(documentId: string): Promise<Uint8Array> {
    const d = await this.load(documentId);
    await this.writer.barrier();
    this.scheduleUnloadIfIdle(d);
    return Y.encodeStateAsUpdate(d.doc);
  }

  /**
   * Run `change` in a Y transaction on the document, log the resulting update durably (same log, same rules as a
   * client's update) and broadcast it. Resolves once it is committed.
   */
  async applyServerChange(documentId: string, change: (doc: Y.Doc) => void, actorId: string | null): Promise<void> {
    const d = await this.load(documentId);
    const updates: Uint8Array[] = [];
    const collect = (u: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) updates.push(u);
    };
    d.doc.on('update', collect);
    try {
      Y.transact(d.doc, () => change(d.doc), FROM_SERVER);
    } finally {
      d.doc.off('update', collect);
    }
    this.scheduleUnloadIfIdle(d);
    if (!updates.length) return;
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    await this.persist(d, update, null, actorId);
  }

  /** A push of the documents module to everyone who has the document open (all instances). */
  broadcast(documentId: string, event: CollabPushEvent, payload: object): void {
    this.ns?.to(collabRoom(documentId)).emit(event, { ...payload, documentId });
  }

  /** The document's state or members changed: cached access is dropped everywhere and clients are told. */
  accessChanged(documentId: string): void {
    this.notifyAccessChanged(documentId);
    this.toPeers(PEER_EVENTS.accessChanged, documentId);
  }

  // ---- the gateway ----

  /**
   * A client with an empty document opening one this instance does not hold: answered from the stored bytes
   * (snapshot, log rows and peer updates that came meanwhile, merged) with their state vector, and the server
   * builds its own Y.Doc from the same rows in the next macrotask, after that answer has been written, instead
   * of before it; the client's apply and the server's no longer wait for each other (bench:collab, load of a
   * compacted document). Everything stored is durable, so no barrier is needed. Null when the document is
   * loaded or loading here already, or its log is longer than a compaction's worth: then `acquire`.
   */
  async openFromStorage(documentId: string, socketId: string): Promise<{ update: Uint8Array; stateVector: Uint8Array } | null> {
    if (this.docs.has(documentId) || this.loading.has(documentId)) return null;
    this.openers.set(documentId, new Set([socketId]));
    const { stored, loaded } = this.startLoad(documentId, true);
    loaded.catch(() => undefined); // its failure reaches whoever uses the document next
    const s = await stored;
    if (s.updates.length > this.opts.compactAfterRows) return null;
    const parts = [...(s.snapshot ? [s.snapshot] : []), ...s.updates, ...(this.earlyPeerUpdates.get(documentId) ?? [])];
    try {
      const update = parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
      return { update, stateVector: Y.encodeStateVectorFromUpdate(update) };
    } catch {
      return null; // unreadable stored bytes: the usual path reports it
    }
  }

  /** Resolves once a document loading here is in memory (or failed to load): messages wait for it. */
  async settled(documentId: string): Promise<void> {
    await this.loading.get(documentId)?.catch(() => undefined);
  }

  /** Open for a socket: loaded, counted, kept in memory while it stays. */
  async acquire(documentId: string, socketId: string): Promise<LoadedDocView> {
    const d = await this.load(documentId);
    d.sockets.add(socketId);
    if (d.unloadTimer) {
      clearTimeout(d.unloadTimer);
      d.unloadTimer = null;
    }
    return this.view(d);
  }

  /** The socket closed the document or went away; `awarenessClients` are the caret ids it announced. */
  release(documentId: string, socketId: string, awarenessClients: number[]): void {
    const d = this.docs.get(documentId);
    if (!d) return void this.openers.get(documentId)?.delete(socketId);
    if (!d.sockets.delete(socketId)) return;
    // ids this socket still owns (the same person's new socket may have taken one over after a reconnect)
    const owned = awarenessClients.filter((c) => d.awarenessOwners.get(c)?.socketId === socketId);
    for (const c of owned) d.awarenessOwners.delete(c);
    // only ids the server knows (a state announced with clock 0 is never applied by y-protocols)
    const known = owned.filter((c) => d.awareness.meta.has(c));
    if (known.length) {
      removeAwarenessStates(d.awareness, known, FROM_SERVER);
      const update = encodeAwarenessUpdate(d.awareness, known);
      this.ns?.to(collabRoom(documentId)).emit('collab:awareness', { documentId, update });
      this.toPeers(PEER_EVENTS.awareness, documentId, update, null);
    }
    this.scheduleUnloadIfIdle(d);
  }

  /** Everything committed so far for this document (the server's state vector then counts durable content only). */
  barrier(): Promise<void> {
    return this.writer.barrier();
  }

  /**
   * A client's update (sync step 2 or update): validated, applied, logged; resolves once durable.
   * Garbage is refused before it touches the document.
   */
  async receive(documentId: string, update: Uint8Array, socketId: string, actorId: string): Promise<void> {
    const d = this.docs.get(documentId);
    if (!d || !d.sockets.has(socketId)) throw new AppException('DOC_NOT_OPEN');
    try {
      Y.decodeUpdate(update); // parses everything; throws on garbage, before anything is applied
    } catch {
      throw new AppException('DOC_UPDATE_INVALID');
    }
    let changed = false;
    const onUpdate = () => (changed = true);
    d.doc.on('update', onUpdate);
    try {
      Y.applyUpdate(d.doc, update, FROM_CLIENT);
    } catch (e) {
      // it parsed but did not integrate: the in-memory copy may be half-changed; nothing was logged, so reload
      this.log.warn(`update to ${documentId} failed to apply: ${(e as Error).message}`);
      this.evict(d);
      throw new AppException('DOC_UPDATE_INVALID');
    } finally {
      d.doc.off('update', onUpdate);
    }
    const pending = d.doc.store.pendingStructs !== null || d.doc.store.pendingDs !== null;
    // a pure duplicate: acknowledged once what is already queued is committed (it may be someone's in-flight row)
    if (!changed && !pending) return this.writer.barrier();
    await this.persist(d, update, socketId, actorId);
  }

  /**
   * Record that this socket announces these awareness client ids; false when one of them belongs to another
   * person (announced on this instance, or on another one that told us) — a modified client moving or removing
   * someone else's caret.
   */
  claimAwareness(documentId: string, socketId: string, userId: string, clientIds: number[]): boolean {
    const d = this.docs.get(documentId);
    if (!d) return true;
    if (clientIds.some((c) => (d.awarenessOwners.get(c)?.userId ?? userId) !== userId)) return false;
    for (const c of clientIds) d.awarenessOwners.set(c, { socketId, userId });
    return true;
  }

  /** An awareness update from a socket: applied to the server's copy (for late joiners) and relayed. */
  relayAwareness(documentId: string, update: Uint8Array, socketId: string, userId: string): void {
    const d = this.docs.get(documentId);
    if (!d) return;
    applyAwareness(d.awareness, update);
    this.ns?.to(collabRoom(documentId)).except(socketId).emit('collab:awareness', { documentId, update: asText(update) });
    // with the announcer, so other instances refuse that caret to anyone else too
    this.toPeers(PEER_EVENTS.awareness, documentId, update, userId);
  }

  /** The state a y-protocols sync step 1 asks for. */
  syncStep2(documentId: string, stateVector: Uint8Array): Uint8Array {
    const d = this.docs.get(documentId);
    if (!d) throw new AppException('DOC_NOT_OPEN');
    const enc = encoding.createEncoder();
    syncProtocol.writeSyncStep2(enc, d.doc, stateVector);
    return encoding.toUint8Array(enc);
  }

  /** Fold the log now (tests, unload); false when another instance holds the lease. */
  async compactNow(documentId: string): Promise<boolean> {
    const d = this.docs.get(documentId);
    if (!(await this.lease.acquire(documentId))) {
      if (d) d.compactRetryAt = Date.now() + this.opts.leaseMs / 2;
      return false;
    }
    const countedBefore = d?.unfoldedRows ?? 0;
    await this.store.compact(documentId);
    if (d) {
      // the fold took every row committed before it (also other instances' rows); only rows counted while it
      // ran may be left (an undercount at worst: they are folded next time)
      d.unfoldedRows = Math.max(0, d.unfoldedRows - countedBefore);
      d.oldestUnfoldedAt = d.unfoldedRows === 0 ? null : Date.now();
    }
    return true;
  }

  isLoaded(documentId: string): boolean {
    return this.docs.has(documentId);
  }

  /** Log rows of a document (tests, metrics). */
  logRows(documentId: string): Promise<number> {
    return this.store.rowCount(documentId);
  }

  /**
   * Snapshot + log read straight from PostgreSQL into a fresh doc (tests compare it with the clients; finalizing
   * renders it inside its transaction, `db` being that transaction's manager).
   */
  async loadFromDatabase(documentId: string, db?: EntityManager): Promise<Y.Doc> {
    const stored = await this.store.read(documentId, db);
    if (!stored) throw new AppException('NOT_FOUND');
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
    });
    return doc;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweepTimer);
    clusterEvents.off(CLUSTER_LINK_UP, this.onClusterLinkUp);
    await this.writer.barrier().catch(() => undefined);
    for (const d of this.docs.values()) this.drop(d);
    await this.lease.close();
  }

  // ---- internals ----

  private toPeers(event: string, ...args: unknown[]): void {
    // bytes as base64: the Redis adapter sends server-side events as JSON, which turns a Uint8Array into an
    // object of numbered keys (about ten times the size) and a Buffer into {type, data}
    if (this.clustered) this.ns?.serverSideEmit(event, ...args.map((a) => (a instanceof Uint8Array ? asText(a) : a)));
  }

  /** A peer message's bytes (sent as base64 by toPeers); anything else is a bug worth hearing about, not a silent no-op. */
  private peerBytes(event: string, payload: unknown): Uint8Array | null {
    if (typeof payload === 'string') return Buffer.from(payload, 'base64');
    this.log.warn(`${event}: payload is not base64 text (${Object.prototype.toString.call(payload)}); ignored`);
    return null;
  }

  private view(d: LoadedDoc): LoadedDocView {
    return { doc: d.doc, awareness: d.awareness };
  }

  private load(documentId: string): Promise<LoadedDoc> {
    const loaded = this.docs.get(documentId);
    if (loaded) return Promise.resolve(loaded);
    return this.loading.get(documentId) ?? this.startLoad(documentId, false).loaded;
  }

  /** Read from PostgreSQL, then build the Y.Doc: at once, or (`deferInstall`) after this macrotask. */
  private startLoad(documentId: string, deferInstall: boolean): { stored: Promise<StoredDoc>; loaded: Promise<LoadedDoc> } {
    this.earlyPeerUpdates.set(documentId, []);
    const stored = this.loads
      .run(() => this.store.read(documentId))
      .then((s) => {
        if (!s) throw new AppException('NOT_FOUND');
        return s;
      });
    const ready = deferInstall ? stored.then((s) => new Promise<StoredDoc>((resolve) => setImmediate(() => resolve(s)))) : stored;
    const loaded = ready
      .then((s) => this.install(documentId, s.snapshot, s.updates))
      .finally(() => {
        this.loading.delete(documentId);
        this.earlyPeerUpdates.delete(documentId);
        this.openers.delete(documentId);
      });
    this.loading.set(documentId, loaded);
    return { stored, loaded };
  }

  private install(documentId: string, snapshot: Uint8Array | null, updates: Uint8Array[]): LoadedDoc {
    const doc = new Y.Doc({ gc: true });
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const u of updates) Y.applyUpdate(doc, u);
      for (const u of this.earlyPeerUpdates.get(documentId) ?? []) Y.applyUpdate(doc, u);
    }, FROM_PEER);
    const awareness = new Awareness(doc);
    awareness.setLocalState(null); // the server has no caret
    const d: LoadedDoc = {
      id: documentId,
      doc,
      awareness,
      awarenessOwners: new Map(),
      sockets: new Set(),
      inflight: 0,
      unfoldedRows: updates.length,
      oldestUnfoldedAt: updates.length ? Date.now() : null,
      compacting: null,
      compactRetryAt: 0,
      unloadTimer: null,
      outgoing: [],
      gone: false,
    };
    this.docs.set(documentId, d);
    for (const socketId of this.openers.get(documentId) ?? []) d.sockets.add(socketId);
    if (d.unfoldedRows >= this.opts.compactAfterRows) this.compactSoon(d);
    // no-op while someone has it open; acquire cancels it (an opener answered from storage may have left already)
    this.scheduleUnloadIfIdle(d);
    return d;
  }

  /** Queue for the room (this tick's message) and for the log; resolves once committed. */
  private async persist(d: LoadedDoc, update: Uint8Array, socketId: string | null, actorId: string | null): Promise<void> {
    d.outgoing.push({ update, socketId });
    this.dirty.add(d);
    this.scheduleBroadcast();
    d.inflight++;
    try {
      await this.writer.append({ documentId: d.id, update, actorId });
    } catch (e) {
      // finalized meanwhile (the update arrived as the document was finalized) or deleted: nothing was written
      if (e instanceof LogRefusal) {
        if (e.reasons.get(d.id) === 'finalized') throw new AppException('DOC_READ_ONLY', { reason: 'finalized' });
        throw new AppException('NOT_FOUND');
      }
      // a foreign-key violation: the document was deleted meanwhile
      const code = (e as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (e as { code?: string }).code;
      throw new AppException(code === '23503' ? 'NOT_FOUND' : 'DB_UNAVAILABLE');
    } finally {
      d.inflight--;
      this.scheduleUnloadIfIdle(d);
    }
  }

  private scheduleBroadcast(): void {
    if (this.broadcastScheduled) return;
    this.broadcastScheduled = true;
    setImmediate(() => this.flushBroadcasts());
  }

  /** One message per room per tick: the tick's updates merged (a handful of small ones: cheap). */
  private flushBroadcasts(): void {
    this.broadcastScheduled = false;
    const docs = [...this.dirty];
    this.dirty.clear();
    for (const d of docs) {
      const out = d.outgoing;
      d.outgoing = [];
      if (!out.length || !this.ns) continue;
      const update = out.length === 1 ? out[0].update : Y.mergeUpdates(out.map((o) => o.update));
      const payload = { documentId: d.id, message: asText(syncUpdateMessage(update)) };
      const senders = new Set(out.map((o) => o.socketId));
      const only = senders.size === 1 ? [...senders][0] : null;
      // a single sender does not need its own update back; with several, one message to all is cheaper
      const to = only ? this.ns.to(collabRoom(d.id)).except(only) : this.ns.to(collabRoom(d.id));
      to.emit('collab:sync', payload);
    }
  }

  /** Rows are durable: other instances holding the documents apply them; compaction counters move. */
  private onCommitted(batch: CommittedBatch): void {
    const byDoc = new Map<string, Uint8Array[]>();
    for (const e of batch.entries) {
      const list = byDoc.get(e.documentId);
      if (list) list.push(e.update);
      else byDoc.set(e.documentId, [e.update]);
    }
    for (const [documentId, updates] of byDoc) {
      this.toPeers(PEER_EVENTS.update, documentId, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
      const d = this.docs.get(documentId);
      if (!d) continue;
      d.unfoldedRows += updates.length;
      d.oldestUnfoldedAt ??= Date.now();
      if (d.unfoldedRows >= this.opts.compactAfterRows) this.compactSoon(d);
    }
  }

  /** The log did not take the batch: the in-memory copies hold updates that are not durable. Reload them. */
  private onWriteFailed(documentIds: Set<string>, e: unknown): void {
    if (e instanceof LogRefusal) this.log.warn(e.message);
    else this.log.error(`collab log write failed (${documentIds.size} documents): ${(e as Error).message}`);
    for (const id of documentIds) {
      const d = this.docs.get(id);
      if (d) this.evict(d);
    }
  }

  /** Drop the in-memory copy and ask the room to open again (their step 2 resends what the server lacks). */
  private evict(d: LoadedDoc): void {
    this.drop(d);
    this.ns?.to(collabRoom(d.id)).emit('collab:resync', { documentId: d.id });
  }

  private drop(d: LoadedDoc): void {
    if (d.gone) return;
    d.gone = true;
    if (d.unloadTimer) clearTimeout(d.unloadTimer);
    if (this.docs.get(d.id) === d) this.docs.delete(d.id);
    this.dirty.delete(d);
    d.awareness.destroy();
    d.doc.destroy();
  }

  private applyPeerUpdate(documentId: string, update: Uint8Array): void {
    const early = this.earlyPeerUpdates.get(documentId);
    if (early) return void early.push(update);
    const d = this.docs.get(documentId);
    if (!d) return;
    try {
      Y.applyUpdate(d.doc, update, FROM_PEER);
      d.unfoldedRows++;
      d.oldestUnfoldedAt ??= Date.now();
    } catch (e) {
      this.log.warn(`peer update to ${documentId} failed: ${(e as Error).message}`);
      this.evict(d);
    }
  }

  /** Another instance's awareness change: applied to our copy; its carets are owned by their announcer here too. */
  private applyPeerAwareness(documentId: string, update: Uint8Array, userId: string | null): void {
    const d = this.docs.get(documentId);
    if (!d) return;
    applyAwareness(d.awareness, update);
    let entries: AwarenessEntry[];
    try {
      entries = readAwarenessEntries(update);
    } catch {
      return;
    }
    for (const { clientId, state } of entries) {
      if (state === null) d.awarenessOwners.delete(clientId);
      else if (userId) d.awarenessOwners.set(clientId, { socketId: PEER_OWNER, userId });
    }
  }

  private notifyAccessChanged(documentId: string): void {
    for (const l of this.accessListeners) l(documentId);
  }

  private compactSoon(d: LoadedDoc): void {
    if (d.compacting || d.gone || Date.now() < d.compactRetryAt) return;
    d.compacting = this.compactNow(d.id)
      .then(() => undefined)
      .catch((e: unknown) => this.log.warn(`compaction of ${d.id} failed: ${(e as Error).message}`))
      .finally(() => (d.compacting = null));
  }

  /** Time-based compaction and renewal of the leases of busy documents. */
  private sweep(): void {
    const now = Date.now();
    for (const d of this.docs.values()) {
      if (d.oldestUnfoldedAt !== null && now - d.oldestUnfoldedAt >= this.opts.compactAfterMs) this.compactSoon(d);
    }
  }

  private scheduleUnloadIfIdle(d: LoadedDoc): void {
    if (d.gone || d.sockets.size || d.unloadTimer) return;
    d.unloadTimer = setTimeout(() => {
      d.unloadTimer = null;
      void this.unload(d);
    }, this.opts.unloadGraceMs);
    d.unloadTimer.unref();
  }

  /** Never while a write is in flight; the log is folded first so the next load is quick. */
  private async unload(d: LoadedDoc): Promise<void> {
    if (d.gone || d.sockets.size) return;
    if (d.inflight || d.outgoing.length) return this.scheduleUnloadIfIdle(d);
    if (d.unfoldedRows > 0) {
      this.compactSoon(d);
      await d.compacting;
    }
    // someone opened it, or wrote to it, while we folded
    if (d.gone || d.sockets.size || d.inflight || d.unloadTimer) return;
    this.drop(d);
    await this.lease.release(d.id);
  }
}

/** What the gateway may read of a loaded document. */
export interface LoadedDocView {
  doc: Y.Doc;
  awareness: Awareness;
}

/** Apply an awareness update without trusting it: a malformed one only loses carets. */
function applyAwareness(awareness: Awareness, update: Uint8Array): void {
  try {
    applyAwarenessUpdate(awareness, update, FROM_PEER);
  } catch {
    /* ignored */
  }
}
