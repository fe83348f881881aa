import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type {
  Ack,
  CollabAccess,
  CollabCommentsPush,
  CollabDocStatePush,
  CollabOpenResult,
  CollabRole,
  CollabSyncResult,
  ErrorBody,
} from '@xieshang/contracts';
import { toBytes } from './bytes';
import { Emitter } from './emitter';

export interface CollabProviderOptions {
  /** a socket.io-client Socket on the namespace `/collab` (reconnection with jittered backoff is configured there) */
  socket: Socket;
  documentId: string;
  doc: Y.Doc;
  /** created if absent (Tiptap's CollaborationCaret reads provider.awareness) */
  awareness?: Awareness;
  /** how long to wait for an acknowledgement before re-syncing (ms) */
  ackTimeoutMs?: number;
}

export interface CollabStatus {
  connected: boolean;
  synced: boolean;
  /** local updates the server has not acknowledged as durable yet */
  pending: number;
  role: CollabRole | null;
  readOnly: boolean;
  error?: ErrorBody;
}

export interface CollabProviderEvents {
  status: (s: CollabStatus) => void;
  synced: () => void;
  /** the server pushed a comment change (refetch the comments) */
  comments: (p: CollabCommentsPush) => void;
  /** the document's state changed (finalized, restored…) */
  'doc-state': (p: CollabDocStatePush) => void;
  /** the user's access changed (role, or the document became read-only) */
  access: (a: CollabAccess) => void;
}

/** Errors after which re-opening cannot help: stop until the app does something (or the access changes). */
const FATAL = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION_FAILED']);
/** A refused update: the server has not got it; re-syncing would only be refused again. */
const REFUSED = new Set(['DOC_READ_ONLY', 'DOC_UPDATE_INVALID', 'DOC_UPDATE_TOO_LARGE']);

const isEmptyUpdate = (u: Uint8Array) => u.length <= 2; // no structs, empty delete set: [0, 0]

/** Whether the server's state vector has every struct of ours. */
function covers(serverVector: Uint8Array, ourVector: Uint8Array): boolean {
  const server = Y.decodeStateVector(serverVector);
  for (const [client, clock] of Y.decodeStateVector(ourVector)) if ((server.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Yjs over socket.io with acknowledged updates (works in browsers and in Node).
 *
 * Every local update gets a sequence number; the server acknowledges an update only once it is in its PostgreSQL
 * log, and `pending` counts those not acknowledged yet. After a (re)connect the provider opens the document with its
 * state vector, receives what it lacks plus the server's state vector, and sends everything the server lacks in one
 * sync step 2: that resends whatever was never acknowledged. The server answers `collab:open` only after the writes
 * already queued for the document are committed, so its state vector counts durable content only.
 */
export class CollabProvider extends Emitter<CollabProviderEvents> {
  readonly socket: Socket;
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  private readonly ackTimeoutMs: number;
  private readonly ownsAwareness: boolean;

  private connected = false;
  private synced = false;
  private role: CollabRole | null = null;
  private canEdit = false;
  private error: ErrorBody | undefined;
  /** bumped on every (re)open and disconnect: answers of an older round are ignored */
  private epoch = 0;
  private localSeq = 0;
  private ackedSeq = 0;
  /**
   * The document had content when the provider was made (an offline copy): until one open has sent it all and
   * been acknowledged, the server may lack some of it, deletions included, which no state vector shows.
   */
  private startContentUnconfirmed: boolean;
  private outbox: Uint8Array[] = [];
  private flushScheduled = false;
  private stopped = false;
  private destroyed = false;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private syncedWaiters: Array<() => void> = [];
  private flushedWaiters: Array<() => void> = [];
  private readonly offs: Array<() => void> = [];

  constructor(opts: CollabProviderOptions) {
    super();
    this.socket = opts.socket;
    this.documentId = opts.documentId;
    this.doc = opts.doc;
    this.ownsAwareness = !opts.awareness;
    this.awareness = opts.awareness ?? new Awareness(opts.doc);
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 10_000;
    this.startContentUnconfirmed = opts.doc.store.clients.size > 0;

    const onDocUpdate = (update: Uint8Array, origin: unknown) => this.onLocalUpdate(update, origin);
    this.doc.on('update', onDocUpdate);
    this.offs.push(() => this.doc.off('update', onDocUpdate));

    const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === this) return;
      const changed = [...added, ...updated, ...removed];
      if (changed.includes(this.doc.clientID)) this.sendAwareness([this.doc.clientID]);
    };
    this.awareness.on('update', onAwareness);
    this.offs.push(() => this.awareness.off('update', onAwareness));

    this.listen('connect', () => {
      this.connected = true;
      this.open();
    });
    this.listen('disconnect', () => {
      this.connected = false;
      this.synced = false;
      this.epoch++;
      // others' carets are stale while we cannot hear about them leaving
      const others = [...this.awareness.getStates().keys()].filter((c) => c !== this.doc.clientID);
      if (others.length) removeAwarenessStates(this.awareness, others, this);
      this.emitStatus();
    });
    this.listen('collab:sync', (p: { documentId: string; message: unknown }) => {
      if (p?.documentId !== this.documentId || !this.synced) return;
      this.applySyncMessage(toBytes(p.message));
    });
    this.listen('collab:awareness', (p: { documentId: string; update: unknown }) => {
      if (p?.documentId !== this.documentId) return;
      try {
        applyAwarenessUpdate(this.awareness, toBytes(p.update), this);
      } catch {
        /* a malformed awareness update only loses a caret */
      }
    });
    this.listen('collab:access', (a: CollabAccess) => {
      if (a?.documentId !== this.documentId) return;
      const couldEdit = this.canEdit;
      this.setAccess(a);
      this.emit('access', a);
      // newly allowed to write: re-open, which sends whatever was typed meanwhile
      if (!couldEdit && a.canEdit) this.reopen();
      this.emitStatus();
    });
    this.listen('collab:resync', (p: { documentId: string }) => {
      if (p?.documentId === this.documentId) this.reopen();
    });
    this.listen('collab:comments', (p: CollabCommentsPush) => {
      if (p?.documentId === this.documentId) this.emit('comments', p);
    });
    this.listen('collab:doc-state', (p: CollabDocStatePush) => {
      if (p?.documentId === this.documentId) this.emit('doc-state', p);
    });

    if (this.socket.connected) {
      this.connected = true;
      this.open();
    }
  }

  get status(): CollabStatus {
    return {
      connected: this.connected,
      synced: this.synced,
      pending: this.localSeq - this.ackedSeq,
      role: this.role,
      readOnly: !this.canEdit,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Resolves once the document has been synced with the server (after the first open). */
  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => this.syncedWaiters.push(resolve));
  }

  /** Resolves once every local update so far is acknowledged as durable by the server. */
  flushed(): Promise<void> {
    if (this.localSeq === this.ackedSeq) return Promise.resolve();
    return new Promise((resolve) => this.flushedWaiters.push(resolve));
  }

  /** Open again (e.g. after an error the app dealt with). */
  reconnect(): void {
    this.stopped = false;
    this.error = undefined;
    this.reopen();
  }

  destroy(): void {
    if (this.destroyed) return;
    // tell the others we left, while the listeners are still in place
    if (this.awareness.getLocalState() !== null) removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    if (this.connected) this.socket.emit('collab:close', { documentId: this.documentId });
    this.destroyed = true;
    this.epoch++;
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    for (const off of this.offs) off();
    this.offs.length = 0;
    if (this.ownsAwareness) this.awareness.destroy();
    this.clearListeners();
  }

  // ---- internals ----

  private listen(event: string, handler: (...args: never[]) => void): void {
    const h = handler as (...args: unknown[]) => void;
    this.socket.on(event, h);
    this.offs.push(() => this.socket.off(event, h));
  }

  private reopen(): void {
    if (this.destroyed || !this.socket.connected) return;
    this.synced = false;
    this.open();
  }

  private scheduleResync(delayMs: number): void {
    if (this.resyncTimer || this.destroyed) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      this.reopen();
    }, delayMs + Math.floor(Math.random() * delayMs));
  }

  private open(): void {
    if (this.destroyed || this.stopped || !this.socket.connected) return;
    const epoch = ++this.epoch;
    this.synced = false;
    const enc = encoding.createEncoder();
    syncProtocol.writeSyncStep1(enc, this.doc);
    this.socket
      .timeout(this.ackTimeoutMs)
      .emit('collab:open', { documentId: this.documentId, sync: encoding.toUint8Array(enc) }, (err: Error | null, ack: Ack<CollabOpenResult>) => {
        if (epoch !== this.epoch || this.destroyed) return;
        if (err) return this.scheduleResync(500);
        if ('error' in ack) {
          this.error = ack.error;
          if (FATAL.has(ack.error.code)) this.stopped = true;
          else this.scheduleResync(1_000);
          return this.emitStatus();
        }
        this.onOpened(ack.data);
      });
  }

  private onOpened(r: CollabOpenResult): void {
    this.error = undefined;
    this.setAccess(r.access);
    this.applySyncMessage(toBytes(r.step2));
    if (r.awareness) {
      try {
        applyAwarenessUpdate(this.awareness, toBytes(r.awareness), this);
      } catch {
        /* carets only */
      }
    }
    // what the server lacks: everything typed offline and every update that was never acknowledged
    const seqAtOpen = this.localSeq;
    this.outbox = [];
    if (this.canEdit) {
      const dec = decoding.createDecoder(toBytes(r.step1));
      decoding.readVarUint(dec); // messageYjsSyncStep1
      const serverVector = decoding.readVarUint8Array(dec);
      // Every change made here acknowledged, every struct here known to the server, and the starting content
      // confirmed once: the server lacks nothing. Sending "what it lacks" anyway would send the whole delete set
      // (a state vector cannot show deletions), tens of KB for a much-edited document, on every open.
      const upToDate = this.localSeq === this.ackedSeq && !this.startContentUnconfirmed && covers(serverVector, Y.encodeStateVector(this.doc));
      const missing = upToDate ? null : Y.encodeStateAsUpdate(this.doc, serverVector);
      const confirmStart = () => (this.startContentUnconfirmed = false);
      if (!missing || isEmptyUpdate(missing)) {
        confirmStart();
        this.acknowledge(seqAtOpen);
      } else this.sendSync(syncProtocol.messageYjsSyncStep2, missing, seqAtOpen, confirmStart);
    }
    this.synced = true;
    if (this.awareness.getLocalState() !== null) this.sendAwareness([this.doc.clientID]);
    this.emitStatus();
    this.emit('synced');
    const waiters = this.syncedWaiters;
    this.syncedWaiters = [];
    for (const w of waiters) w();
  }

  private setAccess(a: CollabAccess): void {
    this.role = a.role;
    this.canEdit = a.canEdit;
  }

  private applySyncMessage(message: Uint8Array): void {
    try {
      const dec = decoding.createDecoder(message);
      const enc = encoding.createEncoder();
      // origin = this: the update handler knows not to send it back
      syncProtocol.readSyncMessage(dec, enc, this.doc, this);
    } catch {
      // a message we cannot read: fetch the state again
      this.scheduleResync(500);
    }
  }

  private onLocalUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === this || this.destroyed) return;
    this.localSeq++;
    // while not synced, the next open's step 2 carries it; read-only users keep it pending (nothing is sent)
    if (!this.synced || !this.canEdit) return this.emitStatus();
    this.outbox.push(update);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // updates of one task (e.g. a paste split in several transactions) go as one message
      queueMicrotask(() => this.flushOutbox());
    }
    this.emitStatus();
  }

  private flushOutbox(): void {
    this.flushScheduled = false;
    if (!this.outbox.length || !this.synced) return;
    const update = this.outbox.length === 1 ? this.outbox[0] : Y.mergeUpdates(this.outbox);
    this.outbox = [];
    this.sendSync(syncProtocol.messageYjsUpdate, update, this.localSeq);
  }

  private sendSync(type: number, update: Uint8Array, seq: number, onAcknowledged?: () => void): void {
    const epoch = this.epoch;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, type);
    encoding.writeVarUint8Array(enc, update);
    this.socket
      .timeout(this.ackTimeoutMs)
      .emit('collab:sync', { documentId: this.documentId, message: encoding.toUint8Array(enc) }, (err: Error | null, ack: Ack<CollabSyncResult>) => {
        if (epoch !== this.epoch || this.destroyed) return;
        if (err) return this.scheduleResync(500);
        if ('error' in ack) {
          this.error = ack.error;
          // acks of messages sent before this one must not count: a later success would cover this failure
          this.epoch++;
          if (ack.error.code === 'DOC_READ_ONLY') this.canEdit = false;
          if (!REFUSED.has(ack.error.code)) this.scheduleResync(1_000);
          return this.emitStatus();
        }
        onAcknowledged?.();
        this.acknowledge(seq);
      });
  }

  private acknowledge(seq: number): void {
    if (seq > this.ackedSeq) this.ackedSeq = seq;
    if (this.error && !FATAL.has(this.error.code)) this.error = undefined;
    this.emitStatus();
    if (this.localSeq === this.ackedSeq && this.flushedWaiters.length) {
      const waiters = this.flushedWaiters;
      this.flushedWaiters = [];
      for (const w of waiters) w();
    }
  }

  private sendAwareness(clients: number[]): void {
    if (!this.connected || !this.synced || this.destroyed) return;
    const update = encodeAwarenessUpdate(this.awareness, clients);
    this.socket.emit('collab:awareness', { documentId: this.documentId, update });
  }

  private emitStatus(): void {
    this.emit('status', this.status);
  }
}
