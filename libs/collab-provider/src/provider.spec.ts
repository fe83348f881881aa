import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CollabAccess, ErrorBody } from '@xieshang/contracts';
import { CollabProvider } from './provider';

/*
 * The provider's bookkeeping against an in-memory stand-in for the `/collab` server (the real server and
 * socket.io are exercised by apps/api/test/collab-*.int-spec.ts): acks counted in order, nothing counted
 * acknowledged that the server did not confirm, unacknowledged updates resent after a reconnect, read-only
 * users send nothing, refused updates are not retried.
 */

type Ack = (err: Error | null, res?: unknown) => void;

class FakeServer {
  readonly doc = new Y.Doc();
  access: CollabAccess = { documentId: 'd1', role: 'editor', state: 'draft', canEdit: true };
  /** acks held back until release() (a slow commit) */
  holdAcks = false;
  refuseWith: ErrorBody | null = null;
  readonly held: Array<() => void> = [];
  readonly received: Uint8Array[] = [];

  handle(event: string, payload: { documentId: string; sync?: Uint8Array; message?: Uint8Array }, ack: Ack): void {
    if (event === 'collab:open') {
      const dec = decoding.createDecoder(payload.sync!);
      decoding.readVarUint(dec);
      const sv = decoding.readVarUint8Array(dec);
      const step2 = encoding.createEncoder();
      syncProtocol.writeSyncStep2(step2, this.doc, sv);
      const step1 = encoding.createEncoder();
      syncProtocol.writeSyncStep1(step1, this.doc);
      ack(null, { data: { access: this.access, step2: encoding.toUint8Array(step2), step1: encoding.toUint8Array(step1) } });
    } else if (event === 'collab:sync') {
      if (this.refuseWith) return ack(null, { error: this.refuseWith });
      const dec = decoding.createDecoder(payload.message!);
      decoding.readVarUint(dec);
      const update = decoding.readVarUint8Array(dec);
      const answer = () => {
        Y.applyUpdate(this.doc, update);
        this.received.push(update);
        ack(null, { data: {} });
      };
      if (this.holdAcks) this.held.push(answer);
      else answer();
    }
  }

  release(): void {
    for (const a of this.held.splice(0)) a();
  }
}

class FakeSocket {
  connected = false;
  private readonly handlers = new Map<string, Set<(...a: unknown[]) => void>>();
  private pendingAcks: Ack[] = [];

  constructor(private readonly server: FakeServer) {}

  on(event: string, h: (...a: unknown[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(h);
    return this;
  }
  off(event: string, h: (...a: unknown[]) => void) {
    this.handlers.get(event)?.delete(h);
    return this;
  }
  emit(event: string, payload: unknown) {
    this.server.handle(event, payload as { documentId: string }, () => undefined);
    return this;
  }
  timeout() {
    return {
      emit: (event: string, payload: unknown, cb: Ack) => {
        if (!this.connected) return;
        const ack: Ack = (err, res) => {
          if (!this.pendingAcks.includes(ack)) return; // the connection that carried it is gone
          this.pendingAcks = this.pendingAcks.filter((a) => a !== ack);
          cb(err, res);
        };
        this.pendingAcks.push(ack);
        this.server.handle(event, payload as { documentId: string }, ack);
      },
    };
  }
  connect() {
    this.connected = true;
    this.fire('connect');
  }
  drop() {
    this.connected = false;
    // socket.io-client fails the acks of a closed connection
    for (const a of this.pendingAcks.splice(0)) a(new Error('disconnected'));
    this.fire('disconnect');
  }
  private fire(event: string, ...args: unknown[]) {
    for (const h of [...(this.handlers.get(event) ?? [])]) h(...args);
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

const providers: CollabProvider[] = [];
afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
});

function setup() {
  const server = new FakeServer();
  const socket = new FakeSocket(server);
  const doc = new Y.Doc();
  const provider = new CollabProvider({ socket: socket as unknown as Socket, documentId: 'd1', doc });
  providers.push(provider);
  return { server, socket, doc, provider, text: doc.getText('t') };
}

describe('CollabProvider bookkeeping', () => {
  it('counts pending updates until the server acknowledges them, in order', async () => {
    const { server, socket, provider, text } = setup();
    socket.connect();
    await provider.whenSynced();
    expect(provider.status).toMatchObject({ connected: true, synced: true, pending: 0, role: 'editor', readOnly: false });

    server.holdAcks = true;
    text.insert(0, 'a');
    await tick();
    text.insert(1, 'b');
    await tick();
    expect(provider.status.pending).toBe(2);
    let flushed = false;
    void provider.flushed().then(() => (flushed = true));
    server.release();
    await tick();
    expect(provider.status.pending).toBe(0);
    expect(flushed).toBe(true);
    expect(server.doc.getText('t').toString()).toBe('ab');
  });

  it('an update whose ack was lost with the connection is resent after the reconnect', async () => {
    const { server, socket, provider, text } = setup();
    socket.connect();
    await provider.whenSynced();
    server.holdAcks = true;
    text.insert(0, 'typed');
    await tick();
    socket.drop(); // the held commit never answers
    server.held.splice(0);
    expect(provider.status).toMatchObject({ connected: false, pending: 1 });
    text.insert(5, ' offline');
    expect(provider.status.pending).toBe(2);

    server.holdAcks = false;
    socket.connect();
    await provider.whenSynced();
    await provider.flushed();
    expect(server.doc.getText('t').toString()).toBe('typed offline');
  });

  it('after a reconnect, what the server already has counts as acknowledged without resending', async () => {
    const { server, socket, provider, text } = setup();
    socket.connect();
    await provider.whenSynced();
    server.holdAcks = true;
    text.insert(0, 'x');
    await tick();
    // the server committed it, but the ack was lost with the connection
    const commit = server.held.splice(0);
    socket.drop();
    for (const c of commit) c();
    expect(provider.status.pending).toBe(1);
    server.received.length = 0;
    socket.connect();
    await provider.whenSynced();
    expect(provider.status.pending).toBe(0);
    expect(server.received).toHaveLength(0);
  });

  it('read-only users receive but send nothing; a refused update is not retried', async () => {
    const { server, socket, provider, text, doc } = setup();
    server.access = { documentId: 'd1', role: 'reader', state: 'draft', canEdit: false };
    server.doc.getText('t').insert(0, 'server text');
    socket.connect();
    await provider.whenSynced();
    expect(doc.getText('t').toString()).toBe('server text');
    expect(provider.status).toMatchObject({ role: 'reader', readOnly: true });
    text.insert(0, 'mine');
    await tick();
    expect(server.received).toHaveLength(0);
    expect(provider.status.pending).toBe(1);

    // an editor whose update the server refuses: error shown, not retried
    const editor = setup();
    editor.socket.connect();
    await editor.provider.whenSynced();
    editor.server.refuseWith = { code: 'DOC_UPDATE_TOO_LARGE', message: 'too large', params: { limit: 1 } };
    editor.text.insert(0, 'big');
    await tick();
    expect(editor.provider.status.error?.code).toBe('DOC_UPDATE_TOO_LARGE');
    expect(editor.provider.status.pending).toBe(1);
  });

  it('a fatal open error stops the provider; destroy detaches from the socket and the doc', async () => {
    const { server, socket, provider, text } = setup();
    const origHandle = server.handle.bind(server);
    server.handle = (event, payload, ack) =>
      event === 'collab:open' ? ack(null, { error: { code: 'NOT_FOUND', message: 'Not found' } }) : origHandle(event, payload, ack);
    const statuses: string[] = [];
    provider.on('status', (s) => s.error && statuses.push(s.error.code));
    socket.connect();
    await tick();
    expect(provider.status.error?.code).toBe('NOT_FOUND');
    expect(statuses).toContain('NOT_FOUND');
    provider.destroy();
    text.insert(0, 'after destroy');
    expect(provider.status.pending).toBe(0);
  });
});

describe('CollabProvider open: what the server lacks, and only that', () => {
  /** A server document that has been typed and rewritten (its delete set is not empty). */
  function editedServer(): FakeServer {
    const server = new FakeServer();
    const t = server.doc.getText('t');
    t.insert(0, '关于推进基层协商的建议');
    t.delete(2, 3);
    t.insert(4, '社区');
    return server;
  }

  it('sends nothing on open or reopen while the server has everything (not even the delete set)', async () => {
    const server = editedServer();
    const socket = new FakeSocket(server);
    const doc = new Y.Doc();
    const provider = new CollabProvider({ socket: socket as unknown as Socket, documentId: 'd1', doc });
    providers.push(provider);
    socket.connect();
    await provider.whenSynced();
    expect(doc.getText('t').toString()).toBe(server.doc.getText('t').toString());
    expect(server.received).toHaveLength(0);

    socket.drop();
    socket.connect();
    await provider.whenSynced();
    expect(server.received).toHaveLength(0);

    // a change of ours goes once; after it is acknowledged, a reopen sends nothing again
    doc.getText('t').delete(0, 1);
    await provider.flushed();
    expect(server.received).toHaveLength(1);
    socket.drop();
    socket.connect();
    await provider.whenSynced();
    expect(server.received).toHaveLength(1);
    expect(server.doc.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('content the document had before the provider (an offline copy) is sent once, its deletions included', async () => {
    const server = editedServer();
    const socket = new FakeSocket(server);
    // the offline copy: the server's state plus a deletion made offline (no new struct: the state vector is equal)
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    doc.getText('t').delete(0, 2);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(server.doc));

    const provider = new CollabProvider({ socket: socket as unknown as Socket, documentId: 'd1', doc });
    providers.push(provider);
    socket.connect();
    await provider.whenSynced();
    await provider.flushed();
    expect(server.doc.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(server.received).toHaveLength(1);

    socket.drop();
    socket.connect();
    await provider.whenSynced();
    await tick();
    expect(server.received).toHaveLength(1);
  });

  it('a copy whose first sending was refused or lost is sent again on the next open', async () => {
    const server = editedServer();
    const socket = new FakeSocket(server);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    doc.getText('t').delete(0, 2);
    server.holdAcks = true;
    const provider = new CollabProvider({ socket: socket as unknown as Socket, documentId: 'd1', doc });
    providers.push(provider);
    socket.connect();
    await provider.whenSynced();
    socket.drop(); // the step 2 carrying the copy was never acknowledged
    server.held.splice(0);
    server.holdAcks = false;
    socket.connect();
    await provider.whenSynced();
    await tick();
    expect(server.doc.getText('t').toString()).toBe(doc.getText('t').toString());
  });
});
