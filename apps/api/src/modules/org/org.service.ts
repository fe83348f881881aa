import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrgKind, OrgUnit, OrgUnitInput } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { ORG_ENTITIES } from './org-unit.entity';

const MEMBER_COLUMN: Record<OrgKind, string> = { sectors: 'sector_id', committees: 'committee_id', departments: 'department_id' };

type OrgRow = { id: string; name: string; short_name: string | null; description: string | null; sort_order: number; member_count: number; head_id: string | null; head_name: string | null };

@Injectable()
export class OrgService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(kind: OrgKind): Promise<OrgUnit[]> {
    // Only committees have a head (committees.head_user_id).
    const head = kind === 'committees' ? { cols: 'o.head_user_id AS head_id, hu.name AS head_name', join: 'LEFT JOIN users hu ON hu.id = o.head_user_id' } : { cols: 'NULL::uuid AS head_id, NULL::text AS head_name', join: '' };
    const rows: OrgRow[] = await this.ds.query(
      `SELECT o.id, o.name, o.short_name, o.description, o.sort_order, ${head.cols},
              (SELECT count(*)::int FROM users u WHERE u.${MEMBER_COLUMN[kind]} = o.id AND u.active) AS member_count
         FROM ${kind} o ${head.join} ORDER BY o.sort_order, o.name`,
    );
    return rows.map((r) => ({
      id: r.id, name: r.name, shortName: r.short_name, description: r.description, sortOrder: r.sort_order, memberCount: r.member_count, headId: r.head_id, headName: r.head_name,
    }));
  }

  private async get(kind: OrgKind, id: string): Promise<OrgUnit> {
    const found = (await this.list(kind)).find((o) => o.id === id);
    if (!found) throw new AppException('NOT_FOUND');
    return found;
  }

  private async assertNameFree(kind: OrgKind, name: string, exceptId?: string) {
    const [row] = await this.ds.query(`SELECT id FROM ${kind} WHERE name = $1 AND id IS DISTINCT FROM $2`, [name, exceptId ?? null]);
    if (row) throw new AppException('NAME_TAKEN', undefined, [{ path: 'body.name', code: 'taken', message: 'name taken' }]);
  }

  /** A head belongs to committees only and must be an active account. */
  private async assertHead(m: EntityManager, kind: OrgKind, headId: string | null | undefined) {
    if (headId === undefined || headId === null) return;
    const issue = (code: string, message: string) => new AppException('VALIDATION_FAILED', undefined, [{ path: 'body.headId', code, message }]);
    if (kind !== 'committees') throw issue('not_allowed', 'Only committees have a head');
    const [row] = await m.query(`SELECT 1 FROM users WHERE id = $1 AND active`, [headId]);
    if (!row) throw issue('unknown', 'No such active user');
  }

  private columns(input: Partial<OrgUnitInput>) {
    const { headId, ...rest } = input;
    return headId === undefined ? rest : { ...rest, headUserId: headId };
  }

  async create(actorId: string, kind: OrgKind, input: OrgUnitInput): Promise<OrgUnit> {
    await this.assertNameFree(kind, input.name);
    const id = await this.ds.transaction(async (m) => {
      await this.assertHead(m, kind, input.headId);
      const saved = await m.save(ORG_ENTITIES[kind], { ...this.columns(input), shortName: input.shortName ?? null, description: input.description ?? null, sortOrder: input.sortOrder });
      await this.audit.record({ actorId, action: `${kind}.created`, entity: kind, entityId: saved.id, data: { name: input.name, ...(input.headId ? { headId: input.headId } : {}) } }, m);
      return saved.id;
    });
    return this.get(kind, id);
  }

  async update(actorId: string, kind: OrgKind, id: string, patch: Partial<OrgUnitInput>): Promise<OrgUnit> {
    await this.get(kind, id);
    if (patch.name) await this.assertNameFree(kind, patch.name, id);
    await this.ds.transaction(async (m) => {
      await this.assertHead(m, kind, patch.headId);
      const changes = this.columns(patch);
      if (Object.keys(changes).length) await m.update(ORG_ENTITIES[kind], { id }, changes);
      await this.audit.record({ actorId, action: `${kind}.updated`, entity: kind, entityId: id, data: patch }, m);
    });
    return this.get(kind, id);
  }

  async remove(actorId: string, kind: OrgKind, id: string): Promise<void> {
    await this.get(kind, id);
    await this.ds.transaction(async (m) => {
      // Count inactive members too: the foreign key would refuse the delete anyway.
      const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM users WHERE ${MEMBER_COLUMN[kind]} = $1`, [id]);
      if (count > 0) throw new AppException('IN_USE', { count });
      await m.delete(ORG_ENTITIES[kind], { id });
      await this.audit.record({ actorId, action: `${kind}.deleted`, entity: kind, entityId: id }, m);
    });
  }
}
