import { Pool } from 'pg';
import type { Logger } from 'pino';
import { describeError, type DependencyIndicator } from '../health/dependency-indicator';

export interface PostgresOptions {
  readonly url: string;
  readonly applicationName: string;
  /** Connections in the pool; small, the health probe needs one. */
  readonly max?: number;
}

/**
 * A pg Pool that fails fast when the server is away and never crashes the process: an idle client that
 * loses its connection (server restart) is logged and dropped by the pool.
 */
export function createPostgresPool(options: PostgresOptions, logger: Logger): Pool {
  const pool = new Pool({
    connectionString: options.url,
    application_name: options.applicationName,
    max: options.max ?? 4,
    connectionTimeoutMillis: 1_000,
    idleTimeoutMillis: 10_000,
  });
  pool.on('error', (error) => logger.warn({ error: describeError(error) }, 'an idle PostgreSQL connection failed'));
  return pool;
}

export class PostgresIndicator implements DependencyIndicator {
  readonly name = 'postgres';

  constructor(private readonly pool: Pool) {}

  async check(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
