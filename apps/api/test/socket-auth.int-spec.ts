import { io, Socket } from 'socket.io-client';
import { createTestApp, TestApp } from './support/test-app';

function connect(t: TestApp, cookie?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(`${t.url}/system`, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
    s.on('connect', () => resolve(s));
    s.on('connect_error', (e) => {
      s.close();
      reject(e);
    });
  });
}

describe('socket.io authentication (real app, real clients)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('refuses a connection without a session, with a coded error', async () => {
    const err = (await connect(t).catch((e) => e)) as Error & { data?: { code: string } };
    expect(err.message).toBe('UNAUTHENTICATED');
    expect(err.data?.code).toBe('UNAUTHENTICATED');
  });

  it('authenticates with the REST session cookie and acknowledges commands', async () => {
    const c = await t.as('chair@demo.local');
    const s = await connect(t, c.cookieHeader);
    try {
      const who = await s.emitWithAck('session:whoami', {});
      expect(who).toEqual({ data: expect.objectContaining({ email: 'chair@demo.local', roles: ['chair', 'member'] }) });
      const t0 = Date.now();
      const ping = await s.emitWithAck('clock:ping', { t0 });
      expect(ping.data.t0).toBe(t0);
      expect(Math.abs(ping.data.serverNow - Date.now())).toBeLessThan(1000);
      const bad = await s.emitWithAck('clock:ping', { t0: 'yesterday', extra: true });
      expect(bad.error.code).toBe('VALIDATION_FAILED');
    } finally {
      s.close();
    }
  });

  it('refuses the cookie of a session that logged out', async () => {
    const c = await t.as('member10@demo.local');
    const cookie = c.cookieHeader;
    await c.post('/api/auth/logout');
    await expect(connect(t, cookie)).rejects.toThrow('UNAUTHENTICATED');
  });
});
