import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import { TestClient } from '../../../apps/api/test/support/test-client';
import { LiveClient, type LiveClientOptions, type LiveJoinMode } from '../../../apps/web/src/features/live/session/liveClient';
import { LiveStore } from '../../../apps/web/src/features/live/session/liveStore';
import { adaptSocket, tuneReconnection } from '../../../apps/web/src/features/live/session/socketTransport';
import { freePort, startServer, type ServerHandle } from '../../e2e/support/server';

export { freePort, startServer, type ServerHandle };

/**
 * A PostgreSQL owned by the test (not by an api process), so a suite can stop it and start it again on
 * the same data and port. The first api booted against it migrates it; pass SEED_DEMO=true to that one.
 */
export interface PostgresHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresHandle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-faults-pg-'));
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o777);
  // ~50 MB per cluster: gone when the test process ends (each suite stops its PostgreSQL in afterAll)
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    if (child) return;
    const p = spawn(process.execPath, [path.join(__dirname, 'postgres-process.js'), path.join(dir, 'pg'), String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      p.stdout?.on('data', (d) => {
        out += d;
        if (out.includes('ready')) resolve();
      });
      p.stderr?.on('data', (d) => (out += d));
      p.once('exit', (code) => reject(new Error(`PostgreSQL exited (${code}):\n${out}`)));
    });
    child = p;
  };
  await start();
  return {
    url: `postgres://xieshang:xieshang@127.0.0.1:${port}/xieshang`,
    port,
    start,
    stop: async () => {
      const p = child;
      child = undefined;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      });
    },
  };
}

/** A pg client, plus the same connection shaped like TypeORM's DataSource for the api test fixtures. */
export async function sqlClient(url: string): Promise<{ db: Client; ds: DataSource }> {
  const db = new Client({ connectionString: url });
  // a suite that stops PostgreSQL ends this connection too: that is expected, not a test failure
  db.on('error', () => undefined);
  await db.connect();
  // the fixtures only call ds.query(sql, params) and read rows
  const ds = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as DataSource;
  return { db, ds };
}

/** Log in (demo password) and return the cookie header for sockets. */
export async function cookieFor(baseUrl: string, email: string): Promise<string> {
  return (await new TestClient(baseUrl).login(email)).cookieHeader;
}

/**
 * The web app's own live client (LiveClient + LiveStore + the same jittered reconnection), in Node: what
 * a phone or the host console does after an api restart is exactly what this does — no page reload.
 */
export interface NodeLiveClient {
  socket: Socket;
  store: LiveStore;
  client: LiveClient;
  /** the replica's version (-1 before the first join) */
  readonly version: number;
  close(): void;
}

export function nodeLiveClient(baseUrl: string, cookie: string, meetingId: string, mode: LiveJoinMode, options: LiveClientOptions = {}): NodeLiveClient {
  const socket = io(`${baseUrl}/live`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true });
  tuneReconnection(socket);
  const store = new LiveStore(meetingId);
  const client = new LiveClient(adaptSocket(socket), store, mode, options);
  client.start();
  return {
    socket,
    store,
    client,
    get version() {
      return store.replica.version ?? -1;
    },
    close() {
      client.stop();
      socket.close();
    },
  };
}

export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
