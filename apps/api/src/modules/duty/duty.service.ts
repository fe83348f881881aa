import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DutyEntry, DutyEntryInput, DutyRanking, DutyRankingQuery, DutyRankingRow, DutyRecord, SessionUser } from '@xieshang/contracts';
import { canReadDutyRecord, canSeeAllDutyRecords, rankByDutyScore, scoreDutyRecord } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { loadDutyEvents } from './duty-events';
import { readDutyRules } from './duty-rules.service';

type MemberRow = { id: string; name: string; sector_name: string | null; committee_name: string | null };
const toMember = (u: MemberRow) => ({ userId: u.id, name: u.name, sectorName: u.sector_name, committeeName: u.committee_name });

const MEMBER_SELECT = `SELECT u.id, u.name, s.name AS sector_name, c.name AS committee_name
  FROM users u LEFT JOIN sectors s ON s.id = u.sector_id LEFT JOIN committees c ON c.id = u.committee_id`;

/** The calendar year of `now` in the organisation's time zone. */
export function yearIn(timeZone: string, now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric' }).format(now));
}

/**
 * Duty records: each read scores the year's events from the tables with the rules in force, in one
 * repeatable-read transaction so the rules and every table are read at the same moment.
 */
@Injectable()
export class DutyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  private snapshot<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction('REPEATABLE READ', fn);
  }

  async record(viewer: SessionUser, userId: string, year?: number): Promise<DutyRecord> {
    // Members asking for someone else's record learn nothing, not even whether the id exists.
    if (!canReadDutyRecord(viewer, userId)) throw new AppException('FORBIDDEN');
    return this.snapshot(async (m) => {
      const { timeZone } = await this.settings.get(m);
      const y = year ?? yearIn(timeZone);
      const [member]: MemberRow[] = await m.query(`${MEMBER_SELECT} WHERE u.id = $1`, [userId]);
      if (!member) throw new AppException('NOT_FOUND');
      const { version, rules } = await readDutyRules(m);
      const events = (await loadDutyEvents(m, { year: y, timeZone, userIds: [userId] })).get(userId) ?? [];
      const types: Array<{ code: string; name_zh: string; name_en: string }> = await m.query(`SELECT code, name_zh, name_en FROM meeting_types`);
      return {
        ...toMember(member),
        year: y,
        rulesVersion: version,
        ...scoreDutyRecord(rules, events),
        meetingTypes: Object.fromEntries(types.map((t) => [t.code, { nameZh: t.name_zh, nameEn: t.name_en }])),
      };
    });
  }

  /** Active members (sector and committee filters), highest score first. */
  async ranking(viewer: SessionUser, q: DutyRankingQuery): Promise<DutyRanking> {
    if (!canSeeAllDutyRecords(viewer)) throw new AppException('FORBIDDEN');
    return this.snapshot(async (m) => {
      const { timeZone } = await this.settings.get(m);
      const where = [`u.active`, `'member' = ANY(u.roles)`];
      const args: unknown[] = [];
      if (q.sectorId) where.push(`u.sector_id = $${args.push(q.sectorId)}`);
      if (q.committeeId) where.push(`u.committee_id = $${args.push(q.committeeId)}`);
      const members: MemberRow[] = await m.query(`${MEMBER_SELECT} WHERE ${where.join(' AND ')} ORDER BY convert_to(u.name, 'UTF8'), u.id`, args);
      const { version, rules } = await readDutyRules(m);
      const events = await loadDutyEvents(m, { year: q.year, timeZone, userIds: members.map((u) => u.id) });
      const order = new Map(members.map((u, i) => [u.id, i]));
      const rows = members.map((u) => {
        const { score, kinds } = scoreDutyRecord(rules, events.get(u.id) ?? []);
        return { ...toMember(u), score, kinds };
      });
      const items: DutyRankingRow[] = rankByDutyScore(rows, (a, b) => order.get(a.userId)! - order.get(b.userId)!);
      return { year: q.year, rulesVersion: version, items };
    });
  }

  async listEntries(q: { year: number; userId?: string }): Promise<DutyEntry[]> {
    const rows: EntryRow[] = await this.ds.query(
      `${ENTRY_SELECT} WHERE e.deleted_at IS NULL AND e.year = $1 AND ($2::uuid IS NULL OR e.user_id = $2) ORDER BY e.occurred_on DESC, e.created_at DESC`,
      [q.year, q.userId ?? null],
    );
    return rows.map(toEntry);
  }

  async addEntry(actor: SessionUser, input: DutyEntryInput): Promise<DutyEntry> {
    return this.ds.transaction(async (m) => {
      const [user]: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE id = $1`, [input.userId]);
      if (!user) throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'body.userId', code: 'unknown_reference', message: 'no such member' }]);
      const { timeZone } = await this.settings.get(m);
      const [{ today }]: Array<{ today: string }> = await m.query(`SELECT (now() AT TIME ZONE $1::text)::date::text AS today`, [timeZone]);
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO duty_entries (user_id, year, points, reason, occurred_on, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.userId, input.year, input.points, input.reason, input.occurredOn ?? today, actor.id],
      );
      await this.audit.record({ actorId: actor.id, action: 'duty_entry.added', entity: 'duty_entry', entityId: row.id, data: { userId: input.userId, year: input.year, points: input.points, reason: input.reason } }, m);
      return this.entry(m, row.id);
    });
  }

  /** Withdraw an entry: it stops counting; the row and the audit log keep what it was. */
  async withdrawEntry(actor: SessionUser, id: string, withdrawReason: string): Promise<{ ok: true }> {
    return this.ds.transaction(async (m) => {
      const [row]: Array<{ user_id: string; year: number; points: number; reason: string }> = await m.query(
        // Through a CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
        `WITH w AS (UPDATE duty_entries SET deleted_at = now(), deleted_by = $2, delete_reason = $3 WHERE id = $1 AND deleted_at IS NULL RETURNING user_id, year, points, reason)
         SELECT user_id, year, points::float8 AS points, reason FROM w`,
        [id, actor.id, withdrawReason],
      );
      if (!row) throw new AppException('NOT_FOUND');
      await this.audit.record({ actorId: actor.id, action: 'duty_entry.withdrawn', entity: 'duty_entry', entityId: id, data: { userId: row.user_id, year: row.year, points: row.points, reason: row.reason, withdrawReason } }, m);
      return { ok: true as const };
    });
  }

  private async entry(m: EntityManager, id: string): Promise<DutyEntry> {
    const [row]: EntryRow[] = await m.query(`${ENTRY_SELECT} WHERE e.id = $1`, [id]);
    return toEntry(row);
  }
}

type EntryRow = { id: string; user_id: string; user_name: string; year: number; points: number; reason: string; occurred_on: string; created_by_name: string | null; created_at: Date };
const ENTRY_SELECT = `SELECT e.id, e.user_id, u.name AS user_name, e.year, e.points::float8 AS points, e.reason, e.occurred_on::text AS occurred_on,
    cb.name AS created_by_name, e.created_at
  FROM duty_entries e JOIN users u ON u.id = e.user_id LEFT JOIN users cb ON cb.id = e.created_by`;
const toEntry = (r: EntryRow): DutyEntry => ({
  id: r.id, userId: r.user_id, userName: r.user_name, year: r.year, points: r.points, reason: r.reason,
  occurredOn: r.occurred_on, createdByName: r.created_by_name, createdAt: r.created_at.toISOString(),
});
