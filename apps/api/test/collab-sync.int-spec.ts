import * as Y from 'yjs';
import { CollabDocStore } from '../src/modules/collab/collab-doc-store';
import { CollabTestClient, codeOf, createDocument, until, updateMessage } from './support/collab-clients';
import { createTestApp, TestApp } from './support/test-app';

describe('collab sync: acknowledged, durable, broadcast (real app, real provider)', () => {
  let t: TestApp;
  let store: CollabDocStore;
  let adminCookie: string;
  const clients: CollabTestClient[] = [];
  const client = (name: string, cookie: string, documentId: string) => {
    const c = new CollabTestClient(name, t.url, cookie, documentId);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    store = t.app.get(CollabDocStore);
    adminCookie = (await t.as('admin@demo.local')).cookieHeader;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => t.close());

  it('two editors converge; every acknowledged update is in the PostgreSQL log', async () => {
    const documentId = await createDocument(t.ds);
    const a = await client('a', adminCookie, documentId).synced();
    const b = await client('b', adminCookie, documentId).synced();
    expect(a.provider.status).toMatchObject({ connected: true, synced: true, pending: 0, role: 'editor', readOnly: false });

    a.insert(0, '协商');
    expect(a.provider.status.pending).toBe(1);
    b.insert(0, '纪要：');
    await Promise.all([a.flushed(), b.flushed()]);
    expect(a.provider.status.pending).toBe(0);
    await until('b sees a', () => a.toString() === b.toString() && b.toString().length === 5);

    const reloaded = await store.loadFromDatabase(documentId);
    expect(reloaded.getText('t').toString()).toBe(a.toString());
    expect(await store.logRows(documentId)).toBe(2);
  });

  it('a late joiner gets the whole state; offline edits are resent on reconnect', async () => {
    const documentId = await createDocument(t.ds);
    const a = await client('a', adminCookie, documentId).synced();
    a.insert(0, 'hello');
    await a.flushed();

    const b = await client('b', adminCookie, documentId).synced();
    expect(b.toString()).toBe('hello');

    // b goes offline and types; nothing is acknowledged until it is back
    b.socket.io.engine.close();
    await until('b disconnected', () => !b.provider.status.connected);
    b.insert(5, ' world');
    expect(b.provider.status.pending).toBe(1);
    await until('b reconnected and flushed', () => b.provider.status.synced && b.provider.status.pending === 0);
    await until('a sees it', () => a.toString() === 'hello world');
    expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe('hello world');
  });

  it('duplicate updates are harmless: acknowledged, applied once', async () => {
    const documentId = await createDocument(t.ds);
    const a = await client('a', adminCookie, documentId).synced();
    const b = await client('b', adminCookie, documentId).synced();
    const source = new Y.Doc();
    source.getText('t').insert(0, 'once');
    const update = Y.encodeStateAsUpdate(source);
    for (let i = 0; i < 3; i++) {
      const ack = await a.request('collab:sync', { documentId, message: updateMessage(update) });
      expect(ack).toEqual({ data: {} });
    }
    await until('b has it', () => b.toString() === 'once');
    const reloaded = await store.loadFromDatabase(documentId);
    expect(reloaded.getText('t').toString()).toBe('once');
    // the first copy is logged; exact repeats change nothing and are not
    expect(await store.logRows(documentId)).toBe(1);
  });

  it('garbage and oversized updates get coded errors and change nothing', async () => {
    const documentId = await createDocument(t.ds);
    const a = await client('a', adminCookie, documentId).synced();
    a.insert(0, 'keep');
    await a.flushed();
    const before = await store.logRows(documentId);

    const garbage = [
      new Uint8Array([2, 5, 1, 2, 3]), // length past the end
      updateMessage(new Uint8Array([1, 200, 1, 7, 7, 7, 7, 7, 7, 7])), // truncated structs
      updateMessage(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 1])),
      new Uint8Array([9, 0]), // no such sync message type
    ];
    for (const message of garbage) {
      expect(codeOf(await a.request('collab:sync', { documentId, message }))).toBe('DOC_UPDATE_INVALID');
    }
    expect(codeOf(await a.request('collab:sync', { documentId, message: 'not binary' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await a.request('collab:sync', { documentId: 'nope', message: new Uint8Array([2, 0]) }))).toBe('VALIDATION_FAILED');
    const big = updateMessage(new Uint8Array(600 * 1024));
    const tooLarge = await a.request('collab:sync', { documentId, message: big });
    expect(tooLarge).toMatchObject({ error: { code: 'DOC_UPDATE_TOO_LARGE', params: { limit: 512 * 1024 } } });
    expect(codeOf(await a.request('collab:awareness', { documentId, update: new Uint8Array([3, 1]) }))).toBe('DOC_UPDATE_INVALID');

    // the connection survived, the document did not change
    a.insert(4, '!');
    await a.flushed();
    expect(await store.logRows(documentId)).toBe(before + 1);
    expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe('keep!');
  });

  it('a document deleted under its editors fails only its own writes; the others in the batch are saved', async () => {
    const doomed = await createDocument(t.ds);
    const kept = await createDocument(t.ds);
    const onDoomed = await client('doomed', adminCookie, doomed).synced();
    const onKept = await client('kept', adminCookie, kept).synced();
    await t.ds.query(`DELETE FROM documents WHERE id = $1`, [doomed]);
    onDoomed.insert(0, 'lost');
    onKept.insert(0, 'saved');
    await onKept.flushed();
    await until('the doomed editor is told', () => onDoomed.provider.status.error?.code === 'NOT_FOUND');
    expect(onDoomed.provider.status.pending).toBe(1);
    expect((await store.loadFromDatabase(kept)).getText('t').toString()).toBe('saved');
  });

  it('answers a sync message for a document that is not open with DOC_NOT_OPEN', async () => {
    const documentId = await createDocument(t.ds);
    const other = await createDocument(t.ds);
    const a = await client('a', adminCookie, documentId).synced();
    expect(codeOf(await a.request('collab:sync', { documentId: other, message: new Uint8Array([2, 2, 0, 0]) }))).toBe('DOC_NOT_OPEN');
  });
});
