import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PlanRules, type SessionUser } from '@xieshang/contracts';
import { DEFAULT_PLAN_RULES } from '@xieshang/domain';
import { AuditService } from '../audit/audit.service';

const KEY = 'planRules';

/**
 * The organisation rules of the annual plan, stored in app_settings under `planRules`; the defaults
 * of libs/domain apply until the office saves its own. Also read at public-call intake
 * (maxTopicsPerPersonPerCall): use `readPlanRules(manager)` from there.
 */
export async function readPlanRules(m: EntityManager | DataSource): Promise<PlanRules> {
  const [row]: Array<{ value: unknown }> = await m.query(`SELECT value FROM app_settings WHERE key = $1`, [KEY]);
  if (!row) return structuredClone(DEFAULT_PLAN_RULES);
  // A stored value from an older shape falls back field by field rather than failing every plan.
  const parsed = PlanRules.partial().safeParse(row.value);
  return { ...structuredClone(DEFAULT_PLAN_RULES), ...(parsed.success ? parsed.data : {}) };
}

@Injectable()
export class PlanRulesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  get(m: EntityManager = this.ds.manager): Promise<PlanRules> {
    return readPlanRules(m);
  }

  async update(actor: SessionUser, rules: PlanRules): Promise<PlanRules> {
    // Zero minimums say nothing; dropping them keeps the live panel to the rules that bind.
    const cleaned: PlanRules = { ...rules, minActivitiesPerType: Object.fromEntries(Object.entries(rules.minActivitiesPerType).filter(([, n]) => n > 0)) };
    return this.ds.transaction(async (m) => {
      const before = await readPlanRules(m);
      await m.query(
        `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2::jsonb, now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [KEY, JSON.stringify(cleaned)],
      );
      await this.audit.record({ actorId: actor.id, action: 'plan_rules.updated', entity: 'settings', data: { before, after: cleaned } }, m);
      return cleaned;
    });
  }
}
