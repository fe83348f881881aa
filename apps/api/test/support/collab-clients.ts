import { io, Socket } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabProvider } from '@xieshang/collab-provider';
import type { Ack } from '@xieshang/contracts';

/*
 * Real socket.io clients of `/collab` for tests and benchmarks, each with its own Y.Doc bound through the real
 * provider. Documents are created straight in SQL (the documents REST module is tested on its own).
 */

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/** TypeORM's DataSource (answers rows) or pg's Client (answers {rows}). */
export interface SqlLike {
  query: Query;
}

export async function rowsOf<T>(db: SqlLike, sql: string, params: unknown[]): Promise<T[]> {
  const r = (await db.query(sql, params)) as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
}

export async function userId(db: SqlLike, email: string): Promise<string> {
  const rows = await rowsOf<{ id: string }>(db, `SELECT id FROM users WHERE email = $1`, [email]);
  if (!rows[0]) throw new Error(`no user ${email}`);
  return rows[0].id;
}

/** A document (report by default), with members given as email → role. */
export async function createDocument(
  db: SqlLike,
  opts: { title?: string; kind?: 'minutes' | 'report' | 'recommendation' | 'blank'; state?: 'draft' | 'in_review' | 'finalized'; members?: Record<string, 'editor' | 'commenter'> } = {},
): Promise<string> {
  const rows = await rowsOf<{ id: string }>(db, `INSERT INTO documents (kind, title, state) VALUES ($1, $2, $3) RETURNING id`, [
    opts.kind ?? 'report',
    opts.title ?? '协商报告',
    opts.state ?? 'draft',
  ]);
  const id = rows[0].id;
  for (const [email, role] of Object.entries(opts.members ?? {})) {
    await db.query(`INSERT INTO document_members (document_id, user_id, role) VALUES ($1, $2, $3)`, [id, await userId(db, email), role]);
  }
  return id;
}

/** A socket on `/collab` with the session cookie; socket.io reconnects it with jittered backoff unless told not to. */
export function connectCollab(baseUrl: string, cookie: string, opts: { reconnection?: boolean; autoConnect?: boolean } = {}): Socket {
  return io(`${baseUrl}/collab`, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    forceNew: true,
    reconnection: opts.reconnection ?? true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 500,
    randomizationFactor: 0.5,
    autoConnect: opts.autoConnect ?? true,
  });
}

export function connected(socket: Socket, timeoutMs = 10_000): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not connect')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** One editor: a socket, a Y.Doc and the provider between them. */
export class CollabTestClient {
  readonly doc = new Y.Doc();
  readonly socket: Socket;
  readonly provider: CollabProvider;

  constructor(
    readonly name: string,
    baseUrl: string,
    cookie: string,
    readonly documentId: string,
    opts: { reconnection?: boolean } = {},
  ) {
    this.socket = connectCollab(baseUrl, cookie, opts);
    this.provider = new CollabProvider({ socket: this.socket, documentId, doc: this.doc, ackTimeoutMs: 5_000 });
  }

  get text(): Y.Text {
    return this.doc.getText('t');
  }

  toString(): string {
    return this.text.toString();
  }

  /** Insert at a position clamped to the text. */
  insert(index: number, s: string): void {
    this.text.insert(Math.min(index, this.text.length), s);
  }

  delete(index: number, length: number): void {
    const at = Math.min(index, this.text.length);
    const n = Math.min(length, this.text.length - at);
    if (n > 0) this.text.delete(at, n);
  }

  async synced(timeoutMs = 10_000): Promise<this> {
    await withTimeout(this.provider.whenSynced(), timeoutMs, `${this.name} synced`);
    return this;
  }

  flushed(timeoutMs = 10_000): Promise<void> {
    return withTimeout(this.provider.flushed(), timeoutMs, `${this.name} flushed (pending ${this.provider.status.pending})`);
  }

  /** Send a raw event and wait for its ack (for malformed payloads the provider never sends). */
  request<T>(event: string, payload: unknown, timeoutMs = 5_000): Promise<Ack<T>> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
  }

  close(): void {
    this.provider.destroy();
    this.socket.close();
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const codeOf = (ack: Ack<unknown>): string | undefined => ('error' in ack ? ack.error.code : undefined);

/** A y-protocols update message around raw update bytes (to send garbage the provider would never send). */
export function updateMessage(update: Uint8Array): Uint8Array {
  const out = new Uint8Array(update.length + 10);
  let n = 0;
  out[n++] = 2; // messageYjsUpdate
  let len = update.length;
  while (len > 0x7f) {
    out[n++] = 0x80 | (len & 0x7f);
    len >>>= 7;
  }
  out[n++] = len;
  out.set(update, n);
  return out.slice(0, n + update.length);
}

/** An awareness update for `clientId` with `state`, built by a separate Awareness (a forged sender). */
export function forgedAwarenessUpdate(clientId: number, state: Record<string, unknown> | null, clock = 100): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const a = new awarenessProtocol.Awareness(doc);
  const meta = a.meta.get(clientId)!;
  a.meta.set(clientId, { ...meta, clock });
  a.setLocalState(state);
  const update = awarenessProtocol.encodeAwarenessUpdate(a, [clientId]);
  a.destroy(); // its renewal timer would keep jest alive
  return update;
}
