// the module object itself (a namespace import would be a copy whose spies sonic-boom never sees)
import fs from 'node:fs';
import { CSRF_HEADER } from '@xieshang/contracts';
import { writeHostileSection } from './support/hostile-report';
import { createTestApp, TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/*
 * Session security beyond auth.int-spec.ts (httpOnly + SameSite, CSRF on one route, per-email lockout,
 * secure headers) and topics-public-call.int-spec.ts (the public form's per-IP limit, honeypot):
 * the Secure flag behind a TLS proxy, CSRF tokens bound to their session, per-IP lockout that a forged
 * X-Forwarded-For cannot dodge, no session fixation, and no password in any log line.
 * (The authorization matrix checks that EVERY state-changing route wants the CSRF token; the REST fuzz
 * sends every upload route oversized files and content that is not what its name says.)
 */

const SECRET = 'H7-Very-Secret-Passw0rd!';
const NEW_SECRET = 'H7-Another-Secret-Passw0rd?';

/**
 * Every log line pino writes. Pino writes to process.stdout when something (here Jest) has wrapped
 * process.stdout.write, and to fd 1 through sonic-boom otherwise: both are captured.
 */
function captureStdoutLogs(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const text = (data: unknown) => (typeof data === 'string' ? data : Buffer.isBuffer(data) || data instanceof Uint8Array ? Buffer.from(data).toString('utf8') : String(data));
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(((data: unknown, ...rest: unknown[]) => {
    lines.push(text(data));
    const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
    if (cb) process.nextTick(cb);
    return true;
  }) as typeof process.stdout.write);
  const realWrite = fs.write;
  const write = jest.spyOn(fs, 'write').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd !== 1) return (realWrite as (...a: unknown[]) => void)(fd, data, ...rest);
    lines.push(text(data));
    process.nextTick(rest[rest.length - 1] as (err: null, n: number) => void, null, Buffer.byteLength(text(data)));
  }) as unknown as typeof fs.write);
  return {
    lines,
    restore: () => {
      stdout.mockRestore();
      write.mockRestore();
    },
  };
}

/** Checks that passed, by name (a test that failed never reaches its `pass`). */
const passed: Record<string, number> = {};
const pass = (name: string) => (passed[name] = (passed[name] ?? 0) + 1);

const cookiesOf = (res: { headers: Headers }) => res.headers.getSetCookie();
const login = (c: TestClient, email: string, password: string, headers: Record<string, string> = {}) => c.request('POST', '/api/auth/login', { body: { email, password }, headers });

describe('session security behind a TLS proxy (TRUST_PROXY=true)', () => {
  let t: TestApp;
  const logs = captureStdoutLogs();

  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '2', LOG_LEVEL: 'trace' } });
  }, 60_000);
  afterAll(async () => {
    logs.restore();
    await t?.close();
  });

  it('marks both cookies Secure when the proxy says https, keeps the session cookie httpOnly and SameSite', async () => {
    const tls = await login(t.client(), 'member06@demo.local', 'xieshang-demo', { 'x-forwarded-proto': 'https' });
    expect(tls.status).toBe(200);
    const [session, csrf] = ['xs_session', 'xs_csrf'].map((name) => cookiesOf(tls).find((c) => c.startsWith(`${name}=`))!);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(csrf).toMatch(/;\s*Secure/i);
    // the web app reads the CSRF cookie to echo it: not httpOnly
    expect(csrf).not.toMatch(/HttpOnly/i);
    // plain http (development without TLS): no Secure flag, or the browser would drop the cookie
    const plain = await login(t.client(), 'member06@demo.local', 'xieshang-demo');
    expect(cookiesOf(plain).join('\n')).not.toMatch(/Secure/i);
    pass('marks both cookies Secure when the proxy says https, keeps the session cookie httpOnly and SameSite');
  });

  it('locks out one client address after many failures, not the clients behind the same proxy', async () => {
    const attacker = { 'x-forwarded-for': '203.0.113.7' };
    // LOGIN_MAX_FAILURES × 10 failures from one address, each on a different account (under the per-email limit)
    for (let i = 0; i < 20; i++) expect((await login(t.client(), `nobody${i}@demo.local`, 'wrong-password', attacker)).status).toBe(401);
    const locked = await login(t.client(), 'member07@demo.local', 'xieshang-demo', attacker);
    expect([locked.status, locked.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(t.client(), 'member07@demo.local', 'xieshang-demo', { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
    pass('locks out one client address after many failures, not the clients behind the same proxy');
  });

  it('never writes a password to the log, whatever path the request takes', async () => {
    const c = t.client();
    await login(c, 'member09@demo.local', SECRET); // wrong password
    await c.request('POST', '/api/auth/login', { raw: `{"email":"member09@demo.local","password":"${SECRET}"`, headers: { 'content-type': 'application/json' } }); // malformed JSON
    await c.request('POST', '/api/auth/login', { body: { email: 'member09@demo.local', password: SECRET, extra: SECRET } }); // refused by the schema
    await login(c, 'member09@demo.local', 'xieshang-demo');
    await c.post('/api/auth/me/password', { currentPassword: SECRET, newPassword: NEW_SECRET }); // wrong current password
    expect((await c.post('/api/auth/me/password', { currentPassword: 'xieshang-demo', newPassword: NEW_SECRET })).status).toBe(200);
    await login(t.client(), 'member09@demo.local', NEW_SECRET);
    const admin = await t.as('admin@demo.local');
    await admin.post('/api/members', { email: 'h7-new@demo.local', name: '新委员', roles: ['member'], password: SECRET });
    await new Promise((r) => setTimeout(r, 200));
    const all = logs.lines.join('');
    // the capture works: the requests above were logged
    expect(all).toContain('/api/auth/login');
    expect(all).toContain('/api/auth/me/password');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(NEW_SECRET);
    expect(all).not.toContain('xieshang-demo');
    // nor the session token or the CSRF token
    expect(all).not.toContain(c.cookies.get('xs_session')!);
    pass('never writes a password to the log, whatever path the request takes');
  });
});

describe('session security without a trusted proxy (TRUST_PROXY=false)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { LOGIN_MAX_FAILURES: '2' } });
  }, 60_000);
  afterAll(() => t?.close());

  it('does not believe a forged x-forwarded-proto: no Secure cookie on plain http', async () => {
    const res = await login(t.client(), 'member06@demo.local', 'xieshang-demo', { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(cookiesOf(res).join('\n')).not.toMatch(/Secure/i);
    pass('does not believe a forged x-forwarded-proto: no Secure cookie on plain http');
  });

  it('binds the CSRF token to its session: another session’s token, or a cookie without the header, is refused', async () => {
    const a = await t.as('member10@demo.local');
    const b = await t.as('member11@demo.local');
    const foreign = await a.request('PATCH', '/api/auth/me/preferences', { body: { locale: 'en' }, csrf: false, headers: { [CSRF_HEADER]: b.cookies.get('xs_csrf')! } });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'CSRF_FAILED']);
    const cookieOnly = await a.request('PATCH', '/api/auth/me/preferences', { body: { locale: 'en' }, csrf: false });
    expect([cookieOnly.status, cookieOnly.body.error.code]).toEqual([403, 'CSRF_FAILED']);
    const [row] = await t.ds.query(`SELECT locale FROM users WHERE email = 'member10@demo.local'`);
    expect(row.locale).not.toBe('en');
    pass('binds the CSRF token to its session: another session’s token, or a cookie without the header, is refused');
  });

  it('gives a new session on login whatever session cookie the browser sent (no fixation)', async () => {
    const c = t.client();
    c.cookies.set('xs_session', 'attacker-chosen-session-token-000000000000');
    await c.login('member12@demo.local');
    expect(c.cookies.get('xs_session')).not.toBe('attacker-chosen-session-token-000000000000');
    const stolen = t.client();
    stolen.cookies.set('xs_session', 'attacker-chosen-session-token-000000000000');
    expect((await stolen.get('/api/auth/me')).status).toBe(401);
    pass('gives a new session on login whatever session cookie the browser sent (no fixation)');
  });

  it('ignores a forged x-forwarded-for: rotating it does not dodge the per-address lockout', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await login(t.client(), `ghost${i}@demo.local`, 'wrong-password', { 'x-forwarded-for': `198.51.100.${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await login(t.client(), 'member13@demo.local', 'xieshang-demo', { 'x-forwarded-for': '198.51.100.250' });
    expect([locked.status, locked.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    pass('ignores a forged x-forwarded-for: rotating it does not dodge the per-address lockout');
  });
});

afterAll(() => writeHostileSection('session-security', { cases: passed, lost: [], failures: [] }));
