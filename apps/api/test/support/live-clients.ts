import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import type { Ack, LiveCatchUp, LiveCommand, LiveEvent, LiveJoinResult, LivePresenceUpdate, LiveState } from '@xieshang/contracts';
import { applyEvent } from '@xieshang/domain';

/*
 * A real socket.io client of `/live` for tests: keeps a replica of the meeting's state with the shared
 * reducer (like the web app), buffers events that arrive early, and records everything it received.
 */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommandInput = DistributiveOmit<LiveCommand, 'clientCommandId'> & { clientCommandId?: string };

export function connectLive(baseUrl: string, cookie: string, opts: { reconnection?: boolean } = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(`${baseUrl}/live`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: opts.reconnection ?? false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => {
      s.close();
      reject(e);
    });
  });
}

export class LiveTestClient {
  state: LiveState | null = null;
  readonly received: LiveEvent[] = [];
  readonly presence: LivePresenceUpdate[] = [];
  resets = 0;
  /** events that did not apply (a diverged replica): must stay empty */
  readonly divergences: string[] = [];
  private readonly early = new Map<number, LiveEvent>();
  socket!: Socket;

  constructor(
    readonly name: string,
    private readonly cookie: string,
  ) {}

  async connect(baseUrl: string): Promise<this> {
    this.socket = await connectLive(baseUrl, this.cookie);
    this.socket.on('live:event', (p: { meetingId: string; event: LiveEvent }) => this.onEvent(p.event));
    this.socket.on('live:presence', (p: LivePresenceUpdate) => this.presence.push(p));
    this.socket.on('live:reset', () => this.resets++);
    return this;
  }

  get version(): number {
    return this.state?.version ?? -1;
  }

  close(): void {
    this.socket?.close();
  }

  request<T>(event: string, payload: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
  }

  async join(meetingId: string, opts: { mode?: 'room' | 'remote' | 'viewer'; sinceVersion?: number } = {}): Promise<Ack<LiveJoinResult>> {
    const ack = await this.request<LiveJoinResult>('live:join', { meetingId, ...opts });
    if ('data' in ack) this.catchUp(ack.data.catchUp);
    return ack;
  }

  async sync(meetingId: string, sinceVersion = Math.max(0, this.version)): Promise<Ack<LiveCatchUp>> {
    const ack = await this.request<LiveCatchUp>('live:sync', { meetingId, sinceVersion });
    if ('data' in ack) this.catchUp(ack.data);
    return ack;
  }

  send(meetingId: string, input: CommandInput): Promise<Ack<{ version: number }>> {
    const command = { ...input, clientCommandId: input.clientCommandId ?? randomUUID() };
    return this.request('live:command', { meetingId, command });
  }

  /** Send and expect acceptance; returns the version. */
  async ok(meetingId: string, input: CommandInput): Promise<number> {
    const ack = await this.send(meetingId, input);
    if (!('data' in ack)) throw new Error(`${this.name}: ${input.type} refused: ${JSON.stringify(ack.error)}`);
    return ack.data.version;
  }

  catchUp(c: LiveCatchUp): void {
    if (c.kind === 'snapshot') {
      this.state = c.snapshot.state;
      for (const v of [...this.early.keys()]) if (v <= this.version) this.early.delete(v);
    } else {
      for (const e of c.events) this.onEvent(e, false);
    }
    this.drain();
  }

  private onEvent(e: LiveEvent, record = true): void {
    if (record) this.received.push(e);
    if (this.state && e.version <= this.state.version) return;
    this.early.set(e.version, e);
    this.drain();
  }

  private drain(): void {
    while (this.state && this.early.has(this.state.version + 1)) {
      const e = this.early.get(this.state.version + 1)!;
      this.early.delete(e.version);
      const r = applyEvent(this.state, e);
      if (r.error) {
        this.divergences.push(`v${e.version} ${e.command.type}: ${r.error.code}`);
        return;
      }
      this.state = r.state;
    }
  }

  async waitFor(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`${this.name}: timed out waiting for ${what} (at version ${this.version})`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  waitForVersion(v: number, timeoutMs = 10_000): Promise<void> {
    return this.waitFor(`version ${v}`, () => this.version >= v, timeoutMs);
  }
}

/** `n` distinct fresh uuids (client command ids). */
export const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

/** The data of an ack, failing the test with the error when there is one. */
export function expectOk<T>(ack: Ack<T>): T {
  if ('error' in ack) throw new Error(`expected data, got ${JSON.stringify(ack.error)}`);
  return ack.data;
}

export const codeOf = (ack: Ack<unknown>): string | undefined => ('error' in ack ? ack.error.code : undefined);
