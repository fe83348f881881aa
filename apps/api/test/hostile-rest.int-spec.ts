import { isUtf8 } from 'node:buffer';
import * as querystring from 'node:querystring';
import fc from 'fast-check';
import type { z } from 'zod';
import { ALL_ROUTES, type RouteDef } from '@xieshang/contracts';
import { canAccess } from '@xieshang/domain';
import { unsafeTextIssues } from '../src/common/unsafe-text';
import { CaseCounter, writeHostileSection } from './support/hostile-report';
import { userWithRole } from './support/live-fixtures';
import { hostileBody, hostileQuery, hostileSegment, validish } from './support/schema-arbitraries';
import { createTestApp, TestApp } from './support/test-app';
import type { TestClient, TestResponse } from './support/test-client';

/*
 * Property-based fuzzing of every REST route from its contract schemas (fixed seed): hostile bodies, query
 * strings and path segments must be refused with a 4xx in the error envelope, never a 5xx or a hang, and
 * leave every table as it was; valid-ish inputs (the schema's shape, random ids) never answer a 5xx.
 */

const SEED = 7_2026;
const RUNS = { body: 7, query: 3, params: 3, validish: 3 };
const REQUEST_TIMEOUT_MS = 10_000;
/** tables a refused request may legitimately touch: login bookkeeping */
const VOLATILE_TABLES = new Set(['sessions', 'login_attempts', 'migrations', 'typeorm_metadata']);

interface Case {
  route: string;
  cls: string;
  method: string;
  path: string;
  raw?: string | Buffer;
  form?: FormData;
  hostile: boolean;
}

const sample = <T>(arb: fc.Arbitrary<T>, n: number, salt: number): T[] => (n > 0 ? fc.sample(arb, { seed: SEED + salt, numRuns: n }) : []);

function pathWith(def: RouteDef, values: Record<string, string>): string {
  return '/api' + def.path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000');
}

function validParams(def: RouteDef, salt: number): Record<string, string> {
  if (!def.params) return {};
  const [v] = sample(validish(def.params), 1, salt) as Array<Record<string, unknown>>;
  return Object.fromEntries(Object.entries(v ?? {}).map(([k, x]) => [k, encodeURIComponent(String(x))]));
}

const JSON_LIMIT_BYTES = 1024 * 1024;

/** Whether the route must refuse this body: not JSON, over the limit, or not what its schema accepts. */
function refusedBySchema(def: RouteDef, raw: string | Buffer): boolean {
  const bytes = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (bytes > JSON_LIMIT_BYTES) return true;
  let value: unknown;
  try {
    value = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw));
  } catch {
    return true;
  }
  if (typeof raw !== 'string' && !isUtf8(raw)) return true;
  return refusedValue(def.body, value, 'body');
}

/** The guard's verdict on a parsed value: the schema refuses it, or it carries text PostgreSQL cannot store. */
function refusedValue(schema: z.ZodType | undefined, value: unknown, part: string): boolean {
  if (!schema) return false;
  const r = schema.safeParse(value);
  return !r.success || unsafeTextIssues(r.data, part).length > 0;
}

function casesOf(id: string, def: RouteDef, salt: number): Case[] {
  const cases: Case[] = [];
  const params = validParams(def, salt);
  const base = pathWith(def, params);
  const hasBody = def.method !== 'GET' && def.method !== 'DELETE';
  if (def.upload) {
    const form = (bytes: Buffer, name: string, type: string, field = 'file') => {
      const f = new FormData();
      f.append(field, new Blob([new Uint8Array(bytes)], { type }), name);
      return f;
    };
    cases.push(
      { route: id, cls: 'upload: oversized', method: def.method, path: base, form: form(Buffer.alloc(def.upload.maxBytes + 1024, 0x41), 'big.pdf', 'application/pdf'), hostile: true },
      { route: id, cls: 'upload: content not matching its type', method: def.method, path: base, form: form(Buffer.from('MZ\x90\x00 not a pdf at all'), 'x.pdf', 'application/pdf'), hostile: true },
      { route: id, cls: 'upload: wrong field', method: def.method, path: base, form: form(Buffer.from('%PDF-1.4\n'), 'x.pdf', 'application/pdf', 'other'), hostile: true },
      { route: id, cls: 'upload: not multipart', method: def.method, path: base, raw: '{"file":"x"}', hostile: true },
    );
  } else if (hasBody) {
    for (const h of sample(hostileBody(def.body), RUNS.body, salt)) cases.push({ route: id, cls: h.cls, method: def.method, path: base, raw: h.raw, hostile: refusedBySchema(def, h.raw) });
  }
  for (const q of sample(hostileQuery(def.query), def.query ? RUNS.query : 0, salt + 1)) {
    // Express parses the query string with node's querystring: that is what the schema sees
    const hostile = refusedValue(def.query, { ...querystring.parse(q.qs) }, 'query');
    cases.push({ route: id, cls: `query: ${q.cls}`, method: def.method, path: `${base}?${q.qs}`, hostile, raw: hasBody ? '{}' : undefined });
  }
  const names = [...def.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  for (const [i, s] of sample(hostileSegment, names.length ? RUNS.params : 0, salt + 2).entries()) {
    const name = names[i % names.length];
    // a route whose parameter is free text (a feed token, a public id) may answer 404 for it: still a 4xx
    cases.push({ route: id, cls: `params: ${s.cls}`, method: def.method, path: pathWith(def, { ...params, [name]: s.segment }), hostile: true, raw: hasBody ? '{}' : undefined });
  }
  for (const v of sample(fc.tuple(def.body && hasBody ? validish(def.body) : fc.constant(undefined), def.query ? validish(def.query) : fc.constant(undefined)), RUNS.validish, salt + 3)) {
    const [body, query] = v;
    const qs = query && typeof query === 'object' ? '?' + new URLSearchParams(Object.entries(query).filter(([, x]) => x !== undefined).map(([k, x]): [string, string] => [k, String(x)])).toString() : '';
    cases.push({ route: id, cls: 'valid-ish', method: def.method, path: base + qs, raw: hasBody ? JSON.stringify(body ?? {}) : undefined, hostile: false });
  }
  return cases;
}

async function send(c: TestClient, k: Case): Promise<TestResponse | { status: 0; body: { error: { code: string } }; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (c.cookies.size) headers.cookie = c.cookieHeader;
  const csrf = c.cookies.get('xs_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  if (k.raw !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(c.baseUrl + k.path, { method: k.method, headers, body: k.form ?? (k.raw as RequestInit['body']), redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await res.json() : await res.text();
    return { status: res.status, body, headers: res.headers };
  } catch (e) {
    return { status: 0, body: { error: { code: `NO_ANSWER ${(e as Error).name}` } }, headers: new Headers() };
  }
}

/** Where a path's records live: the first segment names the table of `:id`; the others name theirs. */
const ID_TABLE: Array<[RegExp, string]> = [
  [/^\/meeting-types\//, 'meeting_types'],
  [/^\/meetings\//, 'meetings'],
  [/^\/invitations\//, 'meeting_invitations'],
  [/^\/speeches\//, 'meeting_speeches'],
  [/^\/(members|duty\/members)\//, 'users'],
  [/^\/org\//, 'sectors'],
  [/^\/topic-calls\//, 'topic_calls'],
  [/^\/topics\//, 'topics'],
  [/^\/plans\//, 'plans'],
  [/^\/documents\//, 'documents'],
  [/^\/outcomes\//, 'outcomes'],
  [/^\/assignments\//, 'outcome_assignments'],
  [/^\/duty\/entries\//, 'duty_entries'],
];
/** A child record and its parent, for paths with two ids. */
const CHILD_SQL: Record<string, string> = {
  materialId: 'SELECT meeting_id AS id, id AS child FROM meeting_materials',
  invitationId: 'SELECT meeting_id AS id, id AS child FROM meeting_invitations',
  itemId: 'SELECT plan_id AS id, id AS child FROM plan_items',
  versionId: 'SELECT document_id AS id, id AS child FROM document_versions',
  commentId: 'SELECT document_id AS id, id AS child FROM document_comments',
  userId: 'SELECT document_id AS id, user_id AS child FROM document_members',
  attachmentId: 'SELECT assignment_id AS id, id AS child FROM outcome_attachments',
};

/** Real ids for a route's parameters (demo records; never the accounts the fuzz itself logs in with), or null. */
async function realParams(t: TestApp, def: RouteDef): Promise<Record<string, string> | null> {
  const names = [...def.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const out: Record<string, string> = {};
  if (names.includes('kind')) out.kind = 'sectors';
  const child = names.find((n) => CHILD_SQL[n]);
  if (child) {
    const [row] = await t.ds.query(`${CHILD_SQL[child]} ORDER BY 1, 2 LIMIT 1`);
    if (!row) return null;
    return { ...out, id: row.id, [child]: row.child };
  }
  if (!names.includes('id')) return null;
  const table = ID_TABLE.find(([re]) => re.test(def.path))?.[1];
  if (!table) return null;
  const where = table === 'users' ? ` WHERE email LIKE '%@demo.local' AND NOT ('admin' = ANY(roles))` : '';
  const [row] = await t.ds.query(`SELECT id FROM "${table}"${where} ORDER BY id LIMIT 1`);
  return row ? { ...out, id: row.id } : null;
}

describe('hostile REST input, generated from the contract schemas (fast-check, fixed seed)', () => {
  let t: TestApp;
  let admin: TestClient;
  let liaison: TestClient;
  let anonymous: TestClient;
  let fingerprintSql: string;
  const counter = new CaseCounter();
  const failures: string[] = [];
  const lost: string[] = [];
  const statuses: Record<string, number> = {};
  let refusedCases = 0;
  let validishCases = 0;
  const reached = new Set<string>();
  const note = (id: string, r: { status: number; body: unknown }) => {
    const code = (r.body as { error?: { code?: string } })?.error?.code;
    statuses[`${r.status}${code ? ' ' + code : ''}`] = (statuses[`${r.status}${code ? ' ' + code : ''}`] ?? 0) + 1;
    if (code !== 'ROUTE_NOT_FOUND') reached.add(id);
  };
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    // no background reminders: a row they add would read as a change made by a refused request
    t = await createTestApp({ demo: true, env: { REMINDER_INTERVAL_SECONDS: '3600' } });
    const [dept] = await t.ds.query(`SELECT department_id FROM users WHERE email = 'dept01@demo.local'`);
    await userWithRole(t.ds, 'h7-liaison@fuzz.test', ['department'], { departmentId: dept.department_id });
    await userWithRole(t.ds, 'h7-member@fuzz.test', ['member']);
    admin = await t.as('admin@demo.local');
    liaison = await t.as('h7-liaison@fuzz.test');
    anonymous = t.client();
    const tables: Array<{ table_name: string }> = await t.ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
    // a content hash per table: a refused request must not have inserted, updated or deleted anything
    fingerprintSql =
      'SELECT ' +
      tables
        .filter((r) => !VOLATILE_TABLES.has(r.table_name))
        .map((r) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${r.table_name}" x) AS "${r.table_name}"`)
        .join(', ');
  }, 60_000);

  afterAll(async () => {
    await writeHostileSection('hostile-rest', { cases: counter.cases, lost, failures, routes: Object.keys(ALL_ROUTES).length, seed: SEED, refusedCases, validishCases, answers: statuses });
    await t?.close();
  });

  const fingerprint = async (): Promise<Record<string, string>> => (await t.ds.query(fingerprintSql))[0];
  const diff = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).filter((k) => a[k] !== b[k]);

  it('refuses hostile bodies, queries and path segments of every route with a coded 4xx, stores nothing, never a 5xx', async () => {
    let salt = 0;
    for (const [id, def] of Object.entries(ALL_ROUTES)) {
      salt += 10;
      const who = def.access === 'public' ? anonymous : canAccess({ id: 'x', roles: ['admin'] }, def.access) ? admin : liaison;
      const cases = casesOf(id, def, salt);
      const hostile = cases.filter((k) => k.hostile);
      const before = await fingerprint();
      for (const k of hostile) {
        const r = await send(who, k);
        counter.add(k.cls);
        note(id, r);
        refusedCases++;
        const enveloped = typeof r.body === 'object' && typeof r.body?.error?.code === 'string' && typeof r.body?.error?.message === 'string';
        if (!(r.status >= 400 && r.status < 500 && enveloped)) failures.push(`${id} ${k.method} ${k.path.slice(0, 120)} [${k.cls}] ${String(k.raw ?? '').slice(0, 80)} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      }
      const changed = diff(before, await fingerprint());
      if (changed.length) lost.push(`${id}: refused requests changed ${changed.join(', ')}`);
      for (const k of cases.filter((c) => !c.hostile)) {
        const r = await send(who, k);
        counter.add(k.cls);
        note(id, r);
        validishCases++;
        const enveloped = r.status < 400 || (typeof r.body === 'object' && typeof r.body?.error?.code === 'string');
        if (r.status >= 500 || r.status === 0 || !enveloped) failures.push(`${id} ${k.method} ${k.path.slice(0, 120)} [valid-ish] ${String(k.raw ?? '').slice(0, 120)} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(lost).toEqual([]);
    // every route was reached (a typo in a path would only ever meet the 404 handler)
    expect(Object.keys(ALL_ROUTES).filter((id) => !reached.has(id))).toEqual([]);
  }, 90_000);

  it('answers valid-ish input on real records with data or a coded 4xx, as the office and as a member, never a 5xx', async () => {
    const member = await t.as('h7-member@fuzz.test');
    const start = failures.length;
    let salt = 5_000;
    for (const [id, def] of Object.entries(ALL_ROUTES)) {
      salt += 10;
      if (!def.path.includes(':') || def.access === 'public' || def.upload) continue;
      const params = await realParams(t, def);
      if (!params) continue;
      const who = [canAccess({ id: 'x', roles: ['admin'] }, def.access) ? admin : liaison, ...(canAccess({ id: 'x', roles: ['member'] }, def.access) ? [member] : [])];
      const hasBody = def.method !== 'GET' && def.method !== 'DELETE';
      for (const body of sample(def.body && hasBody ? validish(def.body) : fc.constant(undefined), RUNS.validish, salt)) {
        for (const c of who) {
          const k: Case = { route: id, cls: 'valid-ish on a real record', method: def.method, path: pathWith(def, params), raw: hasBody ? JSON.stringify(body ?? {}) : undefined, hostile: false };
          const r = await send(c, k);
          counter.add(k.cls);
          note(id, r);
          validishCases++;
          const enveloped = r.status < 400 || (typeof r.body === 'object' && typeof r.body?.error?.code === 'string');
          if (r.status >= 500 || r.status === 0 || !enveloped) failures.push(`${id} ${k.method} ${k.path} [valid-ish, real record, ${c === member ? 'member' : 'office'}] ${String(k.raw ?? '').slice(0, 160)} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        }
      }
    }
    expect(failures.slice(start)).toEqual([]);
    expect((await t.client().get('/api/health')).status).toBe(200);
  }, 90_000);

  it('refuses text PostgreSQL cannot store (found by this fuzz as 500s): NUL, lone surrogates, bytes that are not UTF-8', async () => {
    const before = await fingerprint();
    const surrogate = await admin.request('POST', '/api/plans', { raw: '{"year":2002,"title":"\\ud800"}', headers: { 'content-type': 'application/json' } });
    expect([surrogate.status, surrogate.body.error.code, surrogate.body.error.details]).toEqual([400, 'VALIDATION_FAILED', [expect.objectContaining({ path: 'body.title', code: 'invalid_text' })]]);
    const nul = await admin.post('/api/duty/entries/00000008-1443-4320-8000-0002fffffffa/withdraw', { reason: 'a\u0000b' });
    expect([nul.status, nul.body.error.details[0].path]).toEqual([400, 'body.reason']);
    const bytes = await admin.request('POST', '/api/plans', { raw: Buffer.concat([Buffer.from('{"year":2003,"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), headers: { 'content-type': 'application/json' } });
    expect([bytes.status, bytes.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const query = await admin.get('/api/topics?q=a%00b');
    expect([query.status, query.body.error.details[0].path]).toEqual([400, 'query.q']);
    expect(diff(before, await fingerprint())).toEqual([]);
  });

  it('still answers /api/health and normal requests, and no prototype was polluted', async () => {
    const health = await t.client().get('/api/health');
    expect(health.status).toBe(200);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
