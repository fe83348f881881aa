import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp, RunningApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { TestClient } from './test-client';

export interface TestApp extends RunningApp {
  url: string;
  ds: DataSource;
  client(): TestClient;
  as(email: string, password?: string): Promise<TestClient>;
}

/** A fresh database in the run's PostgreSQL cluster. */
export async function createTestDatabase(): Promise<string> {
  const base = process.env.XS_TEST_DATABASE_URL;
  if (!base) throw new Error('XS_TEST_DATABASE_URL is not set: run through jest (global setup starts PostgreSQL)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Boot the real AppModule on a fresh database, listening on a free port.
 * `demo: true` seeds the demo committee (the README's logins).
 */
export async function createTestApp(opts: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: await createTestDatabase(),
    LOG_LEVEL: 'silent',
    SEED_DEMO: opts.demo ? 'true' : 'false',
    WEB_DIST: '/nonexistent',
    ...opts.env,
  });
  const running = await createApp(config, { log: () => undefined });
  await running.app.listen(0, '127.0.0.1');
  const address = running.app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    ...running,
    url,
    ds: running.app.get(DataSource),
    client: () => new TestClient(url),
    as: (email, password) => new TestClient(url).login(email, password),
  };
}
