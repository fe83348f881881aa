import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { CLUSTER_LINK_UP, clusterEvents } from './cluster-events';

type RedisClient = ReturnType<typeof createClient>;

/** Pub/sub calls the socket.io adapter fires and forgets; a rejection there must not become an unhandled one. */
const FIRE_AND_FORGET = new Set(['publish', 'sPublish', 'subscribe', 'pSubscribe', 'sSubscribe', 'unsubscribe', 'pUnsubscribe', 'sUnsubscribe']);

/**
 * The adapter ignores the promises of publish/subscribe; with Redis down they reject, and Node
 * ends the process on an unhandled rejection. This view of the client catches them (and logs),
 * and passes everything else through unchanged.
 */
function forgiving(client: RedisClient, onError: (op: string, err: unknown) => void): RedisClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function' || !FIRE_AND_FORGET.has(prop)) return value;
      return (...args: unknown[]) => {
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (out instanceof Promise) return out.catch((e: unknown) => onError(prop, e));
        return out;
      };
    },
  });
}

/** Reconnect forever with a capped, jittered backoff: Redis being away must never stop the api. */
const backoff = (retries: number) => Math.min(5_000, 100 * 2 ** Math.min(retries, 6)) + Math.floor(Math.random() * 250);

export interface RedisAdapterLog {
  warn(message: string): void;
  info(message: string): void;
}

/**
 * socket.io across instances (REDIS_URL): rooms and broadcasts go through Redis pub/sub with
 * @socket.io/redis-adapter, so a host on one instance and members on another share a room.
 * Boot never waits for Redis: the clients connect in the background and keep retrying; until
 * they are up, broadcasts reach this instance's clients only and cross-instance ones are queued.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: RedisClient;
  private readonly sub: RedisClient;
  private readonly adapterConstructor: ReturnType<typeof createAdapter>;
  private lastErrorLog = 0;

  constructor(app: INestApplicationContext, url: string, private readonly log: RedisAdapterLog) {
    super(app);
    this.pub = createClient({ url, socket: { reconnectStrategy: backoff, connectTimeout: 3_000 } });
    this.sub = this.pub.duplicate();
    for (const [name, client] of [['pub', this.pub], ['sub', this.sub]] as const) {
      client.on('error', (e: unknown) => this.logError(`redis ${name}`, e));
      client.on('ready', () => {
        log.info(`Redis ${name} connected (socket.io adapter)`);
        // the subscriptions are restored just after 'ready': only then do other instances hear us
        if (name === 'sub') setTimeout(() => clusterEvents.emit(CLUSTER_LINK_UP), 500).unref();
      });
      // connect() keeps retrying through reconnectStrategy; it only settles on success or close
      client.connect().catch((e: unknown) => this.logError(`redis ${name} connect`, e));
    }
    const onError = (op: string, e: unknown) => this.logError(`redis ${op}`, e);
    this.adapterConstructor = createAdapter(forgiving(this.pub, onError), forgiving(this.sub, onError), { requestsTimeout: 3_000 });
  }

  /** Redis errors repeat on every retry while it is down: log at most one every 10 s. */
  private logError(what: string, e: unknown) {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.log.warn(`${what} failed, retrying: ${e instanceof Error ? e.message || e.name : String(e)}`);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(this.adapterConstructor);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(
      [this.pub, this.sub].map(async (c) => {
        if (!c.isOpen) return;
        // close() drains pending replies; with Redis gone it could wait forever, so cap it
        const closed = c.close().catch(() => undefined);
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 1_000).unref());
        if ((await Promise.race([closed, timeout])) === 'timeout') c.destroy();
      }),
    );
  }
}
