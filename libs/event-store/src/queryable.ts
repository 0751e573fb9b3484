import type { Pool, PoolClient } from 'pg';

/** Either the pool (one statement, autocommit) or a client inside a transaction. */
export type Queryable = Pool | PoolClient;

/** Quotes a (possibly schema-qualified) table name from code, so a projection's `tables` are used verbatim. */
export const quoteTable = (name: string): string =>
  name
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
