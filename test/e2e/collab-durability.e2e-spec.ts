import { Client } from 'pg';
import { CollabTestClient, createDocument, until } from '../../apps/api/test/support/collab-clients';
import { storedText, Typist } from '../../apps/api/test/support/collab-typing';
import { TestClient } from '../../apps/api/test/support/test-client';
import { freePort, startServer, type ServerHandle } from './support/server';

jest.setTimeout(120_000);

/*
 * Durability: 10 clients type into one document through the real provider; the api is killed with SIGKILL mid-typing.
 * Right after the kill — before anyone can resend anything — PostgreSQL must hold every update the api had
 * acknowledged. The api restarts, the clients reconnect by themselves and resend what was not acknowledged (typed
 * before or during the outage), and everyone converges on a document holding every token. Three cycles.
 *
 * PostgreSQL is the embedded one of a second api process that is never killed (and has no clients), so killing
 * the api under test does not touch the database.
 */

const CLIENTS = 10;
const CYCLES = 3;

describe('collab durability: kill -9 the api while 10 clients type', () => {
  let pgHost: ServerHandle;
  let db: Client;
  let server: ServerHandle | undefined;
  let env: Record<string, string>;
  const typists: Typist[] = [];

  beforeAll(async () => {
    const pgPort = await freePort();
    pgHost = await startServer({ EMBEDDED_PG_PORT: String(pgPort), SEED_DEMO: 'true' });
    const databaseUrl = `postgres://xieshang:xieshang@127.0.0.1:${pgPort}/xieshang`;
    env = { DATABASE_URL: databaseUrl, PORT: String(await freePort()) };
    server = await startServer(env);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    for (const t of typists) {
      t.stop();
      t.c.close();
    }
    await server?.stop();
    await db?.end();
    await pgHost?.stop();
  });

  it('every acknowledged update survives SIGKILL; unacknowledged ones are resent; 3 cycles', async () => {
    const documentId = await createDocument(db);
    const login = await new TestClient(server!.url).login('admin@demo.local');
    for (let i = 0; i < CLIENTS; i++) {
      typists.push(new Typist(new CollabTestClient(`t${i}`, server!.url, login.cookieHeader, documentId)));
    }
    await Promise.all(typists.map((t) => t.c.synced()));

    let checkedAcks = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      typists.forEach((t, i) => t.start(20 + i * 3));
      await new Promise((r) => setTimeout(r, 1_200));

      await server!.stop('SIGKILL');
      const acknowledged = typists.flatMap((t) => t.acknowledged());
      // before anyone could resend: everything acknowledged is in PostgreSQL
      const stored = await storedText(db, documentId);
      const missing = acknowledged.filter((token) => !stored.includes(token));
      expect(missing).toEqual([]);
      checkedAcks += acknowledged.length;

      // typing goes on while the api is down (pending, offline)
      await new Promise((r) => setTimeout(r, 300));
      typists.forEach((t) => t.stop());
      server = await startServer(env);
      await until(
        'everyone reconnected, synced and flushed',
        () => typists.every((t) => t.c.provider.status.synced && t.c.provider.status.pending === 0),
        30_000,
      );
    }

    await until('every client has the same text', () => typists.every((t) => t.c.toString() === typists[0].c.toString()), 10_000);
    const finalText = await storedText(db, documentId);
    expect(finalText).toBe(typists[0].c.toString());
    const all = typists.flatMap((t) => t.tokens);
    expect(all.filter((token) => !finalText.includes(token))).toEqual([]);
    expect(checkedAcks).toBeGreaterThan(CLIENTS * CYCLES);
  });
});
