import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SpeechState } from '@xieshang/contracts';

@Entity('meeting_speeches')
export class SpeechEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') meetingId!: string;
  @Column('uuid') authorId!: string;
  @Column('text') title!: string;
  @Column('text') content!: string;
  @Column('text') state!: SpeechState;
  @Column('text', { nullable: true }) reviewComment!: string | null;
  @Column('int', { nullable: true }) oralOrder!: number | null;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('uuid', { nullable: true }) reviewedBy!: string | null;
  @Column('timestamptz', { nullable: true }) reviewedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
