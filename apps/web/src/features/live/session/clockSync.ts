/**
 * Server clock estimation (NTP-style): a ping carries the local send time t0, the server answers with
 * its clock, and the offset assumes the answer was made halfway through the round trip. The sample
 * with the smallest round trip has the smallest error bound (±rtt/2), so that is the one we keep.
 */
export interface ClockSample {
  offsetMs: number;
  rttMs: number;
}

export function clockSample(t0: number, serverNow: number, t1: number): ClockSample {
  return { offsetMs: serverNow - (t0 + t1) / 2, rttMs: Math.max(0, t1 - t0) };
}

export function bestOffset(samples: readonly ClockSample[]): number | null {
  if (samples.length === 0) return null;
  return samples.reduce((best, s) => (s.rttMs < best.rttMs ? s : best)).offsetMs;
}

export interface ClockTransport {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): void;
  off(event: 'connect', listener: () => void): void;
  request(event: 'clock:ping', payload: { t0: number }, timeoutMs: number): Promise<unknown>;
}

const PINGS_PER_ROUND = 5;
const ROUND_EVERY_MS = 60_000;
const PING_TIMEOUT_MS = 3_000;

/** Pings `/system` `clock:ping` five times on connect and every minute, reporting the best offset. */
export class ClockSync {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  private stopped = false;

  constructor(
    private readonly transport: ClockTransport,
    private readonly onOffset: (offsetMs: number) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  start(): void {
    this.transport.on('connect', this.round);
    if (this.transport.connected) void this.round();
    this.timer = setInterval(() => void this.round(), ROUND_EVERY_MS);
  }

  stop(): void {
    this.stopped = true;
    this.transport.off('connect', this.round);
    clearInterval(this.timer);
  }

  round = async (): Promise<void> => {
    if (this.running || this.stopped || !this.transport.connected) return;
    this.running = true;
    const samples: ClockSample[] = [];
    for (let i = 0; i < PINGS_PER_ROUND && !this.stopped; i++) {
      const t0 = this.now();
      try {
        const ack = (await this.transport.request('clock:ping', { t0 }, PING_TIMEOUT_MS)) as { data?: { serverNow?: unknown } };
        const serverNow = ack?.data?.serverNow;
        if (typeof serverNow === 'number') samples.push(clockSample(t0, serverNow, this.now()));
      } catch {
        // a lost ping just gives one sample fewer
      }
    }
    this.running = false;
    const offset = bestOffset(samples);
    if (offset !== null && !this.stopped) this.onOffset(Math.round(offset));
  };
}
