import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/members/user.entity';
import { CommitteeEntity, DepartmentEntity, SectorEntity } from '../modules/org/org-unit.entity';

/** Every entity. Feature issues append theirs here. */
export const ENTITIES = [UserEntity, SectorEntity, CommitteeEntity, DepartmentEntity, SessionEntity, AuditLogEntity];
