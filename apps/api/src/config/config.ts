import { z } from 'zod';
import * as fs from 'node:fs';
import * as path from 'node:path';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting the api reads, validated once at boot; a bad value stops the process with a clear message. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  ORG_NAME: z.string().default('示范市政协'),
  ORG_TIMEZONE: z.string().default('Asia/Shanghai'),
  WEB_DIST: z.string().optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** the address people reach the app at; used in calendar feed and check-in URLs (default: from the request) */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** default for the organisation's Jitsi base URL setting, e.g. https://meet.jit.si */
  JITSI_BASE_URL: z.url({ protocol: /^https$/ }).optional(),
  /** email copies of notifications; off when unset. smtp://user:pass@host:587 */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional(),
  SMTP_FROM: z.string().default('Xieshang <no-reply@localhost>'),
  /** how often each instance looks for due meeting reminders (idempotent across instances) */
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
});

export type AppConfig = z.infer<typeof ConfigSchema> & { webDist: string; dataDir: string };
export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const c = parsed.data;
  if ((c.ADMIN_EMAIL === undefined) !== (c.ADMIN_PASSWORD === undefined)) {
    throw new Error('Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const root = findRepoRoot();
  return {
    ...c,
    dataDir: path.resolve(root, c.DATA_DIR),
    webDist: c.WEB_DIST ? path.resolve(c.WEB_DIST) : path.join(root, 'apps/web/dist'),
  };
}

/** The repository root: the folder holding nx.json, searched upward from this file. */
export function findRepoRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}
