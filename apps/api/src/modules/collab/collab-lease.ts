import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';

/**
 * Who compacts a document: one instance at a time. Compaction is safe without it (an advisory lock in the
 * transaction, rows deleted by id); the lease only keeps two instances from folding the same rows twice.
 */
export interface CompactionLease {
  /** take or renew the lease for this instance; false = another instance holds it */
  acquire(documentId: string): Promise<boolean>;
  release(documentId: string): Promise<void>;
  close(): Promise<void>;
}

/** One instance: always ours. */
export class LocalLease implements CompactionLease {
  acquire(): Promise<boolean> {
    return Promise.resolve(true);
  }
  release(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Several instances: `SET key me NX PX ttl`, renewed by its holder, released on unload. With Redis down every
 * instance may compact (the logs must not grow without bound): the advisory lock still serializes the folds.
 */
export class RedisLease implements CompactionLease {
  private readonly log = new Logger('CollabLease');
  private readonly client: ReturnType<typeof createClient>;
  private readonly me = randomUUID();
  private lastError = 0;

  constructor(url: string, private readonly ttlMs: number) {
    this.client = createClient({ url, socket: { reconnectStrategy: (n) => Math.min(5_000, 100 * 2 ** Math.min(n, 6)), connectTimeout: 3_000 } });
    this.client.on('error', (e: unknown) => this.warn(e));
    this.client.connect().catch((e: unknown) => this.warn(e));
  }

  private key(documentId: string) {
    return `xieshang:collab:lease:${documentId}`;
  }

  async acquire(documentId: string): Promise<boolean> {
    if (!this.client.isReady) return true;
    try {
      const key = this.key(documentId);
      if ((await this.client.set(key, this.me, { NX: true, PX: this.ttlMs })) === 'OK') return true;
      return Number(await this.client.eval(RENEW, { keys: [key], arguments: [this.me, String(this.ttlMs)] })) === 1;
    } catch (e) {
      this.warn(e);
      return true;
    }
  }

  async release(documentId: string): Promise<void> {
    if (!this.client.isReady) return;
    await this.client.eval(RELEASE, { keys: [this.key(documentId)], arguments: [this.me] }).catch((e: unknown) => this.warn(e));
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
  }

  private warn(e: unknown) {
    if (Date.now() - this.lastError < 10_000) return;
    this.lastError = Date.now();
    this.log.warn(`compaction lease: ${e instanceof Error ? e.message : String(e)}`);
  }
}
