import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, Page } from '@xieshang/contracts';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Append-only trail of who did what. Write it in the same transaction as the change it describes. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(r: AuditRecord, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.insert(AuditLogEntity, { actorId: r.actorId, action: r.action, entity: r.entity, entityId: r.entityId ?? null, data: (r.data ?? {}) as object });
  }

  async list(q: { page: number; pageSize: number; entity?: string; entityId?: string }): Promise<Page<AuditEntry>> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.entity) { args.push(q.entity); where.push(`a.entity = $${args.length}`); }
    if (q.entityId) { args.push(q.entityId); where.push(`a.entity_id = $${args.length}`); }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM audit_log a ${w}`, args);
    args.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows: Array<{ id: string; at: Date; actor_id: string | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; data: unknown }> =
      await this.ds.query(
        `SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ${w}
         ORDER BY a.at DESC, a.id DESC LIMIT $${args.length - 1} OFFSET $${args.length}`,
        args,
      );
    return {
      items: rows.map((r) => ({ id: String(r.id), at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, data: r.data })),
      total: count,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
