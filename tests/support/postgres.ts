// PostgreSQL for tests, the immich way: migrate once into a template database, then give every test file its
// own fresh copy (`CREATE DATABASE … TEMPLATE …` copies files — far faster than migrating again). Uses the server
// named by DATABASE_URL (started by scripts/services.sh). Nothing here is a mock.
//
//   const db = await createTestDatabase();   // beforeAll
//   const pool = new Pool({ connectionString: db.url });
//   await db.drop();                         // afterAll, after closing your pools
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MIGRATIONS, runMigrations } from '@baoho/event-store';

const TEMPLATE = 'baoho_template';
// Any fixed number: serialises template (re)creation across parallel jest workers.
const TEMPLATE_LOCK_KEY = 7_311_146_002;

export interface TestDatabase {
  /** Connection string of the fresh, fully migrated database. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, ending any session still connected to it. */
  drop(): Promise<void>;
}

/** A fresh database with every migration applied, private to the caller. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = requireDatabaseUrl();
  await ensureTemplate(serverUrl);
  const name = `baoho_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
  return {
    url: databaseUrl(serverUrl, name),
    name,
    drop: () => withClient(serverUrl, (client) => dropDatabase(client, name)),
  };
}

/**
 * Gives sessions that are closing (a pool's `end()` resolves before its sockets are gone) a moment to leave, so
 * FORCE only ends sessions somebody forgot — not ones that would then report "terminated by administrator".
 */
async function dropDatabase(client: Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0]!.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

let templateReady: Promise<void> | undefined;

/** Once per jest worker: make sure the template exists and was built from today's migrations. */
function ensureTemplate(serverUrl: string): Promise<void> {
  templateReady ??= buildTemplateIfStale(serverUrl).catch((error: unknown) => {
    templateReady = undefined;
    throw error;
  });
  return templateReady;
}

async function buildTemplateIfStale(serverUrl: string): Promise<void> {
  // The fingerprint covers each migration's name and SQL, so editing a migration during development also
  // rebuilds the template. It is kept as the template database's comment.
  const fingerprint = `migrations:${migrationsHash()}`;
  await withClient(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const { rows } = await client.query<{ comment: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
        [TEMPLATE],
      );
      if (rows[0]?.comment === fingerprint) return;
      if (rows.length > 0) {
        await client.query(`ALTER DATABASE ${TEMPLATE} IS_TEMPLATE false`);
        await client.query(`DROP DATABASE ${TEMPLATE} WITH (FORCE)`);
      }
      await client.query(`CREATE DATABASE ${TEMPLATE}`);
      await runMigrations(databaseUrl(serverUrl, TEMPLATE));
      await client.query(`COMMENT ON DATABASE ${TEMPLATE} IS '${fingerprint}'`);
      await client.query(`ALTER DATABASE ${TEMPLATE} IS_TEMPLATE true`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const Migration of MIGRATIONS) hash.update(Migration.name).update(Migration.prototype.up.toString());
  return hash.digest('hex').slice(0, 16);
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function requireDatabaseUrl(): string {
  const value = process.env.DATABASE_URL;
  if (!value) throw new Error('DATABASE_URL is not set: run the tests through `npm test` (it starts the services)');
  return value;
}
