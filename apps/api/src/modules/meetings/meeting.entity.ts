import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { InviteeSelection, LiveAgendaItem, MeetingMode, MeetingState } from '@xieshang/contracts';

@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') typeId!: string;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text') state!: MeetingState;
  @Column('timestamptz') startsAt!: Date;
  @Column('timestamptz') endsAt!: Date;
  @Column('text', { nullable: true }) venue!: string | null;
  @Column('text') mode!: MeetingMode;
  @Column('text', { nullable: true }) videoUrl!: string | null;
  @Column('uuid', { nullable: true }) hostId!: string | null;
  @Column('uuid', { nullable: true }) committeeId!: string | null;
  @Column('uuid', { nullable: true }) planItemId!: string | null;
  @Column('jsonb') agenda!: LiveAgendaItem[];
  @Column('jsonb') inviteeSelection!: InviteeSelection;
  @Column('timestamptz', { nullable: true }) replyDeadline!: Date | null;
  @Column('boolean') firstTimeFirst!: boolean;
  @Column('int') speakingLimitMinutes!: number;
  @Column('text', { nullable: true }) cancelReason!: string | null;
  /** never serialised to clients */
  @Column({ type: 'bytea', select: false, insert: false, update: false }) checkInSecret!: Buffer;
  @VersionColumn() version!: number;
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
