import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgendaTemplateItem, LeaveApprover } from '@xieshang/contracts';

@Entity('meeting_types')
export class MeetingTypeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') nameZh!: string;
  @Column('text') nameEn!: string;
  @Column('int') noticeWorkingDays!: number;
  @Column('int') materialsWorkingDays!: number;
  @Column('text') leaveApprover!: LeaveApprover;
  @Column('int') speakingLimitMinutes!: number;
  @Column('jsonb') defaultAgenda!: AgendaTemplateItem[];
  @Column('boolean') active!: boolean;
  @Column('int') sortOrder!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
