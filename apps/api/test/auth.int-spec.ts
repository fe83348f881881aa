import { createTestApp, TestApp } from './support/test-app';

describe('auth (real app, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { LOGIN_MAX_FAILURES: '3' } });
  });
  afterAll(() => t.close());

  it('answers health with the database up', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('logs in with a demo login, sets httpOnly SameSite cookies, and /me returns the user', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { email: 'ADMIN@demo.local ', password: 'xieshang-demo' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'admin@demo.local', roles: ['admin'] });
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/xs_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('admin@demo.local');
    // No password hash ever leaves the server.
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|password/i);
  });

  it('answers 401 with a coded error without a session, and after logout', async () => {
    const anon = await t.client().get('/api/auth/me');
    expect(anon.status).toBe(401);
    expect(anon.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(anon.body.error.requestId).toEqual(expect.any(String));

    const c = await t.as('member01@demo.local');
    const token = c.cookies.get('xs_session');
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const replay = t.client();
    replay.cookies.set('xs_session', token!);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('rejects a wrong password the same way as an unknown email', async () => {
    const wrong = await t.client().post('/api/auth/login', { email: 'chair@demo.local', password: 'nope-nope' });
    const unknown = await t.client().post('/api/auth/login', { email: 'ghost@demo.local', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits repeated failures per email, even with the right password afterwards', async () => {
    const c = t.client();
    for (let i = 0; i < 3; i++) expect((await c.post('/api/auth/login', { email: 'member02@demo.local', password: 'wrong-password' })).status).toBe(401);
    const blocked = await c.post('/api/auth/login', { email: 'member02@demo.local', password: 'xieshang-demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account is unaffected.
    expect((await t.client().post('/api/auth/login', { email: 'member03@demo.local', password: 'xieshang-demo' })).status).toBe(200);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const c = await t.as('member04@demo.local');
    const without = await c.request('PATCH', '/api/auth/me/preferences', { body: { locale: 'en' }, csrf: false });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('CSRF_FAILED');
    const withToken = await c.patch('/api/auth/me/preferences', { locale: 'en' });
    expect(withToken.status).toBe(200);
    expect(withToken.body.locale).toBe('en');
  });

  it('changing the password ends the other sessions and the old password stops working', async () => {
    const a = await t.as('member05@demo.local');
    const b = await t.as('member05@demo.local');
    const res = await a.post('/api/auth/me/password', { currentPassword: 'xieshang-demo', newPassword: 'a-much-better-password' });
    expect(res.status).toBe(200);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: 'member05@demo.local', password: 'xieshang-demo' })).status).toBe(401);
    await t.as('member05@demo.local', 'a-much-better-password');
  });

  it('validates bodies and names the field', async () => {
    const res = await t.client().post('/api/auth/login', { email: 'not-an-email', password: '' , extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('answers malformed JSON and unknown routes in the same error shape', async () => {
    const bad = await t.client().request('POST', '/api/auth/login', { raw: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const missing = await t.client().get('/api/no/such/route');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('sets secure headers', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
