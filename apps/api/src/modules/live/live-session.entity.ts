import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LiveEvent, LiveState } from '@xieshang/contracts';

/** The speaking-queue state of one meeting; its row lock serializes commands across instances. */
@Entity('live_sessions')
export class LiveSessionEntity {
  @PrimaryColumn('uuid') meetingId!: string;
  @Column('jsonb') state!: LiveState;
  @Column('int') version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** One accepted command as broadcast; (meeting, clientCommandId) is unique so a retry is applied once. */
@Entity('live_events')
export class LiveEventEntity {
  @PrimaryColumn('uuid') meetingId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('uuid') clientCommandId!: string;
  @Column('uuid') actorId!: string;
  @Column('jsonb') event!: LiveEvent;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
