import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn('uuid') userId!: string;
  /** the secret in the feed URL; replacing it revokes the old URL */
  @Column('text') token!: string;
  @Column('timestamptz', { default: () => 'now()' }) createdAt!: Date;
}
