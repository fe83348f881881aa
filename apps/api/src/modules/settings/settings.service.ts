import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { z } from 'zod';
import { DataSource, EntityManager } from 'typeorm';
import { OrgSettingsPatch, type OrgSettings, type SessionUser } from '@xieshang/contracts';
import type { WorkingCalendar } from '@xieshang/domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_WORKDAYS, type DatedName } from './default-calendar';

type EditableKey = keyof z.infer<typeof OrgSettingsPatch>;
const KEYS: readonly EditableKey[] = ['timeZone', 'jitsiBaseUrl', 'holidays', 'makeupWorkdays'];

/** One entry per date, in date order, so the stored list reads like a calendar. */
function byDate(list: readonly DatedName[]): DatedName[] {
  const map = new Map(list.map((d) => [d.date, { date: d.date, name: d.name ?? null }]));
  return [...map.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Write the default holiday calendar unless the office has one already; runs on every boot. */
export async function seedDefaultSettings(m: EntityManager | DataSource): Promise<void> {
  await m.query(
    `INSERT INTO app_settings (key, value) VALUES ('holidays', $1::jsonb), ('makeupWorkdays', $2::jsonb) ON CONFLICT (key) DO NOTHING`,
    [JSON.stringify(byDate(DEFAULT_HOLIDAYS)), JSON.stringify(byDate(DEFAULT_MAKEUP_WORKDAYS))],
  );
}

/**
 * Organisation settings in `app_settings` (key → JSON). Unset keys fall back to the configuration
 * (ORG_TIMEZONE, JITSI_BASE_URL) or the default holiday calendar; emailEnabled follows SMTP_URL.
 */
@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.ds.manager): Promise<OrgSettings> {
    const rows: Array<{ key: string; value: unknown }> = await manager.query(`SELECT key, value FROM app_settings WHERE key = ANY($1)`, [KEYS]);
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    const pick = <T>(key: EditableKey, fallback: T): T => (stored.has(key) ? (stored.get(key) as T) : fallback);
    return {
      timeZone: pick('timeZone', this.config.ORG_TIMEZONE),
      jitsiBaseUrl: pick<string | null>('jitsiBaseUrl', this.config.JITSI_BASE_URL ?? null),
      holidays: pick('holidays', byDate(DEFAULT_HOLIDAYS)),
      makeupWorkdays: pick('makeupWorkdays', byDate(DEFAULT_MAKEUP_WORKDAYS)),
      emailEnabled: Boolean(this.config.SMTP_URL),
    };
  }

  /** The calendar the working-day rules of libs/domain need. */
  async workingCalendar(manager?: EntityManager): Promise<WorkingCalendar> {
    const s = await this.get(manager);
    return { timeZone: s.timeZone, holidays: new Set(s.holidays.map((d) => d.date)), makeupWorkdays: new Set(s.makeupWorkdays.map((d) => d.date)) };
  }

  async update(actor: SessionUser, patch: z.infer<typeof OrgSettingsPatch>): Promise<OrgSettings> {
    const values: Partial<Record<EditableKey, unknown>> = {
      ...patch,
      ...(patch.jitsiBaseUrl ? { jitsiBaseUrl: patch.jitsiBaseUrl.replace(/\/+$/, '') } : {}),
      ...(patch.holidays ? { holidays: byDate(patch.holidays.map((d) => ({ date: d.date, name: d.name ?? null }))) } : {}),
      ...(patch.makeupWorkdays ? { makeupWorkdays: byDate(patch.makeupWorkdays.map((d) => ({ date: d.date, name: d.name ?? null }))) } : {}),
    };
    return this.ds.transaction(async (m) => {
      for (const key of KEYS) {
        if (!(key in values)) continue;
        await m.query(
          `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2::jsonb, now())
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
          [key, JSON.stringify(values[key] ?? null)],
        );
      }
      await this.audit.record({ actorId: actor.id, action: 'settings.updated', entity: 'settings', data: { keys: Object.keys(values), ...summarise(values) } }, m);
      return this.get(m);
    });
  }
}

/** The audit keeps scalar changes whole and only the size of the holiday lists. */
function summarise(values: Partial<Record<EditableKey, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? { count: v.length } : v]));
}
