import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outcomes (flow 8): recipients, instructions, assignments, feedback rounds, the trail. */
export class Outcomes1764500000000 implements MigrationInterface {
  name = 'Outcomes1764500000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
