import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { CollabDocStore } from '../src/modules/collab/collab-doc-store';
import { CollabTestClient, codeOf, createDocument, until, updateMessage } from './support/collab-clients';
import { createTestApp, TestApp } from './support/test-app';

/*
 * Access per role, checked on open and for every sync message: editors write; commenters and readers receive
 * and send awareness but no document updates; a finalized document is read-only for everyone; a stranger or a
 * missing document cannot be opened. A change of access reaches open sockets without a reconnect.
 */
describe('collab permissions per role (real app, real provider)', () => {
  let t: TestApp;
  let store: CollabDocStore;
  const cookies: Record<string, string> = {};
  const clients: CollabTestClient[] = [];
  const client = (email: string, documentId: string) => {
    const c = new CollabTestClient(email, t.url, cookies[email], documentId);
    clients.push(c);
    return c;
  };
  const someUpdate = (s: string) => {
    const d = new Y.Doc();
    d.getText('t').insert(0, s);
    return updateMessage(Y.encodeStateAsUpdate(d));
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    store = t.app.get(CollabDocStore);
    for (const email of ['admin@demo.local', 'member01@demo.local', 'member02@demo.local', 'chair@demo.local', 'member03@demo.local']) {
      cookies[email] = (await t.as(email)).cookieHeader;
    }
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => t.close());

  it('editor writes; commenter and reader receive, send awareness, but cannot write', async () => {
    const documentId = await createDocument(t.ds, { members: { 'member01@demo.local': 'editor', 'member02@demo.local': 'commenter' } });
    const editor = await client('member01@demo.local', documentId).synced();
    const commenter = await client('member02@demo.local', documentId).synced();
    const reader = await client('chair@demo.local', documentId).synced();
    expect(editor.provider.status).toMatchObject({ role: 'editor', readOnly: false });
    expect(commenter.provider.status).toMatchObject({ role: 'commenter', readOnly: true });
    expect(reader.provider.status).toMatchObject({ role: 'reader', readOnly: true });

    editor.insert(0, '正文');
    await editor.flushed();
    await until('both read it', () => commenter.toString() === '正文' && reader.toString() === '正文');

    for (const c of [commenter, reader]) {
      const ack = await c.request('collab:sync', { documentId, message: someUpdate('x') });
      expect(ack).toMatchObject({ error: { code: 'DOC_READ_ONLY', params: { reason: c === reader ? 'reader' : 'commenter' } } });
    }
    // a local edit of a read-only provider is never sent (and stays pending)
    reader.insert(0, 'local only');
    expect(reader.provider.status.pending).toBe(1);

    // awareness from a commenter reaches the editor (under the commenter's own name from the directory)
    const [{ name: commenterName }] = await t.ds.query(`SELECT name FROM users WHERE email = 'member02@demo.local'`);
    commenter.provider.awareness.setLocalStateField('user', { name: '委员二', color: '#1864ab' });
    await until('editor sees the commenter', () =>
      [...editor.provider.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === commenterName),
    );
    expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe('正文');
  });

  it('a finalized document is read-only, even for editors and the office', async () => {
    const documentId = await createDocument(t.ds, { state: 'finalized', members: { 'member01@demo.local': 'editor' } });
    const editor = await client('member01@demo.local', documentId).synced();
    const admin = await client('admin@demo.local', documentId).synced();
    expect(editor.provider.status).toMatchObject({ role: 'editor', readOnly: true });
    for (const c of [editor, admin]) {
      expect(await c.request('collab:sync', { documentId, message: someUpdate('late') })).toMatchObject({
        error: { code: 'DOC_READ_ONLY', params: { reason: 'finalized' } },
      });
    }
    expect(await store.logRows(documentId)).toBe(0);
  });

  it('finalizing while open: accessChanged makes open editors read-only at once', async () => {
    const documentId = await createDocument(t.ds, { members: { 'member01@demo.local': 'editor' } });
    const editor = await client('member01@demo.local', documentId).synced();
    editor.insert(0, 'before');
    await editor.flushed();
    await t.ds.query(`UPDATE documents SET state = 'finalized' WHERE id = $1`, [documentId]);
    store.accessChanged(documentId);
    await until('provider told', () => editor.provider.status.readOnly);
    expect(await editor.request('collab:sync', { documentId, message: someUpdate('after') })).toMatchObject({ error: { code: 'DOC_READ_ONLY' } });

    // and back to draft: the provider may write again and sends what was typed meanwhile
    editor.insert(0, '*');
    await t.ds.query(`UPDATE documents SET state = 'draft' WHERE id = $1`, [documentId]);
    store.accessChanged(documentId);
    await until('writable again and flushed', () => !editor.provider.status.readOnly && editor.provider.status.pending === 0);
    expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe('*before');
  });

  it('a missing document cannot be opened; a stranger cannot open a private draft', async () => {
    const missing = client('admin@demo.local', randomUUID());
    await until('refused', () => missing.provider.status.error !== undefined);
    expect(missing.provider.status.error?.code).toBe('NOT_FOUND');
    expect(missing.provider.status.synced).toBe(false);

    const draft = await createDocument(t.ds, { kind: 'blank', members: { 'member01@demo.local': 'editor' } });
    const stranger = client('member03@demo.local', draft);
    await until('stranger refused', () => stranger.provider.status.error !== undefined);
    expect(stranger.provider.status.error?.code).toBe('NOT_FOUND');
    // and cannot sync it either
    expect(codeOf(await stranger.request('collab:sync', { documentId: draft, message: someUpdate('x') }))).toBe('DOC_NOT_OPEN');
  });
});
