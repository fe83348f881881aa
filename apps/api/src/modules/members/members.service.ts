import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ImportPreview, Member, MemberInput, MemberListQuery, MemberPatch, Page, SessionUser } from '@xieshang/contracts';
import { canSeeContactDetails, checkSelfEdit, memberProfileIssues } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { hashPassword, unusablePassword } from '../auth/passwords';
import { OrgLookup, parseImportFile, validateRows } from './member-import';
import { UserEntity } from './user.entity';

type MemberRow = {
  id: string; email: string; name: string; roles: Member['roles']; is_standing_committee: boolean;
  sector_id: string | null; sector_name: string | null; committee_id: string | null; committee_name: string | null;
  department_id: string | null; department_name: string | null; phone: string | null; affiliation: string | null;
  active: boolean; locale: Member['locale']; created_at: Date;
};

const SELECT = `SELECT u.id, u.email, u.name, u.roles, u.is_standing_committee, u.sector_id, s.name AS sector_name,
  u.committee_id, c.name AS committee_name, u.department_id, d.name AS department_name, u.phone, u.affiliation,
  u.active, u.locale, u.created_at
  FROM users u LEFT JOIN sectors s ON s.id = u.sector_id LEFT JOIN committees c ON c.id = u.committee_id
  LEFT JOIN departments d ON d.id = u.department_id`;

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private toMember(r: MemberRow, viewer: SessionUser): Member {
    const contact = canSeeContactDetails(viewer, r.id);
    return {
      id: r.id, email: contact ? r.email : '', name: r.name, roles: r.roles, isStandingCommittee: r.is_standing_committee,
      sectorId: r.sector_id, sectorName: r.sector_name, committeeId: r.committee_id, committeeName: r.committee_name,
      departmentId: r.department_id, departmentName: r.department_name, phone: contact ? r.phone : null,
      affiliation: r.affiliation, active: r.active, locale: r.locale, createdAt: r.created_at.toISOString(),
    };
  }

  async list(q: MemberListQuery, viewer: SessionUser): Promise<Page<Member>> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => (args.push(v), `$${args.length}`);
    const manager = viewer.roles.includes('admin');
    // Only the office sees deactivated accounts.
    if (q.active !== 'all' || !manager) where.push(`u.active = ${arg(manager ? q.active === 'true' : true)}`);
    if (q.q) {
      const like = arg(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(u.name ILIKE ${like} OR u.affiliation ILIKE ${like} OR s.name ILIKE ${like} OR c.name ILIKE ${like}${manager ? ` OR u.email ILIKE ${like}` : ''})`);
    }
    if (q.sectorId) where.push(`u.sector_id = ${arg(q.sectorId)}`);
    if (q.committeeId) where.push(`u.committee_id = ${arg(q.committeeId)}`);
    if (q.departmentId) where.push(`u.department_id = ${arg(q.departmentId)}`);
    if (q.role) where.push(`${arg(q.role)} = ANY(u.roles)`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM users u LEFT JOIN sectors s ON s.id = u.sector_id LEFT JOIN committees c ON c.id = u.committee_id ${w}`, args);
    const rows: MemberRow[] = await this.ds.query(
      `${SELECT} ${w} ORDER BY s.sort_order NULLS LAST, convert_to(u.name, 'UTF8'), u.id LIMIT ${arg(q.pageSize)} OFFSET ${arg((q.page - 1) * q.pageSize)}`,
      args,
    );
    return { items: rows.map((r) => this.toMember(r, viewer)), total: count, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string, viewer: SessionUser, m: EntityManager = this.ds.manager): Promise<Member> {
    const [row]: MemberRow[] = await m.query(`${SELECT} WHERE u.id = $1`, [id]);
    if (!row || (!row.active && !viewer.roles.includes('admin'))) throw new AppException('NOT_FOUND');
    return this.toMember(row, viewer);
  }

  private async assertRefs(m: EntityManager, input: { sectorId?: string | null; committeeId?: string | null; departmentId?: string | null; roles?: string[] }) {
    const checks: Array<[string, string | null | undefined, string]> = [
      ['sectors', input.sectorId, 'sectorId'],
      ['committees', input.committeeId, 'committeeId'],
      ['departments', input.departmentId, 'departmentId'],
    ];
    const issues = [];
    for (const [table, id, field] of checks) {
      if (!id) continue;
      const [row] = await m.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
      if (!row) issues.push({ path: `body.${field}`, code: 'unknown', message: `No such ${table.slice(0, -1)}` });
    }
    if (issues.length) throw new AppException('VALIDATION_FAILED', undefined, issues);
  }

  private assertProfile(p: { roles: MemberInput['roles']; departmentId: string | null | undefined }) {
    const issues = memberProfileIssues(p);
    if (issues.length) {
      throw new AppException('VALIDATION_FAILED', undefined, issues.map((i) => ({ path: `body.${i.field}`, code: i.code, message: 'A department liaison needs a department' })));
    }
  }

  private async assertEmailFree(m: EntityManager, email: string, exceptId?: string) {
    const [row] = await m.query(`SELECT id FROM users WHERE email = $1 AND id IS DISTINCT FROM $2`, [email, exceptId ?? null]);
    if (row) throw new AppException('EMAIL_TAKEN', undefined, [{ path: 'body.email', code: 'taken', message: 'email taken' }]);
  }

  async create(actor: SessionUser, input: MemberInput): Promise<Member> {
    return this.ds.transaction(async (m) => {
      this.assertProfile(input);
      await this.assertEmailFree(m, input.email);
      await this.assertRefs(m, input);
      const saved = await m.save(UserEntity, {
        email: input.email, name: input.name, roles: input.roles, isStandingCommittee: input.isStandingCommittee,
        sectorId: input.sectorId, committeeId: input.committeeId, departmentId: input.departmentId,
        phone: input.phone ?? null, affiliation: input.affiliation ?? null, active: true, locale: 'zh-CN',
        passwordHash: await hashPassword(input.password ?? unusablePassword()),
      });
      await this.audit.record({ actorId: actor.id, action: 'member.created', entity: 'user', entityId: saved.id, data: { email: input.email, roles: input.roles } }, m);
      return this.get(saved.id, actor, m);
    });
  }

  async update(actor: SessionUser, id: string, patch: MemberPatch): Promise<Member> {
    if (checkSelfEdit(actor, id, patch) !== 'ok') {
      throw new AppException('FORBIDDEN', undefined, [{ path: 'body', code: 'self_lockout', message: 'You cannot remove your own admin role or deactivate yourself' }]);
    }
    return this.ds.transaction(async (m) => {
      const [current] = await m.query(`SELECT roles, department_id FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw new AppException('NOT_FOUND');
      this.assertProfile({ roles: patch.roles ?? current.roles, departmentId: patch.departmentId !== undefined ? patch.departmentId : current.department_id });
      if (patch.email) await this.assertEmailFree(m, patch.email, id);
      await this.assertRefs(m, patch);
      const { password, ...fields } = patch;
      const changes: Partial<UserEntity> = { ...fields };
      if (password) changes.passwordHash = await hashPassword(password);
      if (Object.keys(changes).length) await m.update(UserEntity, { id }, changes);
      // A deactivated account or a reset password ends the user's sessions at once.
      if (patch.active === false || password) await m.query(`DELETE FROM sessions WHERE user_id = $1`, [id]);
      const { password: _omit, ...logged } = patch;
      await this.audit.record({ actorId: actor.id, action: patch.active === false ? 'member.deactivated' : 'member.updated', entity: 'user', entityId: id, data: { ...logged, passwordReset: Boolean(password) } }, m);
      return this.get(id, actor, m);
    });
  }

  private async orgLookup(m: EntityManager): Promise<OrgLookup> {
    const load = async (t: string) => {
      const rows: Array<{ id: string; name: string; short_name: string | null }> = await m.query(`SELECT id, name, short_name FROM ${t}`);
      const map = new Map<string, string>();
      for (const r of rows) {
        map.set(r.name, r.id);
        if (r.short_name) map.set(r.short_name, r.id);
      }
      return map;
    };
    return { sectors: await load('sectors'), committees: await load('committees'), departments: await load('departments') };
  }

  private async check(buf: Buffer, m: EntityManager) {
    const parsed = await parseImportFile(buf);
    const emails = parsed.rows.map((r) => (r.values.email ?? '').toLowerCase()).filter(Boolean);
    const existing: Array<{ email: string }> = emails.length ? await m.query(`SELECT email FROM users WHERE email = ANY($1)`, [emails]) : [];
    const { preview, valid } = validateRows(parsed.rows, await this.orgLookup(m), new Set(existing.map((e) => e.email)));
    const report: ImportPreview = {
      totalRows: preview.length,
      validRows: valid.length,
      invalidRows: preview.length - valid.length,
      fileIssues: parsed.headerIssues,
      rows: preview,
    };
    return { report, valid };
  }

  preview(buf: Buffer): Promise<ImportPreview> {
    return this.check(buf, this.ds.manager).then((r) => r.report);
  }

  /** All rows or none: any bad row (or a row made bad meanwhile) aborts the whole import. */
  async import(actor: SessionUser, buf: Buffer): Promise<{ created: number }> {
    return this.ds.transaction(async (m) => {
      // Serialize imports so two concurrent files cannot both pass the email check.
      await m.query(`SELECT pg_advisory_xact_lock(74610002)`);
      const { report, valid } = await this.check(buf, m);
      if (report.invalidRows > 0 || report.fileIssues.length > 0 || valid.length === 0) {
        throw new AppException('IMPORT_INVALID', { count: report.invalidRows + report.fileIssues.length }, report);
      }
      const password = await hashPassword(unusablePassword());
      for (let i = 0; i < valid.length; i += 500) {
        await m.insert(UserEntity, valid.slice(i, i + 500).map((v) => ({ ...v, active: true, locale: 'zh-CN' as const, passwordHash: password })));
      }
      await this.audit.record({ actorId: actor.id, action: 'member.imported', entity: 'user', data: { count: valid.length } }, m);
      return { created: valid.length };
    });
  }
}
