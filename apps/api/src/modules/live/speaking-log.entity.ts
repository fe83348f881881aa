import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EntryKind, SpeakingMode } from '@xieshang/contracts';

/** A finished speech: written when the reducer moves an entry to `done`; feeds minutes and duty records. */
@Entity('speaking_log')
export class SpeakingLogEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') meetingId!: string;
  @Column('uuid') entryId!: string;
  @Column('uuid') memberId!: string;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text', { nullable: true }) sectorName!: string | null;
  @Column('text') kind!: EntryKind;
  @Column('text') mode!: SpeakingMode;
  @Column('uuid', { nullable: true }) agendaItemId!: string | null;
  @Column('text', { nullable: true }) agendaTitle!: string | null;
  @Column('uuid', { nullable: true }) speechId!: string | null;
  @Column('timestamptz') startedAt!: Date;
  @Column('timestamptz') endedAt!: Date;
  @Column('int') durationMs!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
