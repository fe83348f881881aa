import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

abstract class OrgUnitBase {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) shortName!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('int') sortOrder!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** 界别 */
@Entity('sectors')
export class SectorEntity extends OrgUnitBase {}

/** 专门委员会 */
@Entity('committees')
export class CommitteeEntity extends OrgUnitBase {
  /** 主任: decides leave for the committee's own activities (meeting types with leave approver committee_head) */
  @Column('uuid', { nullable: true }) headUserId!: string | null;
}

/** 承办单位 / government department */
@Entity('departments')
export class DepartmentEntity extends OrgUnitBase {}

export const ORG_ENTITIES = { sectors: SectorEntity, committees: CommitteeEntity, departments: DepartmentEntity } as const;
