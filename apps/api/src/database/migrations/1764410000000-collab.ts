import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Yjs content of documents: the append-only update log and the compacted snapshot. */
export class Collab1764410000000 implements MigrationInterface {
  name = 'Collab1764410000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
