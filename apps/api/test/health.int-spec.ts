import { Client } from 'pg';
import { createTestApp, TestApp } from './support/test-app';

describe('health when the database goes away', () => {
  let t: TestApp;
  let admin: Client;
  let dbName: string;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    dbName = new URL(t.databaseUrl).pathname.slice(1);
    admin = new Client({ connectionString: process.env.XS_TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await t.close();
  });

  it('reports 503 db down, answers requests with DB_UNAVAILABLE, and recovers by itself', async () => {
    const c = await t.as('member01@demo.local');
    expect((await c.get('/api/health')).status).toBe(200);
    const requestId = (await c.get('/api/health')).headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);

    const down = await c.get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'degraded', db: 'down' });
    const refused = await c.get('/api/members');
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('DB_UNAVAILABLE');

    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
    expect((await c.get('/api/health')).status).toBe(200);
    expect((await c.get('/api/members')).status).toBe(200);
  });
});
