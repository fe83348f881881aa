import type { Notification } from '@xieshang/contracts';

type Listener = (...args: unknown[]) => void;

/**
 * Stands in for the `/system` socket.io connection in web unit tests (the API's integration
 * tests use real sockets): the test plays the server by firing events.
 */
export class FakeSystemSocket {
  private readonly listeners = new Map<string, Set<Listener>>();
  connected = false;
  disconnected = false;

  constructor(readonly namespace = '/system') {}

  on(event: string, listener: Listener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  disconnect(): this {
    this.disconnected = true;
    this.connected = false;
    return this;
  }

  /** the server side: connection (or reconnection) established */
  serverConnect(): void {
    this.connected = true;
    this.fire('connect');
  }

  serverPush(n: Notification): void {
    this.fire('notification', n);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) l(...args);
  }
}

let seq = 0;

export function notification(over: Partial<Notification> = {}): Notification {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    kind: 'invited',
    meetingId: '5b0c6a52-8a3f-4d7e-9a41-2f1c0d9e8b7a',
    params: { title: '双月协商座谈会', startsAt: '2026-12-01T06:30:00.000Z', venue: '政协二楼会议室' },
    link: '/meetings/5b0c6a52-8a3f-4d7e-9a41-2f1c0d9e8b7a',
    readAt: null,
    createdAt: new Date().toISOString(),
    ...over,
  };
}
