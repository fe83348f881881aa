import { bestOffset, clockSample, ClockSync, type ClockTransport } from './clockSync';

describe('clock offset', () => {
  it('keeps the sample with the smallest round trip', () => {
    const samples = [clockSample(1_000, 6_100, 1_400), clockSample(2_000, 7_020, 2_040), clockSample(3_000, 8_300, 3_900)];
    expect(samples.map((s) => s.rttMs)).toEqual([400, 40, 900]);
    expect(bestOffset(samples)).toBe(5_000);
    expect(bestOffset([])).toBeNull();
  });

  it('pings five times per round and reports the best estimate', async () => {
    let local = 10_000;
    const rtts = [300, 80, 20, 150, 60];
    const pings: number[] = [];
    const transport: ClockTransport = {
      connected: true,
      on: () => undefined,
      off: () => undefined,
      request: async (_e, { t0 }) => {
        pings.push(t0);
        const rtt = rtts[pings.length - 1];
        // the server clock is 2 500 ms ahead; its answer is made after an uneven share of the trip
        const serverNow = t0 + 2_500 + rtt * 0.3;
        local += rtt;
        return { data: { t0, serverNow } };
      },
    };
    const seen: number[] = [];
    const sync = new ClockSync(transport, (ms) => seen.push(ms), () => local);
    await sync.round();
    sync.stop();
    expect(pings).toHaveLength(5);
    // the 20 ms trip bounds the error to ±10 ms
    expect(Math.abs(seen[0] - 2_500)).toBeLessThanOrEqual(10);
  });
});
