import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { CollabDocStore } from '../src/modules/collab/collab-doc-store';
import { CollabTestClient, createDocument, until } from './support/collab-clients';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/*
 * Compaction folds snapshot + log into a new snapshot (content identical, log shorter); an idle document is
 * unloaded after the grace period and loads again from snapshot + remaining rows; the server API of seam 2
 * (state, applyServerChange) is durable like a client's update.
 */
describe('collab compaction and unloading (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let store: CollabDocStore;
  let cookie: string;
  const clients: CollabTestClient[] = [];
  const client = (documentId: string) => {
    const c = new CollabTestClient(`c${clients.length}`, t.url, cookie, documentId);
    clients.push(c);
    return c;
  };
  const snapshotOf = async (documentId: string) =>
    ((await t.ds.query(`SELECT folded_rows FROM collab_snapshots WHERE document_id = $1`, [documentId])) as Array<{ folded_rows: string }>)[0];

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

  it('past N rows the log is folded into a snapshot: same content, shorter log', async () => {
    const documentId = await createDocument(t.ds);
    const a = await client(documentId).synced();
    for (let i = 0; i < 25; i++) {
      a.insert(a.text.length, `${i},`);
      if (i % 3 === 0) a.delete(0, 1);
      await a.flushed();
    }
    await until('compacted', async () => (await store.logRows(documentId)) < 10 && (await snapshotOf(documentId)) !== undefined);
    expect(Number((await snapshotOf(documentId)).folded_rows)).toBeGreaterThanOrEqual(10);
    expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe(a.toString());
  });

  it('an idle document is unloaded after the grace period and reloads identical', async () => {
    const documentId = await createDocument(t.ds);
    const a = await client(documentId).synced();
    a.insert(0, '会议纪要');
    await a.flushed();
    const text = a.toString();
    a.close();
    await until('unloaded', () => !store.isLoaded(documentId), 5_000);
    // unloading folded the log
    expect(await store.logRows(documentId)).toBe(0);
    const b = await client(documentId).synced();
    expect(b.toString()).toBe(text);
    expect(store.isLoaded(documentId)).toBe(true);
  });

  it('a long log loads correctly and is folded on load', async () => {
    const documentId = await createDocument(t.ds);
    const source = new Y.Doc();
    const rows: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => rows.push(u));
    for (let i = 0; i < 2_000; i++) source.getText('t').insert(source.getText('t').length, String(i % 10));
    const params = rows.flatMap((u) => [documentId, u]);
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const values = chunk.map((_, i) => `($${2 * i + 1}::uuid, $${2 * i + 2}::bytea)`).join(', ');
      await t.ds.query(`INSERT INTO collab_updates (document_id, update) VALUES ${values}`, params.slice(2 * start, 2 * (start + chunk.length)));
    }
    const a = await client(documentId).synced();
    expect(a.toString()).toBe(source.getText('t').toString());
    await until('folded on load', async () => (await store.logRows(documentId)) === 0);
    expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe(source.getText('t').toString());
  });

  it('applyServerChange is durable and reaches open editors; state() returns the whole document', async () => {
    const documentId = await createDocument(t.ds);
    // with nobody connected: loads, changes, logs, unloads later
    await store.applyServerChange(documentId, (doc) => doc.getText('t').insert(0, '模板'), null);
    expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe('模板');
    const a = await client(documentId).synced();
    expect(a.toString()).toBe('模板');
    await store.applyServerChange(documentId, (doc) => doc.getText('t').insert(2, '：发言'), null);
    await until('editor has it', () => a.toString() === '模板：发言');
    const state = await store.state(documentId);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    expect(copy.getText('t').toString()).toBe('模板：发言');

    await expect(store.applyServerChange(randomUUID(), (doc) => doc.getText('t').insert(0, 'x'), null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.state(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a reconnect storm over many documents loads them all (loads are capped, not refused)', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => createDocument(t.ds)));
    const opened = ids.map((id) => client(id));
    await Promise.all(opened.map((c) => c.synced(20_000)));
    expect(opened.every((c) => c.provider.status.role === 'editor')).toBe(true);
  });
});
