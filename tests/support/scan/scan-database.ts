// Every row of every table of a database, all columns, as text (bytea as hex): where a value hides, if anywhere.
import type { Pool } from 'pg';
import { findPlaintext } from './plaintext-forms';

export interface Finding {
  readonly where: string;
  readonly form: string;
}

export async function scanDatabase(pool: Pool, values: readonly string[]): Promise<Finding[]> {
  const { rows: tables } = await pool.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const findings: Finding[] = [];
  for (const table of tables) {
    const qualified = `"${table.schema}"."${table.name}"`;
    const { rows } = await pool.query<{ row: string }>(`SELECT t::text AS row FROM ${qualified} t`);
    for (const { row } of rows) {
      const form = findPlaintext(row, values);
      if (form) findings.push({ where: `table ${qualified}`, form });
    }
  }
  return findings;
}

/** How many tables the scan read (so a test can show it read something). */
export async function tableCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  return Number(rows[0]!.n);
}
