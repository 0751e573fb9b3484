import { databaseConfig, loadConfig } from '@baoho/config';
import { createDataSource } from './data-source';

// Any fixed number: the key of the advisory lock that lets only one process migrate at a time, so apps that
// start together (`docker compose up`, several workers) do not race each other through the same migration.
const MIGRATION_LOCK_KEY = 7_311_146_001;

/** Runs the pending migrations against `databaseUrl` and returns the names of those it applied. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}

// CLI: `node dist/libs/event-store/src/migrate.js` (npm run migrate), DATABASE_URL from the environment.
if (require.main === module) {
  const { url } = loadConfig(databaseConfig());
  runMigrations(url).then(
    (applied) => {
      process.stdout.write(`migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`migration failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
