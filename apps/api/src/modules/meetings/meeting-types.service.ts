import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MeetingType, MeetingTypeInput, MeetingTypePatch, SessionUser } from '@xieshang/contracts';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { MeetingTypeEntity } from './meeting-type.entity';

export function toMeetingType(e: MeetingTypeEntity): MeetingType {
  return {
    id: e.id, code: e.code, nameZh: e.nameZh, nameEn: e.nameEn, noticeWorkingDays: e.noticeWorkingDays, materialsWorkingDays: e.materialsWorkingDays,
    leaveApprover: e.leaveApprover, speakingLimitMinutes: e.speakingLimitMinutes, defaultAgenda: e.defaultAgenda, active: e.active, sortOrder: e.sortOrder,
  };
}

@Injectable()
export class MeetingTypesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The office also sees retired (inactive) types, to edit or revive them. */
  async list(viewer: SessionUser): Promise<MeetingType[]> {
    const rows = await this.ds.getRepository(MeetingTypeEntity).find({
      where: viewer.roles.includes('admin') ? {} : { active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
    return rows.map(toMeetingType);
  }

  async find(id: string, m: EntityManager = this.ds.manager): Promise<MeetingTypeEntity | null> {
    return m.findOne(MeetingTypeEntity, { where: { id } });
  }

  async create(actor: SessionUser, input: MeetingTypeInput): Promise<MeetingType> {
    return this.ds.transaction(async (m) => {
      const [taken] = await m.query(`SELECT 1 FROM meeting_types WHERE code = $1`, [input.code]);
      if (taken) throw new AppException('NAME_TAKEN', undefined, [{ path: 'body.code', code: 'taken', message: 'A meeting type with this code exists; pick another code' }]);
      const saved = await m.save(MeetingTypeEntity, m.create(MeetingTypeEntity, input));
      await this.audit.record({ actorId: actor.id, action: 'meeting_type.created', entity: 'meeting_type', entityId: saved.id, data: { ...input } }, m);
      return toMeetingType(saved);
    });
  }

  async update(actor: SessionUser, id: string, patch: MeetingTypePatch): Promise<MeetingType> {
    return this.ds.transaction(async (m) => {
      const found = await m.findOne(MeetingTypeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new AppException('NOT_FOUND');
      const saved = await m.save(MeetingTypeEntity, m.merge(MeetingTypeEntity, found, patch));
      await this.audit.record({ actorId: actor.id, action: 'meeting_type.updated', entity: 'meeting_type', entityId: id, data: { ...patch } }, m);
      return toMeetingType(saved);
    });
  }
}
