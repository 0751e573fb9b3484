import { Client } from 'pg';
import { MIGRATIONS, createDataSource, runMigrations } from '@baoho/event-store';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('leave nothing pending in a database cloned from the test template', async () => {
    expect(await runMigrations(db.url)).toEqual([]);
  });

  it('are undone and redone in order, each in its own transaction', async () => {
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    try {
      expect(dataSource.options.synchronize).toBe(false);
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = await dataSource.query(`SELECT to_regclass('events') AS events, to_regclass('case_summary') AS summary`);
      expect(tables).toEqual([{ events: null, summary: null }]);
    } finally {
      await dataSource.destroy();
    }

    expect(await runMigrations(db.url)).toEqual(MIGRATIONS.map((Migration) => new Migration().name));

    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    await client.end();
    expect(rows.map((row) => row.table_name)).toEqual([
      'case_read_audit', 'case_search_terms', 'case_summary', 'data_keys', 'events', 'hotline_rejections', 'idempotency_keys', 'open_deadlines', 'schema_migrations', 'staff_directory', 'subscription_checkpoints',
    ]);
  });
});
