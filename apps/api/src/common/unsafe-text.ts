import type { FieldIssue } from '@xieshang/contracts';

/*
 * Text PostgreSQL cannot store as given: a NUL character (refused in text, and as \u0000 in jsonb) and lone
 * UTF-16 surrogates (refused in jsonb, silently turned into U+FFFD in text). Such input is the caller's
 * mistake: it is refused up front with the field named, instead of failing inside a transaction as a 500.
 */

const MAX_DEPTH = 64;

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unsafe = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** Issues for every unsafe string in an already-validated value (schemas bound the size and depth). */
export function unsafeTextIssues(value: unknown, prefix: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (typeof v === 'string') {
      if (unsafe(v)) out.push({ path, code: 'invalid_text', message: 'contains a NUL character or an unpaired surrogate' });
    } else if (v && typeof v === 'object' && depth < MAX_DEPTH && !(v instanceof Uint8Array) && !(v instanceof Date)) {
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, depth + 1);
    }
  };
  walk(value, prefix, 0);
  return out;
}
