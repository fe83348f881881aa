import fc from 'fast-check';
import type { z } from 'zod';

/*
 * fast-check arbitraries read from the zod schemas of libs/contracts (zod 4 internals: `schema._zod.def`):
 * `validish` builds values of the schema's shape (formats, enums, bounds; refinements may still refuse them),
 * `hostileBody` / `hostileQuery` / `hostileSegment` build what a malicious or broken client sends instead.
 */

interface Def {
  type: string;
  [key: string]: unknown;
}
type Schema = z.ZodType;

export const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

interface Bounds {
  min?: number;
  max?: number;
  exact?: number;
  int?: boolean;
  pattern?: RegExp;
  format?: string;
}

function boundsOf(def: Def): Bounds {
  const b: Bounds = {};
  if (typeof def.format === 'string') b.format = def.format;
  if (def.pattern instanceof RegExp) b.pattern = def.pattern;
  for (const check of (def.checks as Array<{ _zod: { def: Record<string, unknown> } }> | undefined) ?? []) {
    const c = check._zod.def;
    switch (c.check) {
      case 'min_length':
        b.min = c.minimum as number;
        break;
      case 'max_length':
        b.max = c.maximum as number;
        break;
      case 'length_equals':
        b.exact = c.length as number;
        break;
      case 'greater_than':
        b.min = (c.value as number) + (c.inclusive ? 0 : 1);
        break;
      case 'less_than':
        b.max = (c.value as number) - (c.inclusive ? 0 : 1);
        break;
      case 'number_format':
        b.int = true;
        break;
      case 'string_format':
        b.format = c.format as string;
        if (c.pattern instanceof RegExp) b.pattern = c.pattern;
        break;
    }
  }
  return b;
}

const CJK = ['协商', '议题', '政协委员', '提案', '会议纪要', '调研报告', '民生', '示范市'];
const plainText = (min: number, max: number) =>
  fc.oneof(
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 4 }).map((a) => a.join('').slice(0, Math.max(max, 1)).padEnd(min, '议')),
  );

function stringArb(def: Def): fc.Arbitrary<string> {
  const b = boundsOf(def);
  const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
  switch (b.format) {
    case 'uuid':
    case 'guid':
      return fc.uuid({ version: 4 });
    case 'email':
      return fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), fc.constantFrom('example.cn', 'demo.local.test', 'gov.example')).map(([u, d]) => `${u}@${d}`);
    case 'url':
      return fc.constantFrom('https://example.cn/a', 'http://localhost/x', 'https://meet.example.cn/room');
    case 'datetime':
      return date.map((d) => d.toISOString());
    case 'date':
      return date.map((d) => d.toISOString().slice(0, 10));
    case 'time':
      return fc.constantFrom('08:30', '14:00:00');
  }
  if (b.pattern) return fc.stringMatching(b.pattern).filter((s) => s.length <= (b.max ?? 500));
  const min = b.exact ?? b.min ?? 0;
  const max = b.exact ?? Math.min(b.max ?? 40, Math.max(min, 40));
  return plainText(min, max);
}

function numberArb(def: Def, coerce: boolean): fc.Arbitrary<number | string> {
  const b = boundsOf(def);
  const min = b.min ?? -1_000;
  const max = b.max ?? 1_000_000;
  const n = b.int ? fc.integer({ min: Math.max(min, -2_000_000_000), max: Math.min(max, 2_000_000_000) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return coerce ? n.map(String) : n;
}

/** A value of the schema's shape (JSON-able unless the schema wants binary). */
export function validish(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown) => validish(s as Schema, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArb(def);
    case 'number':
      return numberArb(def, Boolean(def.coerce));
    case 'bigint':
      return fc.integer().map(String);
    case 'boolean':
      return def.coerce ? fc.constantFrom('true', 'false') : fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'date':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const required = Object.keys(shape).filter((k) => !isOptional(shape[k]));
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s)])), { requiredKeys: required });
    }
    case 'array': {
      const b = boundsOf(def);
      const min = b.exact ?? b.min ?? 0;
      return fc.array(inner(def.element), { minLength: min, maxLength: b.exact ?? Math.min(b.max ?? 4, Math.max(min, 4)) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as Schema[]).map(inner));
    case 'union':
      return fc.oneof(...(def.options as Schema[]).map(inner));
    case 'intersection':
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : b));
    case 'record':
      return fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), inner(def.valueType), { maxKeys: 3 });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return depth > 12 ? fc.constant(undefined) : inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return depth > 6 ? fc.constant(null) : inner((def.getter as () => Schema)());
    case 'custom':
      return fc.uint8Array({ maxLength: 64 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function isOptional(s: Schema): boolean {
  const t = defOf(s).type;
  return t === 'optional' || t === 'default' || t === 'prefault' || (t === 'pipe' && isOptional(defOf(s).in as Schema));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------- hostile input ----------

/** The classes of hostile input, as counted in bench/results/hostile.json. */
export const HOSTILE_CLASSES = [
  'malformed-json',
  'wrong-type',
  'unknown-fields',
  'oversized-string',
  'huge-array',
  'deep-nesting',
  'lone-surrogate',
  'nul-and-control',
  'invalid-utf8',
  'prototype-keys',
] as const;
export type HostileClass = (typeof HOSTILE_CLASSES)[number];

export interface HostileBody {
  cls: HostileClass;
  /** the raw request body, sent as application/json */
  raw: string | Buffer;
}

const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, false, '', 'x', [], [null], {}, { a: 1 }, '0', 'NaN', -0.5, 2 ** 53 + 1];
const wrongType = fc.constantFrom(...WRONG_TYPES);
const NASTY_STRINGS = [
  '\ud800',
  'a\udfffb',
  '\udc00\ud800',
  '协商\ud83d',
  '\u0000',
  'a\u0000b',
  '\u202e\u0007\u001b[31m',
  '\uffff\ufffe',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
];
const PROTO_JSON = [
  '{"__proto__":{"polluted":"yes","roles":["admin"],"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}',
];
const MALFORMED = ['{', '{"a":', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":1}garbage', '[1,2', '{"a":"\\x41"}', '/* c */{}', '{"a":01}', '\u0000', '{"a":"unterminated}', 'undefined', '{"a":1}{"b":2}'];

/** A deeply nested JSON text (built as text: JSON.stringify itself would overflow). */
export const deepJson = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Splice `replacement` (JSON text) into the value's JSON in place of one field (or the whole value). */
function spliceField(base: unknown, key: string | null, replacement: string): string {
  if (key === null || !isPlainObject(base)) return replacement;
  const marker = `__H7_MARK_${Math.floor(Math.random() * 1e9)}__`;
  return JSON.stringify({ ...base, [key]: marker }).replace(`"${marker}"`, replacement);
}

const keysOf = (schema: Schema | undefined): string[] => {
  if (!schema) return [];
  let def = defOf(schema);
  while (['optional', 'nullable', 'default', 'prefault', 'readonly', 'pipe'].includes(def.type)) def = defOf((def.innerType ?? def.in) as Schema);
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
};

/** One hostile request body for a route whose body schema is `schema`. */
export function hostileBody(schema: Schema | undefined): fc.Arbitrary<HostileBody> {
  const base: fc.Arbitrary<unknown> = schema ? validish(schema) : fc.constant({});
  const keys = keysOf(schema);
  const key = keys.length ? fc.option(fc.constantFrom(...keys), { nil: null, freq: 4 }) : fc.constant(null);
  const at = <T>(payload: fc.Arbitrary<T>, toJson: (p: T) => string, cls: HostileClass) =>
    fc.tuple(base, key, payload).map(([b, k, p]): HostileBody => ({ cls, raw: spliceField(b, k, toJson(p)) }));
  return fc.oneof(
    fc.constantFrom(...MALFORMED).map((raw): HostileBody => ({ cls: 'malformed-json', raw })),
    at(wrongType, (v) => JSON.stringify(v), 'wrong-type'),
    fc.tuple(base, fc.dictionary(fc.constantFrom('extra', 'isAdmin', 'roles', 'id', 'createdAt', '$where', 'toString', 'valueOf', 'hasOwnProperty', ''), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 })).map(
      ([b, extra]): HostileBody => ({ cls: 'unknown-fields', raw: JSON.stringify(isPlainObject(b) ? { ...b, ...extra } : extra) }),
    ),
    at(fc.constantFrom(10_001, 70_000, 300_000, 900_000, 1_200_000), (n) => JSON.stringify('议'.repeat(Math.floor(n / 3)) + 'x'.repeat(n % 3)), 'oversized-string'),
    at(fc.constantFrom(10_000, 60_000), (n) => `[${Array.from({ length: n }, (_, i) => i % 7).join(',')}]`, 'huge-array'),
    at(fc.constantFrom(200, 5_000, 100_000), (n) => (n % 2 ? deepObject(n) : deepJson(n)), 'deep-nesting'),
    at(fc.constantFrom(...NASTY_STRINGS.slice(0, 4)), (s) => JSON.stringify(s), 'lone-surrogate'),
    at(fc.constantFrom(...NASTY_STRINGS.slice(4)), (s) => JSON.stringify(s), 'nul-and-control'),
    fc.tuple(base, key, fc.constantFrom([0xc3, 0x28], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80])).map(([b, k, bytes]): HostileBody => {
      const text = spliceField(b, k, '"@@BAD@@"');
      const [before, after] = text.split('@@BAD@@');
      return { cls: 'invalid-utf8', raw: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]) };
    }),
    fc.tuple(base, fc.constantFrom(...PROTO_JSON), fc.boolean()).map(([b, proto, nested]): HostileBody => {
      const own = JSON.stringify(isPlainObject(b) ? b : {});
      const body = own === '{}' ? proto : own.slice(0, -1) + ',' + proto.slice(1);
      return { cls: 'prototype-keys', raw: nested && keys.length ? spliceField(b, keys[0], proto) : body };
    }),
  );
}

/** A hostile query string (without `?`) for a route whose query schema is `schema`. */
export function hostileQuery(schema: Schema | undefined): fc.Arbitrary<{ cls: HostileClass; qs: string }> {
  const keys = keysOf(schema);
  const key = fc.constantFrom(...(keys.length ? keys : ['q']));
  const enc = encodeURIComponent;
  return fc.oneof(
    fc.tuple(key, fc.constantFrom('x', '-1', '1e999', 'true', '[]', '{}', 'null', '0x10', ' ')).map(([k, v]) => ({ cls: 'wrong-type' as const, qs: `${enc(k)}=${enc(v)}` })),
    fc.tuple(key, fc.constantFrom('a', '1')).map(([k, v]) => ({ cls: 'wrong-type' as const, qs: `${enc(k)}=${v}&${enc(k)}=${v}&${enc(k)}[]=${v}` })),
    fc.constantFrom('isAdmin=1', 'roles=admin', 'bogus=%E5%8D%8F', '__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', '__proto__=x').map((qs) => ({ cls: 'unknown-fields' as const, qs })),
    fc.tuple(key, fc.constantFrom(3_000, 7_000)).map(([k, n]) => ({ cls: 'oversized-string' as const, qs: `${enc(k)}=${'x'.repeat(n)}` })),
    fc.tuple(key).map(([k]) => ({ cls: 'huge-array' as const, qs: Array.from({ length: 600 }, (_, i) => `${enc(k)}=${i}`).join('&') })),
    fc.tuple(key, fc.constantFrom('%ED%A0%80', '%C3%28', '%FF', '%E0%A4%A', '%', '%%')).map(([k, v]) => ({ cls: 'invalid-utf8' as const, qs: `${enc(k)}=${v}` })),
    fc.tuple(key, fc.constantFrom('%00', 'a%00b', '%1B%5B31m', '%E2%80%AE')).map(([k, v]) => ({ cls: 'nul-and-control' as const, qs: `${enc(k)}=${v}` })),
  );
}

/** A hostile path segment (already URL-encoded) for a `:param`. */
export const hostileSegment: fc.Arbitrary<{ cls: HostileClass; segment: string }> = fc.oneof(
  fc.constantFrom('not-a-uuid', '0', '-1', 'null', 'undefined', '00000000-0000-0000-0000-00000000000g', '%7B%7D', 'true').map((segment) => ({ cls: 'wrong-type' as const, segment })),
  fc.constantFrom(300, 4_000).map((n) => ({ cls: 'oversized-string' as const, segment: 'a'.repeat(n) })),
  fc.constantFrom('%ED%A0%80', '%C3%28', '%FF%FE', '%E0%A4%A', '%').map((segment) => ({ cls: 'invalid-utf8' as const, segment })),
  fc.constantFrom('%00', 'a%00', '%2E%2E%2F%2E%2E%2Fetc', '..%2F', '%0D%0ASet-Cookie:%20x=1').map((segment) => ({ cls: 'nul-and-control' as const, segment })),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty').map((segment) => ({ cls: 'prototype-keys' as const, segment })),
);

export interface HostileSocketPayload {
  cls: HostileClass;
  payload: unknown;
  /** the payload as JSON text, for what a client library refuses to encode itself (deep nesting) */
  raw?: string;
}

/** A garbage socket payload: wrong shapes, binary, oversized, deeply nested, prototype keys. */
export function hostileSocketPayload(schema: Schema): fc.Arbitrary<HostileSocketPayload> {
  const keys = keysOf(schema);
  const base = validish(schema);
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    wrongType.map((payload) => ({ cls: 'wrong-type' as const, payload })),
    fc.tuple(base, key, wrongType).map(([b, k, v]) => ({ cls: 'wrong-type' as const, payload: isPlainObject(b) ? { ...b, [k]: v } : v })),
    fc.tuple(base, fc.constantFrom('extra', 'isHost', 'actorId', 'roles')).map(([b, k]) => ({ cls: 'unknown-fields' as const, payload: isPlainObject(b) ? { ...b, [k]: true } : { [k]: true } })),
    fc.tuple(base, key, fc.constantFrom(10_000, 200_000)).map(([b, k, n]) => ({ cls: 'oversized-string' as const, payload: isPlainObject(b) ? { ...b, [k]: 'x'.repeat(n) } : 'x'.repeat(n) })),
    fc.tuple(base, key).map(([b, k]) => ({ cls: 'huge-array' as const, payload: isPlainObject(b) ? { ...b, [k]: Array.from({ length: 20_000 }, (_, i) => i) } : [] })),
    fc.tuple(base, key, fc.constantFrom(...NASTY_STRINGS)).map(([b, k, s]) => ({ cls: 'lone-surrogate' as const, payload: isPlainObject(b) ? { ...b, [k]: s } : s })),
    fc.tuple(base, key, fc.constantFrom(500, 5_000, 100_000)).map(([b, k, depth]): HostileSocketPayload => {
      const nested = depth > 5_000 ? deepJson(depth) : deepObject(depth);
      return { cls: 'deep-nesting', payload: null, raw: spliceField(b, k, nested) };
    }),
    fc.tuple(fc.uint8Array({ minLength: 0, maxLength: 512 }), base, key).map(([bytes, b, k]) => ({
      cls: 'invalid-utf8' as const,
      payload: isPlainObject(b) && bytes.length % 2 ? { ...b, [k]: Buffer.from(bytes) } : Buffer.from(bytes),
    })),
    fc.tuple(base, fc.constantFrom(...PROTO_JSON)).map(([b, proto]) => ({ cls: 'prototype-keys' as const, payload: { ...(isPlainObject(b) ? b : {}), ...(JSON.parse(proto) as object) } })),
  );
}
