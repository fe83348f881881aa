import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, TestApp } from './support/test-app';

/*
 * A socket that (re)connects while PostgreSQL is away cannot be authenticated. It must not be refused for good
 * (socket.io clients never retry a refused CONNECT: a phone would stay offline until reloaded): the api drops the
 * transport, the client's backoff retries, and it connects by itself once the database is back.
 */

describe('socket connections while the database is down', () => {
  let t: TestApp;
  let admin: Client;
  let dbName: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    dbName = new URL(t.databaseUrl).pathname.slice(1);
    admin = new Client({ connectionString: process.env.XS_TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await t.close();
  });

  it('keeps retrying during the outage and connects by itself when PostgreSQL is back', async () => {
    const cookie = (await t.as('member01@demo.local')).cookieHeader;
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);

    const s = io(`${t.url}/system`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 300 });
    sockets.push(s);
    const refusals: string[] = [];
    let attempts = 0;
    s.on('connect_error', (e) => refusals.push(e.message));
    s.io.on('reconnect_attempt', () => attempts++);

    await new Promise((r) => setTimeout(r, 3_000));
    expect(s.connected).toBe(false);
    // not refused for good: no CONNECT error, the client keeps trying
    expect(refusals).toEqual([]);
    expect(attempts).toBeGreaterThanOrEqual(2);

    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('did not connect after the database came back')), 10_000);
      if (s.connected) return resolve();
      s.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const who = await s.timeout(5_000).emitWithAck('session:whoami', {});
    expect(who).toEqual({ data: expect.objectContaining({ email: 'member01@demo.local' }) });
  });

  it('still refuses a connection without a session with a coded error (no retry loop)', async () => {
    const s = io(`${t.url}/system`, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(s);
    const err = await new Promise<Error & { data?: { code: string } }>((resolve) => s.once('connect_error', resolve));
    expect(err.data?.code).toBe('UNAUTHENTICATED');
  });
});
