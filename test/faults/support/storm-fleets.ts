import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Client } from 'pg';
import { io } from 'socket.io-client';
import { tuneReconnection } from '../../../apps/web/src/features/live/session/socketTransport';

/*
 * The parent side of the reconnect storm: seeding members (bench/live/seed.js, the live bench's own), the
 * web app's reconnection settings, and the fleet child processes (storm-fleet.js) over IPC.
 */

interface BenchSeed {
  seedMembers(db: Client, n: number): Promise<{ ids: string[]; cookies: string[] }>;
  seedMeeting(db: Client, memberIds: string[]): Promise<string>;
}
/** The live bench's seeding: N members with a login session each (straight into SQL), one meeting inviting them. */
export const benchSeed = createRequire(__filename)('../../../bench/live/seed.js') as BenchSeed;

export interface Reconnection {
  delay: number;
  delayMax: number;
  randomizationFactor: number;
}

/** The browser's reconnection settings, read back from the app's own `tuneReconnection` (no copied numbers). */
export function webAppReconnection(): Reconnection {
  const socket = io('http://127.0.0.1:9/live', { autoConnect: false, forceNew: true });
  tuneReconnection(socket);
  const m = socket.io;
  const r = { delay: m.reconnectionDelay(), delayMax: m.reconnectionDelayMax(), randomizationFactor: m.randomizationFactor() };
  socket.close();
  return r;
}

export interface FleetStatus {
  clients: number;
  /** clients connected and joined again since mark() */
  rejoined: number;
  /** clients whose applied version equals the asked one, with nothing held back */
  atVersion: number;
  /** clients whose last join was refused */
  errors: number;
}

export interface ClientSummary {
  connected: boolean;
  version: number;
  /** version of the last snapshot applied; trail = clientCommandIds applied on top of it, in order */
  base: number;
  trail: string[];
  held: number;
  error: string | null;
  joins: number;
  gaps: number;
  syncs: number;
  snapshots: number;
  /** events that came in a join/sync answer rather than as a broadcast */
  caughtUp: number;
  disconnects: number;
  /** failed connection attempts; joins that got no answer in time (asked again) */
  connectErrors: number;
  joinTimeouts: number;
  /** performance-clock epoch ms of the last successful join since mark() (0: none) */
  rejoinedAt: number;
}

type Message = { type: string } & Record<string, unknown>;

export class StormFleets {
  private readonly procs: ChildProcess[];

  constructor(count: number) {
    this.procs = Array.from({ length: count }, () => fork(path.join(__dirname, 'storm-fleet.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  ready(): Promise<unknown> {
    return Promise.all(this.procs.map((p) => next(p, 'ready')));
  }

  /** Open and join the clients, split evenly between the fleets. */
  async open(opts: { url: string; meetingId: string; reconnection: Reconnection; concurrency: number }, cookies: string[]): Promise<{ joined: number; errors: number }> {
    const share = Math.ceil(cookies.length / this.procs.length);
    const r = await this.ask('opened', (p, i) => ({ type: 'open', ...opts, cookies: cookies.slice(i * share, (i + 1) * share) }));
    return { joined: sum(r, 'joined'), errors: sum(r, 'errors') };
  }

  /** From now on a successful join counts as a rejoin. */
  async mark(): Promise<void> {
    await this.ask('marked', () => ({ type: 'mark' }));
  }

  async status(version: number): Promise<FleetStatus> {
    const r = await this.ask('status', () => ({ type: 'status', version }));
    return {
      clients: sum(r, 'clients'),
      rejoined: sum(r, 'rejoined'),
      atVersion: sum(r, 'atVersion'),
      errors: sum(r, 'errors'),
    };
  }

  async report(): Promise<ClientSummary[]> {
    const r = await this.ask('report', () => ({ type: 'report' }));
    return r.flatMap((m) => m.clients as ClientSummary[]);
  }

  /** Close every client and end the fleet processes (SIGKILL what does not go by itself). */
  async exit(): Promise<void> {
    await Promise.all(
      this.procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve();
            const timer = setTimeout(() => p.kill('SIGKILL'), 5_000);
            p.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            if (p.connected) p.send({ type: 'exit' });
            else p.kill('SIGKILL');
          }),
      ),
    );
  }

  private ask(reply: string, msg: (p: ChildProcess, i: number) => Message): Promise<Message[]> {
    const answers = this.procs.map((p) => next(p, reply));
    this.procs.forEach((p, i) => p.send(msg(p, i)));
    return Promise.all(answers);
  }
}

function next(p: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Message) => {
      if (m.type !== type) return;
      p.off('message', onMessage);
      p.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`storm fleet ${p.pid} exited (${code}) before answering ${type}`));
    p.on('message', onMessage);
    p.once('exit', onExit);
  });
}

const sum = (r: Message[], key: string) => r.reduce((n, m) => n + Number(m[key]), 0);
