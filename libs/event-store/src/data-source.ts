import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations/migration-list';

/**
 * A TypeORM DataSource for the project's database: migrations only, no entities and never `synchronize` — the
 * schema is written by hand and reviewed. The event store's hot path uses `pg` directly.
 */
export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    entities: [],
    migrations: [...MIGRATIONS],
    migrationsTableName: 'schema_migrations',
    // One connection: the advisory lock taken in runMigrations is held by the session that runs them.
    extra: { max: 1 },
    logging: false,
  });
}
