import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale, Role } from '@xieshang/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text', { select: false }) passwordHash!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('boolean') isStandingCommittee!: boolean;
  @Column('uuid', { nullable: true }) sectorId!: string | null;
  @Column('uuid', { nullable: true }) committeeId!: string | null;
  @Column('uuid', { nullable: true }) departmentId!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) affiliation!: string | null;
  @Column('boolean') active!: boolean;
  @Column('text') locale!: Locale;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
