import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { hashPassword } from '../modules/auth/passwords';
import { seedStandardMeetingTypes } from '../modules/meetings/standard-meeting-types';
import { seedDefaultSettings } from '../modules/settings/settings.service';
import { DEMO_PASSWORD } from './demo-data';
import { seedDemo } from './seed-demo';

/**
 * Embedded database and no users yet: seed the demo committee (SEED_DEMO=auto).
 * With DATABASE_URL, seed no demo data unless SEED_DEMO=true; create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD.
 */
export async function seedOnBoot(ds: DataSource, config: AppConfig, ctx: { embedded: boolean; log: (m: string) => void }): Promise<void> {
  // Every boot, demo or not: the standard meeting types (by code) and the default holiday calendar.
  await seedStandardMeetingTypes(ds);
  await seedDefaultSettings(ds);
  const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM users`);
  const wantDemo = config.SEED_DEMO === 'true' || (config.SEED_DEMO === 'auto' && ctx.embedded);
  if (wantDemo && count === 0) {
    const logins = await seedDemo(ds);
    ctx.log(['Seeded the demo committee. Demo logins (password: ' + DEMO_PASSWORD + '):', ...logins.map((l) => `  ${l.email.padEnd(44)} ${l.role}`)].join('\n'));
  }
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const email = config.ADMIN_EMAIL.toLowerCase();
    const rows = await ds.query(
      `INSERT INTO users (email, name, password_hash, roles) VALUES ($1, $2, $3, ARRAY['admin']) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, 'Administrator', await hashPassword(config.ADMIN_PASSWORD)],
    );
    if (rows.length) ctx.log(`Created the first admin account ${email}`);
  }
}
