import * as Y from 'yjs';
import { CollabDocStore } from '../src/modules/collab/collab-doc-store';
import { CollabTestClient, createDocument, until } from './support/collab-clients';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/*
 * A client with an empty document opening one no one here has open is answered from the stored bytes (snapshot
 * and rows merged, with their state vector); the server builds its own copy right after the answer went out.
 * The answer must be the document exactly, the server's copy must follow, and nothing the client sends in
 * between may be lost or refused.
 */
describe('collab: opening a cold document from its stored bytes', () => {
  let t: TestApp;
  let store: CollabDocStore;
  let cookie: string;
  const clients: CollabTestClient[] = [];
  const client = (documentId: string) => {
    const c = new CollabTestClient(`c${clients.length}`, t.url, cookie, documentId);
    clients.push(c);
    return c;
  };

  /** A document stored as a snapshot plus `rows` log rows, none of it in the api's memory. */
  async function storedDocument(rows: number): Promise<{ documentId: string; source: Y.Doc }> {
    const documentId = await createDocument(t.ds);
    const source = new Y.Doc();
    const text = source.getText('t');
    text.insert(0, '政协第十四届常委会协商会议纪要：');
    for (let i = 0; i < 40; i++) text.insert(Math.floor(text.length / 2), `第${i}条意见。`);
    text.delete(3, 5);
    await t.ds.query(`INSERT INTO collab_snapshots (document_id, state) VALUES ($1, $2)`, [documentId, Buffer.from(Y.encodeStateAsUpdate(source))]);
    const log: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => log.push(u));
    for (let i = 0; i < rows; i++) text.insert(i % 7, String(i % 10));
    for (const u of log) await t.ds.query(`INSERT INTO collab_updates (document_id, update) VALUES ($1, $2)`, [documentId, Buffer.from(u)]);
    return { documentId, source };
  }

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    store = t.app.get(CollabDocStore);
    store.configure({ compactAfterRows: 10, compactAfterMs: 60_000, unloadGraceMs: 150 });
    cookie = (await t.as('admin@demo.local')).cookieHeader;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => t.close());

  it('answers with the stored state and its state vector before the server copy exists; the copy follows', async () => {
    const { documentId, source } = await storedDocument(6);
    const answer = await store.openFromStorage(documentId, 'socket-1');
    expect(answer).not.toBeNull();
    expect(store.isLoaded(documentId)).toBe(false);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, answer!.update);
    expect(copy.getText('t').toString()).toBe(source.getText('t').toString());
    expect(Y.decodeStateVector(answer!.stateVector)).toEqual(Y.decodeStateVector(Y.encodeStateVector(source)));

    await store.settled(documentId);
    expect(store.isLoaded(documentId)).toBe(true);
    expect(Y.encodeStateAsUpdate(copy)).toEqual(await store.state(documentId));
    // loaded now: the next opener gets the usual answer
    expect(await store.openFromStorage(documentId, 'socket-2')).toBeNull();
    store.release(documentId, 'socket-1', []);
    store.release(documentId, 'socket-2', []);
    await until('unloaded', () => !store.isLoaded(documentId), 5_000);
  });

  it('an opener that leaves before the copy is built does not keep the document in memory', async () => {
    const { documentId } = await storedDocument(2);
    expect(await store.openFromStorage(documentId, 'socket-gone')).not.toBeNull();
    store.release(documentId, 'socket-gone', []);
    await store.settled(documentId);
    await until('unloaded', () => !store.isLoaded(documentId), 5_000);
  });

  it('a log longer than a compaction leaves it to the usual path (which folds it)', async () => {
    const { documentId, source } = await storedDocument(30);
    expect(await store.openFromStorage(documentId, 'socket-long')).toBeNull();
    const a = await client(documentId).synced();
    expect(a.toString()).toBe(source.getText('t').toString());
    store.release(documentId, 'socket-long', []);
  });

  it('real clients: two open at once, type at once, and everything acknowledged is stored and seen by both', async () => {
    const { documentId, source } = await storedDocument(5);
    const [a, b] = await Promise.all([client(documentId).synced(), client(documentId).synced()]);
    expect(a.toString()).toBe(source.getText('t').toString());
    expect(b.toString()).toBe(source.getText('t').toString());
    a.insert(0, '甲');
    b.insert(b.text.length, '乙');
    await Promise.all([a.flushed(), b.flushed()]);
    await until('converged', () => a.toString() === b.toString() && a.toString().startsWith('甲') && a.toString().endsWith('乙'));
    expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe(a.toString());
    expect(a.provider.status).toMatchObject({ synced: true, pending: 0 });
  });
});
