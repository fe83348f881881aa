import { CollabTestClient, codeOf, createDocument, forgedAwarenessUpdate, until } from './support/collab-clients';
import { createTestApp, TestApp } from './support/test-app';

/*
 * Carets and "who is here" (awareness) come from clients, so a modified client could show another person's
 * name or move and remove their caret. The server stamps every state with the sender's identity and refuses
 * updates for another person's awareness client ids.
 */

type UserState = { user?: { id?: string; name?: string; color?: string } };
const statesOf = (c: CollabTestClient) => [...c.provider.awareness.getStates().entries()] as Array<[number, UserState]>;

describe('collab awareness: names from the session, carets owned by their person', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const names: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const clients: CollabTestClient[] = [];
  const client = (email: string, documentId: string) => {
    const c = new CollabTestClient(email, t.url, cookies[email], documentId);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    for (const email of ['member01@demo.local', 'member02@demo.local']) {
      cookies[email] = (await t.as(email)).cookieHeader;
      const [row] = await t.ds.query(`SELECT id, name FROM users WHERE email = $1`, [email]);
      names[email] = row.name;
      ids[email] = row.id;
    }
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => t.close());

  it('shows the signed-in name and id whatever the client announces; the colour is the client’s', async () => {
    const documentId = await createDocument(t.ds, { members: { 'member01@demo.local': 'editor', 'member02@demo.local': 'editor' } });
    const a = await client('member01@demo.local', documentId).synced();
    const b = await client('member02@demo.local', documentId).synced();
    b.provider.awareness.setLocalStateField('user', { id: ids['member01@demo.local'], name: '张主席', color: '#c92a2a' });
    await until('a sees b', () => statesOf(a).some(([id]) => id === b.doc.clientID));
    const seen = statesOf(a).find(([id]) => id === b.doc.clientID)![1];
    expect(seen.user).toEqual({ id: ids['member02@demo.local'], name: names['member02@demo.local'], color: '#c92a2a' });
  });

  it('refuses an update for another person’s client id, and their caret stays', async () => {
    const documentId = await createDocument(t.ds, { members: { 'member01@demo.local': 'editor', 'member02@demo.local': 'editor' } });
    const a = await client('member01@demo.local', documentId).synced();
    const b = await client('member02@demo.local', documentId).synced();
    const watcher = await client('member01@demo.local', documentId).synced();
    a.provider.awareness.setLocalStateField('user', { name: 'a', color: '#1864ab' });
    await until('the watcher sees a', () => statesOf(watcher).some(([id, s]) => id === a.doc.clientID && s.user?.name === names['member01@demo.local']));

    for (const state of [{ user: { name: '冒名', color: '#000' } }, null]) {
      const ack = await b.request('collab:awareness', { documentId, update: forgedAwarenessUpdate(a.doc.clientID, state) });
      expect(codeOf(ack)).toBe('FORBIDDEN');
    }
    // b's own caret still goes through afterwards
    b.provider.awareness.setLocalStateField('user', { name: 'b', color: '#2b8a3e' });
    await until('the watcher sees b', () => statesOf(watcher).some(([id]) => id === b.doc.clientID));
    const aState = statesOf(watcher).find(([id]) => id === a.doc.clientID)?.[1];
    expect(aState?.user).toEqual({ name: names['member01@demo.local'], id: ids['member01@demo.local'], color: '#1864ab' });
  });

  it('the same person’s new socket takes over their caret; the old socket leaving does not remove it', async () => {
    const documentId = await createDocument(t.ds, { members: { 'member01@demo.local': 'editor', 'member02@demo.local': 'editor' } });
    const first = await client('member01@demo.local', documentId).synced();
    const watcher = await client('member02@demo.local', documentId).synced();
    first.provider.awareness.setLocalStateField('user', { name: 'x', color: '#1864ab' });
    await until('the watcher sees the caret', () => statesOf(watcher).some(([id]) => id === first.doc.clientID));

    // a second socket of the same person announces the same client id (a reconnect the server has not noticed yet)
    const second = await client('member01@demo.local', documentId).synced();
    const ack = await second.request('collab:awareness', { documentId, update: forgedAwarenessUpdate(first.doc.clientID, { user: { name: 'x', color: '#e67700' } }, 1_000) });
    expect(ack).toEqual({ data: {} });
    await until('the watcher sees the new colour', () => statesOf(watcher).some(([id, s]) => id === first.doc.clientID && s.user?.color === '#e67700'));

    // the old socket goes away: the caret now belongs to the second socket and stays
    first.socket.disconnect();
    await new Promise((r) => setTimeout(r, 300));
    expect(statesOf(watcher).some(([id]) => id === first.doc.clientID)).toBe(true);

    // when the second socket leaves, it goes
    second.close();
    await until('the caret is removed', () => !statesOf(watcher).some(([id]) => id === first.doc.clientID));
  });
});
