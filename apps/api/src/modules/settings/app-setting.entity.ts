import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Organisation settings as key → JSON (time zone, Jitsi base URL, holiday calendar). */
@Entity('app_settings')
export class AppSettingEntity {
  @PrimaryColumn('text') key!: string;
  @Column('jsonb') value!: unknown;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
