import { ALL_ROUTES, LiveCommand, PERMISSIONS, ROLES, type LiveCommandType, type Role, type RouteDef } from '@xieshang/contracts';
import { canAccess, ROLE_GRANTS } from '@xieshang/domain';
import type { z } from 'zod';
import { CaseCounter, writeHostileSection } from './support/hostile-report';
import { codeOf, type CommandInput, type LiveTestClient } from './support/live-clients';
import { liveClient, liveMeeting, userWithRole } from './support/live-fixtures';
import { userIds } from './support/meeting-fixtures';
import { defOf } from './support/schema-arbitraries';
import { createTestApp, TestApp } from './support/test-app';
import type { TestClient, TestResponse } from './support/test-client';
import { resourceCells } from './support/resource-cells';

/*
 * Every REST route × every role (and anonymous), derived from the route registry and ROLE_GRANTS.
 *
 * The guard checks, in order: session → access rule → CSRF → input validation. So a probe tells apart
 * "refused by the access rule" (403 FORBIDDEN / 401) from "let through" without running any handler:
 * state-changing probes go without the CSRF token (let through = 403 CSRF_FAILED), reads with an invalid
 * path or query parameter (let through = 400 VALIDATION_FAILED). Reads with nothing to invalidate run the
 * handler, which only reads.
 */

type Who = Role | 'anonymous';
const WHO: readonly Who[] = [...ROLES, 'anonymous'];
const SAFE = new Set(['GET', 'HEAD']);
const BAD_SEGMENT = 'not-a-valid-id';

/** A query that the route's query schema refuses, or null when it accepts anything we could send. */
function refusedQuery(schema: z.ZodType | undefined): string | null {
  if (!schema) return null;
  const candidates: Array<Record<string, string>> = [{ h7_unknown_field: '1' }];
  const def = defOf(schema);
  const shape = (def.shape ?? (defOf((def.in ?? def.innerType ?? schema) as z.ZodType).shape as object | undefined)) as Record<string, unknown> | undefined;
  for (const key of Object.keys(shape ?? {})) for (const v of ['zz-not-valid', '-5', '', '99999999999']) candidates.push({ [key]: v });
  const refused = candidates.find((q) => !schema.safeParse(q).success);
  return refused ? new URLSearchParams(refused).toString() : null;
}

interface Probe {
  method: string;
  path: string;
  csrf: boolean;
  /** what "let through by the guard" looks like */
  passed: (r: TestResponse) => boolean;
  kind: 'csrf' | 'invalid-params' | 'invalid-query' | 'handler';
}

function probeOf(def: RouteDef): Probe {
  const hasParams = def.path.includes(':');
  const path = '/api' + def.path.replace(/:(\w+)/g, hasParams ? BAD_SEGMENT : '');
  if (!SAFE.has(def.method) && def.access !== 'public') {
    return { method: def.method, path: '/api' + def.path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace('/org/00000000-0000-4000-8000-000000000000', '/org/sectors'), csrf: false, kind: 'csrf', passed: (r) => r.status === 403 && r.body?.error?.code === 'CSRF_FAILED' };
  }
  const validation = (r: TestResponse) => r.status === 400 && r.body?.error?.code === 'VALIDATION_FAILED';
  if (hasParams) return { method: def.method, path, csrf: true, kind: 'invalid-params', passed: validation };
  const q = refusedQuery(def.query);
  if (q) return { method: def.method, path: `${path}?${q}`, csrf: true, kind: 'invalid-query', passed: validation };
  // nothing to invalidate: the handler runs (reads only, or a public command); anything but a refusal or a crash
  return { method: def.method, path, csrf: true, kind: 'handler', passed: (r) => r.status < 500 && r.status !== 401 && r.body?.error?.code !== 'FORBIDDEN' };
}

/** Every live command type, read from the contract's discriminated union (a new command must get a rule below). */
const LIVE_COMMAND_TYPES = (defOf(LiveCommand).options as z.ZodType[]).map((o) => {
  const shape = (defOf(o).shape ?? defOf(defOf(o).in as z.ZodType).shape) as { type: z.ZodType };
  return (defOf(shape.type).values as string[])[0];
}) as LiveCommandType[];

const HOST_ONLY = ['NOT_HOST'] as const;
const OTHERS_ENTRY = ['NOT_OWN_ENTRY', 'NOT_HOST'] as const;
/** What an observer and an invited member get for each command (the host may do everything; the uninvited nothing). */
const LIVE_RULES: Record<LiveCommandType, { observer: readonly string[]; invited: readonly string[] | 'any-but-authz' }> = {
  'session:open': { observer: HOST_ONLY, invited: HOST_ONLY },
  'session:pause': { observer: HOST_ONLY, invited: HOST_ONLY },
  'session:resume': { observer: HOST_ONLY, invited: HOST_ONLY },
  'session:end': { observer: HOST_ONLY, invited: HOST_ONLY },
  'agenda:next': { observer: HOST_ONLY, invited: HOST_ONLY },
  // members take the floor; observers do not
  'queue:raise-hand': { observer: ['FORBIDDEN'], invited: 'any-but-authz' },
  'queue:point-of-order': { observer: ['FORBIDDEN'], invited: 'any-but-authz' },
  // only invited department liaisons ask to respond (not even the host)
  'queue:request-response': { observer: ['FORBIDDEN'], invited: ['FORBIDDEN'] },
  'queue:withdraw': { observer: OTHERS_ENTRY, invited: OTHERS_ENTRY },
  'queue:start-speaking': { observer: OTHERS_ENTRY, invited: OTHERS_ENTRY },
  'queue:finish': { observer: OTHERS_ENTRY, invited: OTHERS_ENTRY },
  'queue:accept-point-of-order': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:insert-response': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:add-reply': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:call-next': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:call': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:skip': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:reorder': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:close': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:reopen': { observer: HOST_ONLY, invited: HOST_ONLY },
  'queue:re-add': { observer: HOST_ONLY, invited: HOST_ONLY },
  'timer:start': { observer: HOST_ONLY, invited: HOST_ONLY },
  'timer:pause': { observer: HOST_ONLY, invited: HOST_ONLY },
  'timer:resume': { observer: HOST_ONLY, invited: HOST_ONLY },
  'timer:stop': { observer: HOST_ONLY, invited: HOST_ONLY },
  'timer:extend': { observer: HOST_ONLY, invited: HOST_ONLY },
  'settings:update': { observer: HOST_ONLY, invited: HOST_ONLY },
};

/** A well-formed command of each type; entry commands aim at someone else's entry. */
function liveCommandsFor(entryId: string, memberId: string, liaisonId: string): Record<string, CommandInput> {
  const speaker = { mode: 'room' as const };
  return {
    'session:open': { type: 'session:open' },
    'session:pause': { type: 'session:pause' },
    'session:resume': { type: 'session:resume' },
    'session:end': { type: 'session:end' },
    'agenda:next': { type: 'agenda:next' },
    'queue:raise-hand': { type: 'queue:raise-hand', ...speaker },
    'queue:withdraw': { type: 'queue:withdraw', entryId },
    'queue:point-of-order': { type: 'queue:point-of-order', ...speaker },
    'queue:accept-point-of-order': { type: 'queue:accept-point-of-order', entryId, accept: true },
    'queue:request-response': { type: 'queue:request-response', ...speaker },
    'queue:insert-response': { type: 'queue:insert-response', ...speaker, afterEntryId: null, memberId: liaisonId },
    'queue:add-reply': { type: 'queue:add-reply', ...speaker, memberId, replyToEntryId: entryId },
    'queue:call-next': { type: 'queue:call-next' },
    'queue:call': { type: 'queue:call', entryId },
    'queue:start-speaking': { type: 'queue:start-speaking', entryId },
    'queue:finish': { type: 'queue:finish', entryId },
    'queue:skip': { type: 'queue:skip', entryId },
    'queue:reorder': { type: 'queue:reorder', entryId, toIndex: 0 },
    'queue:close': { type: 'queue:close' },
    'queue:reopen': { type: 'queue:reopen' },
    'queue:re-add': { type: 'queue:re-add', entryId },
    'timer:start': { type: 'timer:start' },
    'timer:pause': { type: 'timer:pause' },
    'timer:resume': { type: 'timer:resume' },
    'timer:stop': { type: 'timer:stop' },
    'timer:extend': { type: 'timer:extend', ms: 60_000 },
    'settings:update': { type: 'settings:update', firstTimeFirst: true },
  };
}

describe('authorization matrix: every route × every role, from the registry and ROLE_GRANTS', () => {
  let t: TestApp;
  const clients = new Map<Who, TestClient>();
  const counter = new CaseCounter();
  const failures: string[] = [];

  beforeAll(async () => {
    // no background reminders: a row they add would read as a change made by a refused request
    t = await createTestApp({ demo: true, env: { REMINDER_INTERVAL_SECONDS: '3600' } });
    const [dept] = await t.ds.query(`SELECT department_id FROM users WHERE email = 'dept01@demo.local'`);
    for (const role of ROLES) {
      const email = `h7-${role}@matrix.test`;
      await userWithRole(t.ds, email, [role], role === 'department' ? { departmentId: dept.department_id } : {});
      clients.set(role, await t.as(email));
    }
    clients.set('anonymous', t.client());
  }, 60_000);

  afterAll(async () => {
    await writeHostileSection('authorization-matrix', {
      cases: counter.cases,
      lost: [],
      failures,
      routes: Object.keys(ALL_ROUTES).length,
      roles: WHO.length,
    });
    await t?.close();
  });

  it('has a rule for every route and grants for every permission (adding either without the other fails here)', () => {
    const known = new Set<string>(['public', 'authenticated', ...PERMISSIONS]);
    const withoutRule = Object.entries(ALL_ROUTES).filter(([, d]) => !known.has(d.access)).map(([id]) => id);
    expect(withoutRule).toEqual([]);
    expect(Object.keys(ROLE_GRANTS).sort()).toEqual([...PERMISSIONS].sort());
    const ungranted = PERMISSIONS.filter((p) => ROLE_GRANTS[p].length === 0 || ROLE_GRANTS[p].some((r) => !ROLES.includes(r)));
    expect(ungranted).toEqual([]);
    // a route bound to a permission nobody holds could never be called: a missing grant, not a rule
    const unreachable = Object.entries(ALL_ROUTES).filter(([, d]) => !WHO.some((w) => w !== 'anonymous' && canAccess({ id: 'x', roles: [w] }, d.access)) && d.access !== 'public');
    expect(unreachable).toEqual([]);
  });

  it('documents exactly the registry in OpenAPI, each operation with the same access rule', async () => {
    const res = await t.client().get('/api/docs-json');
    const ops = Object.values(res.body.paths as Record<string, Record<string, { operationId: string; 'x-access': string }>>).flatMap((p) => Object.values(p));
    const fromDoc = Object.fromEntries(ops.map((o) => [o.operationId, o['x-access']]));
    expect(fromDoc).toEqual(Object.fromEntries(Object.entries(ALL_ROUTES).map(([id, d]) => [id, d.access])));
  });

  it('mounts no HTTP handler outside the registry (a handler without a rule would be reachable)', () => {
    const express = t.app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
    interface Layer {
      route?: { path: string; methods: Record<string, boolean> };
    }
    const stack = (express.router ?? express._router)?.stack ?? [];
    // middleware bound with forRoutes(ALL) shows up as a route on every HTTP method: not a handler
    const handlers = stack.filter((l) => l.route && Object.keys(l.route.methods).length < 10);
    const mounted = handlers.flatMap((l) => Object.keys(l.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${l.route!.path}`));
    const registry = new Set(Object.values(ALL_ROUTES).map((d) => `${d.method} /api${d.path}`));
    expect(mounted.length).toBeGreaterThanOrEqual(registry.size);
    expect(mounted.filter((m) => !registry.has(m))).toEqual([]);
  });

  it('answers every cell as ROLE_GRANTS says: 401 anonymous, 403 FORBIDDEN without the permission, let through with it', async () => {
    const cells: Array<{ route: string; who: Who; expected: string; got: string }> = [];
    // logout last: it ends the session the other cells use
    const routes = Object.entries(ALL_ROUTES).sort(([a], [b]) => Number(a === 'logout') - Number(b === 'logout'));
    for (const [id, def] of routes) {
      const probe = probeOf(def);
      await Promise.all(
        WHO.map(async (who) => {
          const user = who === 'anonymous' ? null : { id: 'x', roles: [who] as Role[] };
          const allowed = canAccess(user, def.access);
          const r = await clients.get(who)!.request(probe.method, probe.path, { csrf: probe.csrf, ...(SAFE.has(probe.method) ? {} : { body: {} }) });
          const expected = allowed ? `through(${probe.kind})` : who === 'anonymous' ? '401 UNAUTHENTICATED' : '403 FORBIDDEN';
          let ok: boolean;
          if (allowed) ok = def.access === 'public' ? r.status < 500 && r.body?.error?.code !== 'UNAUTHENTICATED' && r.body?.error?.code !== 'FORBIDDEN' : probe.passed(r);
          else ok = who === 'anonymous' ? r.status === 401 && r.body?.error?.code === 'UNAUTHENTICATED' : r.status === 403 && r.body?.error?.code === 'FORBIDDEN';
          const envelope = r.status < 400 || (typeof r.body?.error?.code === 'string' && typeof r.body?.error?.message === 'string');
          counter.add(allowed ? 'route×role: let through' : 'route×role: refused');
          if (!ok || !envelope) cells.push({ route: `${id} ${def.method} ${def.path}`, who, expected, got: `${r.status} ${r.body?.error?.code ?? ''}` });
        }),
      );
    }
    failures.push(...cells.map((c) => `${c.route} as ${c.who}: expected ${c.expected}, got ${c.got}`));
    expect(cells).toEqual([]);
    expect(counter.total).toBe(Object.keys(ALL_ROUTES).length * WHO.length);
  }, 60_000);

  it('answers every live command × host / invited member / uninvited member / observer by the rules, changing nothing when refused', async () => {
    const meeting = await liveMeeting(t.ds, { hostEmail: 'chair@demo.local', invitees: ['member01@demo.local', 'member03@demo.local'] });
    const [hostC, invitedC, otherC, uninvitedC, observerC] = await Promise.all(
      ['chair@demo.local', 'member01@demo.local', 'member03@demo.local', 'member02@demo.local', 'h7-observer@matrix.test'].map((e) => liveClient(t, e)),
    );
    const sockets = [hostC, invitedC, otherC, uninvitedC, observerC];
    try {
      for (const c of [hostC, invitedC, otherC, observerC]) expect('data' in (await c.join(meeting.id))).toBe(true);
      // the uninvited member is refused at the door; their commands then meet a closed room
      expect(['NOT_INVITED', 'NOT_FOUND']).toContain(codeOf(await uninvitedC.join(meeting.id)));
      await hostC.ok(meeting.id, { type: 'session:open' });
      await hostC.waitForVersion(await otherC.ok(meeting.id, { type: 'queue:raise-hand', mode: 'room' }));
      const othersEntry = hostC.state!.entries.find((e) => e.status === 'queued')!.id;
      const [m1, liaisonId] = await userIds(t.ds, 'member01@demo.local', 'dept01@demo.local');
      const commands = liveCommandsFor(othersEntry, m1, liaisonId);
      expect(Object.keys(commands).sort()).toEqual(LIVE_COMMAND_TYPES.slice().sort());

      const cells: string[] = [];
      const check = async (who: string, c: LiveTestClient, type: string, allowed: readonly string[] | 'any-but-authz') => {
        const before = hostC.version;
        const ack = await c.send(meeting.id, commands[type]);
        const code = codeOf(ack) ?? 'accepted';
        if ('data' in ack) await hostC.waitForVersion(ack.data.version);
        counter.add(`live command×actor: ${who}`);
        const ok = allowed === 'any-but-authz' ? !['NOT_HOST', 'FORBIDDEN', 'NOT_OWN_ENTRY'].includes(code) : allowed.includes(code);
        if (!ok) cells.push(`${type} as ${who}: got ${code}, expected ${allowed}`);
        if (code !== 'accepted' && ('error' in ack ? typeof ack.error.message !== 'string' : true)) cells.push(`${type} as ${who}: not a coded error`);
        if (code !== 'accepted') {
          const sync = await hostC.sync(meeting.id, before);
          if ('data' in sync && sync.data.kind === 'events' && sync.data.events.length) cells.push(`${type} as ${who}: refused, yet the state moved`);
        }
      };
      for (const type of LIVE_COMMAND_TYPES) {
        const rule = LIVE_RULES[type];
        await check('uninvited member', uninvitedC, type, ['FORBIDDEN']);
        await check('observer', observerC, type, rule.observer);
        await check('invited member', invitedC, type, rule.invited);
      }
      // the host last: its commands move the session (session:end at the very end)
      for (const type of [...LIVE_COMMAND_TYPES.filter((x) => x !== 'session:end'), 'session:end' as const]) await check('host', hostC, type, type === 'queue:request-response' ? ['FORBIDDEN'] : 'any-but-authz');
      expect(cells).toEqual([]);
    } finally {
      for (const c of sockets) c.close();
    }
  }, 60_000);

  it('refuses resource-level cells the access rule lets through (other meeting, department, member, document role) and changes nothing', async () => {
    const results = await resourceCells(t);
    for (const r of results) counter.add(`resource cell: ${r.feature}`);
    const wrong = results.filter((r) => !r.ok);
    failures.push(...wrong.map((r) => `${r.feature}: ${r.cell} → ${r.got}`));
    expect(wrong.map((r) => `${r.feature}: ${r.cell} → ${r.got}`)).toEqual([]);
  }, 60_000);
});
