import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  COLLAB_LIMITS,
  COLLAB_NAMESPACE,
  CollabAwarenessRequest,
  CollabCloseRequest,
  CollabOpenRequest,
  CollabSyncRequest,
  YSYNC_MESSAGE,
  type Ack,
  type CollabAccess,
  type CollabOpenResult,
  type CollabSyncResult,
} from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import { AuthService } from '../auth/auth.service';
import { DocumentAccessService } from '../documents/document-access.service';
import { applySocketAuth } from '../realtime/socket-auth';
import { handleCommand, replyWith } from '../realtime/socket-ack';
import { readAwarenessEntries, stampedAwarenessUpdate } from './awareness-entries';
import { CollabDocStore } from './collab-doc-store';
import { collabRoom, type CollabClientToServer, type CollabMembership, type CollabSocket } from './collab-socket';

const tooLarge = (bytes: Uint8Array, limit: number) => {
  if (bytes.byteLength > limit) throw new AppException('DOC_UPDATE_TOO_LARGE', { limit });
};

/** A y-protocols sync message: its type and its payload (a state vector or an update). Garbage → coded error. */
function readSyncMessage(message: Uint8Array): { type: number; payload: Uint8Array } {
  try {
    const dec = decoding.createDecoder(message);
    const type = decoding.readVarUint(dec);
    const payload = decoding.readVarUint8Array(dec);
    if (type === YSYNC_MESSAGE.step1) Y.decodeStateVector(payload);
    else if (type !== YSYNC_MESSAGE.step2 && type !== YSYNC_MESSAGE.update) throw new Error(`sync message type ${type}`);
    return { type, payload };
  } catch {
    throw new AppException('DOC_UPDATE_INVALID');
  }
}

/** A y-protocols sync message around bytes we already have (a stored update, a state vector). */
function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

const readOnlyReason = (a: CollabAccess) => (a.state === 'finalized' ? 'finalized' : a.role);

/**
 * `/collab`: Yjs sync over socket.io, one room per document (see the protocol in libs/contracts/src/collab.ts).
 * Every payload is validated (schema, size, y-protocols encoding) and answered with the ack envelope; document
 * updates are checked against the user's access (cached per socket and document, dropped on accessChanged) and
 * acknowledged only once they are in the PostgreSQL log (CollabDocStore).
 */
@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private ns: Namespace | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly access: DocumentAccessService,
    private readonly store: CollabDocStore,
  ) {}

  afterInit(ns: Namespace) {
    this.ns = ns;
    applySocketAuth(ns, this.auth);
    this.store.attach(ns);
    this.store.onAccessChanged((documentId) => this.refreshAccess(documentId));
  }

  handleConnection(socket: CollabSocket) {
    socket.data.collab = new Map();
    const on = (event: keyof CollabClientToServer, handle: (payload: unknown) => Promise<Ack<unknown>>) =>
      socket.on(event, (payload: unknown, ack?: unknown) => {
        if (typeof payload === 'function' && ack === undefined) [payload, ack] = [undefined, payload];
        void handle(payload).then((result) => replyWith(ack, result));
      });
    on('collab:open', (p) => handleCommand(CollabOpenRequest, p, (req) => this.open(socket, req.documentId, req.sync)));
    on('collab:sync', (p) => handleCommand(CollabSyncRequest, p, (req) => this.sync(socket, req.documentId, req.message)));
    on('collab:awareness', (p) => handleCommand(CollabAwarenessRequest, p, (req) => this.awareness(socket, req.documentId, req.update)));
    on('collab:close', (p) =>
      handleCommand(CollabCloseRequest, p, async ({ documentId }) => {
        await this.close(socket, documentId);
        return { closed: true as const };
      }),
    );
  }

  handleDisconnect(socket: CollabSocket) {
    for (const [documentId, m] of socket.data.collab ?? []) this.store.release(documentId, socket.id, [...m.awarenessClients]);
    socket.data.collab?.clear();
  }

  private async open(socket: CollabSocket, documentId: string, sync: Uint8Array): Promise<CollabOpenResult> {
    tooLarge(sync, COLLAB_LIMITS.maxStateVectorBytes);
    const { type, payload: stateVector } = readSyncMessage(sync);
    if (type !== YSYNC_MESSAGE.step1) throw new AppException('DOC_UPDATE_INVALID');
    const access = await this.access.accessOf(socket.data.user, documentId);
    if (!access) throw new AppException('NOT_FOUND');
    const memberships = socket.data.collab!;
    const existing = memberships.get(documentId);
    const membership: CollabMembership = { access: Promise.resolve(access), awarenessClients: existing?.awarenessClients ?? new Set() };
    memberships.set(documentId, membership);
    // a client with nothing yet, opening a document not in memory here, is answered from the stored bytes
    const stored = Y.decodeStateVector(stateVector).size === 0 ? await this.store.openFromStorage(documentId, socket.id) : null;
    const view = stored ? null : await this.store.acquire(documentId, socket.id);
    if (!socket.connected || memberships.get(documentId) !== membership) {
      // gone (or re-opened) while the document loaded
      if (!socket.connected) this.store.release(documentId, socket.id, []);
      throw new AppException('DOC_NOT_OPEN');
    }
    // in the room before the state is read: whatever is applied after it reaches this client as a message
    await socket.join(collabRoom(documentId));
    if (stored) return { access, step2: syncMessage(YSYNC_MESSAGE.step2, stored.update), step1: syncMessage(YSYNC_MESSAGE.step1, stored.stateVector) };
    const { doc, awareness } = view!;
    // the state vector sent must count durable content only: the client trusts it to drop what it would resend
    await this.store.barrier();
    const step2 = encoding.createEncoder();
    syncProtocol.writeSyncStep2(step2, doc, stateVector);
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, doc);
    const present = [...awareness.getStates().keys()];
    return {
      access,
      step2: encoding.toUint8Array(step2),
      step1: encoding.toUint8Array(step1),
      ...(present.length ? { awareness: encodeAwarenessUpdate(awareness, present) } : {}),
    };
  }

  private async sync(socket: CollabSocket, documentId: string, message: Uint8Array): Promise<CollabSyncResult> {
    tooLarge(message, COLLAB_LIMITS.maxUpdateBytes);
    const membership = this.membership(socket, documentId);
    await this.store.settled(documentId); // answered from storage, the server's copy may still be in the making
    const { type, payload } = readSyncMessage(message);
    if (type === YSYNC_MESSAGE.step1) return { reply: this.store.syncStep2(documentId, payload) };
    const access = await this.accessFor(socket, documentId, membership);
    if (!access.canEdit) throw new AppException('DOC_READ_ONLY', { reason: readOnlyReason(access) });
    await this.store.receive(documentId, payload, socket.id, socket.data.user.id);
    return {};
  }

  private async awareness(socket: CollabSocket, documentId: string, update: Uint8Array): Promise<Record<string, never>> {
    tooLarge(update, COLLAB_LIMITS.maxAwarenessBytes);
    const membership = this.membership(socket, documentId);
    const entries = readAwarenessEntries(update);
    await this.store.settled(documentId);
    const user = socket.data.user;
    // another person's caret is theirs alone (the same person's new socket after a reconnect takes theirs over)
    if (!this.store.claimAwareness(documentId, socket.id, user.id, entries.map((e) => e.clientId))) throw new AppException('FORBIDDEN');
    for (const { clientId, state } of entries) {
      if (state !== null) membership.awarenessClients.add(clientId);
      else membership.awarenessClients.delete(clientId);
    }
    this.store.relayAwareness(documentId, stampedAwarenessUpdate(entries, user), socket.id, user.id);
    return {};
  }

  private async close(socket: CollabSocket, documentId: string): Promise<void> {
    const m = socket.data.collab?.get(documentId);
    if (!m) return;
    socket.data.collab!.delete(documentId);
    await socket.leave(collabRoom(documentId));
    this.store.release(documentId, socket.id, [...m.awarenessClients]);
  }

  private membership(socket: CollabSocket, documentId: string): CollabMembership {
    const m = socket.data.collab?.get(documentId);
    if (!m) throw new AppException('DOC_NOT_OPEN');
    return m;
  }

  /** Cached per socket and document (a promise, so messages behind a refetch keep their order). */
  private async accessFor(socket: CollabSocket, documentId: string, m: CollabMembership): Promise<CollabAccess> {
    m.access ??= this.access.accessOf(socket.data.user, documentId);
    const access = await m.access;
    if (!access) {
      await this.close(socket, documentId);
      throw new AppException('NOT_FOUND');
    }
    return access;
  }

  /** Access to a document changed: drop the cache of this instance's sockets and tell each its new access. */
  private refreshAccess(documentId: string): void {
    const ids = this.ns?.adapter.rooms.get(collabRoom(documentId));
    if (!ids || !this.ns) return;
    for (const id of ids) {
      const socket = this.ns.sockets.get(id) as CollabSocket | undefined;
      const m = socket?.data.collab?.get(documentId);
      if (!socket || !m) continue;
      m.access = null;
      void this.accessFor(socket, documentId, m)
        .then((access) => socket.emit('collab:access', access))
        .catch(() => socket.emit('collab:resync', { documentId }));
    }
  }
}
