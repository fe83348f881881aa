import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('meeting_materials')
export class MeetingMaterialEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') meetingId!: string;
  @Column('text') fileName!: string;
  @Column('text') mimeType!: string;
  @Column('int') sizeBytes!: number;
  @Column('text') sha256!: string;
  /** loaded only for downloads */
  @Column('bytea', { select: false }) content!: Buffer;
  @Column('uuid', { nullable: true }) uploadedBy!: string | null;
  @Column('timestamptz', { default: () => 'now()' }) uploadedAt!: Date;
}
