import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DutyRules, type DutyRulesView, type SessionUser } from '@xieshang/contracts';
import { DEFAULT_DUTY_RULES } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';

export interface RulesInForce {
  version: number;
  rules: DutyRules;
}

/**
 * The scoring rules in force: the newest row of duty_rule_versions, or the defaults of libs/domain
 * (version 0) until the office saves its own. A stored version that no longer parses (an older shape)
 * falls back to the defaults field by field rather than failing every record.
 */
export async function readDutyRules(m: EntityManager | DataSource): Promise<RulesInForce & { createdAt: Date | null; createdByName: string | null }> {
  const [row]: Array<{ version: number; rules: unknown; created_at: Date; created_by_name: string | null }> = await m.query(
    `SELECT v.version, v.rules, v.created_at, u.name AS created_by_name
       FROM duty_rule_versions v LEFT JOIN users u ON u.id = v.created_by ORDER BY v.version DESC LIMIT 1`,
  );
  if (!row) return { version: 0, rules: structuredClone(DEFAULT_DUTY_RULES), createdAt: null, createdByName: null };
  const full = DutyRules.safeParse(row.rules);
  const rules = full.success ? full.data : { ...structuredClone(DEFAULT_DUTY_RULES), ...(row.rules as Partial<DutyRules>) };
  return { version: row.version, rules, createdAt: row.created_at, createdByName: row.created_by_name };
}

@Injectable()
export class DutyRulesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async view(m: EntityManager | DataSource = this.ds): Promise<DutyRulesView> {
    const current = await readDutyRules(m);
    const types: Array<{ code: string; name_zh: string; name_en: string }> = await m.query(
      `SELECT code, name_zh, name_en FROM meeting_types ORDER BY sort_order, code`,
    );
    return {
      version: current.version,
      rules: current.rules,
      updatedAt: current.createdAt?.toISOString() ?? null,
      updatedByName: current.createdByName,
      meetingTypes: types.map((t) => ({ code: t.code, nameZh: t.name_zh, nameEn: t.name_en })),
    };
  }

  /** Save a new version; records are recomputed from it on the next read (nothing stored to redo). */
  async update(actor: SessionUser, rules: DutyRules): Promise<DutyRulesView> {
    // Meeting types without an override say nothing; dropping them keeps the stored rules readable.
    const cleaned: DutyRules = {
      ...rules,
      meetingTypePoints: Object.fromEntries(Object.entries(rules.meetingTypePoints).filter(([, byKind]) => Object.keys(byKind).length > 0)),
    };
    return this.ds.transaction(async (m) => {
      const codes = Object.keys(cleaned.meetingTypePoints);
      if (codes.length) {
        const known: Array<{ code: string }> = await m.query(`SELECT code FROM meeting_types WHERE code = ANY($1)`, [codes]);
        const unknown = codes.filter((c) => !known.some((k) => k.code === c));
        if (unknown.length) {
          throw new AppException('VALIDATION_FAILED', undefined, unknown.map((c) => ({ path: `body.meetingTypePoints.${c}`, code: 'unknown_reference', message: 'no meeting type has this code' })));
        }
      }
      const before = await readDutyRules(m);
      const [row]: Array<{ version: number }> = await m.query(
        `INSERT INTO duty_rule_versions (rules, created_by) VALUES ($1::jsonb, $2) RETURNING version`,
        [JSON.stringify(cleaned), actor.id],
      );
      await this.audit.record({ actorId: actor.id, action: 'duty_rules.updated', entity: 'duty_rules', entityId: String(row.version), data: { version: row.version, fromVersion: before.version, before: before.rules, after: cleaned } }, m);
      return this.view(m);
    });
  }
}
