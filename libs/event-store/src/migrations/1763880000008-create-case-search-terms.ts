import type { MigrationInterface, QueryRunner } from 'typeorm';

// The blind search index: keyed hashes (HMAC-SHA-256) of the normalised words of a survivor's name, her phone
// digits and passport number. A query hashes its terms with the same key and matches hashes, so a case can be
// found by name while this table holds no name; without the key it reveals nothing.
export class CreateCaseSearchTerms1763880000008 implements MigrationInterface {
  name = 'CreateCaseSearchTerms1763880000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_search_terms (
        term_hash bytea NOT NULL,
        case_id   text  NOT NULL,
        PRIMARY KEY (term_hash, case_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_search_terms`);
  }
}
