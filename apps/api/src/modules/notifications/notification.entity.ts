import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind } from '@xieshang/contracts';

@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('text') kind!: NotificationKind;
  @Column('uuid', { nullable: true }) meetingId!: string | null;
  @Column('jsonb') params!: Record<string, string | number | boolean>;
  @Column('text', { nullable: true }) link!: string | null;
  @Column('text', { nullable: true }) dedupeKey!: string | null;
  @Column('timestamptz', { nullable: true }) readAt!: Date | null;
  @Column('timestamptz', { nullable: true }) emailedAt!: Date | null;
  @Column('timestamptz', { default: () => 'now()' }) createdAt!: Date;
}
