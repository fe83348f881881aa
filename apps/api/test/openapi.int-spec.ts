import { ALL_ROUTES } from '@xieshang/contracts';
import { createTestApp, TestApp } from './support/test-app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('documents every route of the registry with its access rule', async () => {
    const res = await t.client().get('/api/docs-json');
    expect(res.status).toBe(200);
    const ops = Object.values(res.body.paths as Record<string, Record<string, { operationId: string; 'x-access': string }>>).flatMap((p) => Object.values(p));
    expect(ops.map((o) => o.operationId).sort()).toEqual(Object.keys(ALL_ROUTES).sort());
    expect(ops.every((o) => typeof o['x-access'] === 'string')).toBe(true);
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
  });

  it('serves the docs UI', async () => {
    const res = await t.client().get('/api/docs/');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('swagger');
  });

  it('mounts exactly the registry routes: every Nest route has a definition and every definition a handler', async () => {
    // An unauthenticated call to each route must reach the guard (401/200/400), never 404.
    for (const def of Object.values(ALL_ROUTES)) {
      const path = '/api' + def.path.replace(/:kind/, 'sectors').replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.client().request(def.method, path, def.body ? { body: {} } : {});
      expect({ route: `${def.method} ${def.path}`, status: res.status === 404 && res.body?.error?.code === 'ROUTE_NOT_FOUND' ? 'missing' : 'mounted' }).toEqual({ route: `${def.method} ${def.path}`, status: 'mounted' });
    }
  });
});
