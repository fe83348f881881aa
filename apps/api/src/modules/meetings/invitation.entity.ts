import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AttendanceStatus, InvitationState } from '@xieshang/contracts';

@Entity('meeting_invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') meetingId!: string;
  @Column('uuid') userId!: string;
  @Column('text') state!: InvitationState;
  @Column('timestamptz', { nullable: true }) respondedAt!: Date | null;
  @Column('text', { nullable: true }) leaveReason!: string | null;
  @Column('text', { nullable: true }) leaveComment!: string | null;
  @Column('uuid', { nullable: true }) leaveDecidedBy!: string | null;
  @Column('timestamptz', { nullable: true }) leaveDecidedAt!: Date | null;
  @Column('text', { nullable: true }) checkInMode!: 'room' | 'remote' | 'staff' | null;
  @Column('timestamptz', { nullable: true }) checkedInAt!: Date | null;
  /** final attendance, set when the meeting ends */
  @Column('text', { nullable: true }) attendance!: AttendanceStatus | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
