import { CoreRoutes } from '@xieshang/contracts';
import { ApiError, api, buildUrl, upload } from './api';
import { stubFetch } from '../test/render';

const ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

function header(init: RequestInit, name: string): string | null {
  return new Headers(init.headers).get(name);
}

beforeEach(() => {
  document.cookie = 'xs_csrf=tok%2Ben; path=/';
});

describe('api()', () => {
  it('fills path params, sends JSON with the CSRF header and same-origin credentials', async () => {
    const { calls } = stubFetch({ [`PATCH /api/members/${ID}`]: () => ({ body: { id: ID, name: '张三' } }) });
    const res = await api(CoreRoutes.updateMember, { params: { id: ID }, body: { active: false } });
    expect(res).toEqual({ id: ID, name: '张三' });
    const [call] = calls;
    expect(call.method).toBe('PATCH');
    expect(call.url).toBe(`/api/members/${ID}`);
    expect(call.init.credentials).toBe('same-origin');
    expect(header(call.init, 'x-csrf-token')).toBe('tok+en');
    expect(header(call.init, 'content-type')).toBe('application/json');
    expect(JSON.parse(String(call.init.body))).toEqual({ active: false });
  });

  it('sends no CSRF header on GET and serializes the query, skipping empty values', async () => {
    const { calls } = stubFetch({ 'GET /api/members': () => ({ body: { items: [], total: 0, page: 2, pageSize: 20 } }) });
    await api(CoreRoutes.listMembers, { query: { q: '经济 界', page: 2, role: undefined, sectorId: '' as never } });
    expect(calls[0].url).toBe('/api/members?q=%E7%BB%8F%E6%B5%8E+%E7%95%8C&page=2');
    expect(header(calls[0].init, 'x-csrf-token')).toBeNull();
  });

  it('does not send the CSRF header to public routes such as login', async () => {
    const { calls } = stubFetch({ 'POST /api/auth/login': () => ({ body: {} }) });
    await api(CoreRoutes.login, { body: { email: 'a@b.cn', password: 'x' } });
    expect(header(calls[0].init, 'x-csrf-token')).toBeNull();
  });

  it('parses the error envelope into an ApiError with field issues stripped of their prefix', async () => {
    stubFetch({
      'POST /api/members': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'The request is invalid',
            details: [{ path: 'body.email', code: 'invalid_format', message: 'Invalid email' }],
            requestId: 'req-1',
          },
        },
      }),
    });
    const err = await api(CoreRoutes.createMember, { body: { email: 'x', name: 'n', roles: ['member'] } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', requestId: 'req-1' });
    expect(e.fieldIssues).toEqual([{ path: 'email', code: 'invalid_format', message: 'Invalid email' }]);
  });

  it('keeps error params, e.g. the wait of RATE_LIMITED', async () => {
    stubFetch({
      'POST /api/auth/login': () => ({ status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x', params: { retryAfterSeconds: 30 } } } }),
    });
    await expect(api(CoreRoutes.login, { body: { email: 'a@b.cn', password: 'x' } })).rejects.toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      params: { retryAfterSeconds: 30 },
    });
  });

  it('maps a response without an error body to a registry code by status', async () => {
    global.fetch = jest.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })) as unknown as typeof fetch;
    await expect(api(CoreRoutes.me)).rejects.toMatchObject({ status: 502, code: 'INTERNAL' });
    global.fetch = jest.fn(async () => new Response('', { status: 503 })) as unknown as typeof fetch;
    await expect(api(CoreRoutes.me)).rejects.toMatchObject({ code: 'DB_UNAVAILABLE' });
  });

  it('reports a failed connection as NETWORK', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(api(CoreRoutes.me)).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('refuses to build a URL with a missing path parameter', () => {
    expect(() => buildUrl(CoreRoutes.deleteOrgUnit, { kind: 'sectors' })).toThrow(/id/);
    expect(buildUrl(CoreRoutes.deleteOrgUnit, { kind: 'sectors', id: 'a/b' })).toBe('/api/org/sectors/a%2Fb');
  });
});

describe('upload()', () => {
  it('posts the file as multipart field "file" with the CSRF header', async () => {
    const { calls } = stubFetch({ 'POST /api/members/import/preview': () => ({ body: { totalRows: 0 } }) });
    const file = new File(['name,email\n'], 'members.csv', { type: 'text/csv' });
    await upload(CoreRoutes.previewMemberImport, file);
    const { init } = calls[0];
    expect(init.body).toBeInstanceOf(FormData);
    const sent = (init.body as FormData).get('file') as File;
    expect(sent.name).toBe('members.csv');
    expect(header(init, 'x-csrf-token')).toBe('tok+en');
    // the browser must set the multipart boundary itself
    expect(header(init, 'content-type')).toBeNull();
  });
});
