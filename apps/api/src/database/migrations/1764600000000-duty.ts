import { MigrationInterface, QueryRunner } from 'typeorm';

/** Duty records (flow 9): scoring rules and manual entries. */
export class Duty1764600000000 implements MigrationInterface {
  name = 'Duty1764600000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
