// The API's benchmark: 100,000 cases (~1M events) in a fresh database, the built API app on it, and the stuck list and
// the mission list measured over HTTP (autocannon) beside the same SQL run bare from node-pg, same concurrency.
// Run: npm run build && source .baoho/env && npm run bench:api
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { serviceEnv, startApp } from '../../tests/support/apps';
import { createTestDatabase } from '../../tests/support/postgres';
import { authHeader } from '../../tests/support/tokens';
import { fill } from './fill';
import { STUCK_STATE } from '../../apps/api/src/supervision/supervision-query';

const CASES = 100_000;
const CONNECTIONS = 10;
const SECONDS = 10;
const MISSION = 'KR-SEL';
const LIMIT = 50;

interface Measure {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly rps: number;
  readonly errors: number;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const summarise = (latencies: number[], seconds: number, errors: number): Measure => {
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), rps: latencies.length / seconds, errors };
};

async function overHttp(url: string, seconds: number): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url, connections: CONNECTIONS, duration: seconds,
    headers: authHeader({ role: 'supervisor', user: 'sup-bench', missions: [MISSION], ttlSeconds: 4 * 3_600 }),
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) latencies.push(ms);
    else errors++;
  });
  const result = await instance;
  return summarise(latencies, result.duration, errors + result.errors);
}

async function bare(pool: Pool, sql: string, args: () => unknown[], seconds: number): Promise<Measure> {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        await pool.query(sql, args());
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  return summarise(latencies, Number(process.hrtime.bigint() - started) / 1e9, 0);
}

// The first page's SQL, as the query classes send it (SupervisionQuery.stuck, WorklistQuery.mission).
const STUCK_SQL = `SELECT case_id, mission, stage, status, risk_level, assignee, escalation_level, severity, stuck_at, ${STUCK_STATE} AS state
  FROM case_summary WHERE stuck_at <= $1 AND mission = $2 ORDER BY severity, stuck_at, case_id LIMIT $3`;
const LIST_SQL = `SELECT case_id, mission, stage, status, risk_level, assignee, escalation_level, next_due_at, last_activity_at, categories
  FROM case_summary WHERE mission = $1 ORDER BY coalesce(next_due_at, 'infinity'::timestamptz), case_id LIMIT $2`;

const fmt = (n: number): string => (Number.isFinite(n) ? (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2)) : '—');

async function main(): Promise<void> {
  const db = await createTestDatabase();
  try {
    const figures = await fill(db.url, CASES);
    console.log(`filled: ${JSON.stringify(figures)}`);
    const api = await startApp('api', { ...serviceEnv(), DATABASE_URL: db.url, LOG_LEVEL: 'warn' });
    const pool = new Pool({ connectionString: db.url, max: CONNECTIONS });
    try {
      const workloads = [
        {
          name: `stuck cases, mission ${MISSION}, ${LIMIT}/page`,
          url: `${api.url}/v1/stuck-cases?mission=${MISSION}&limit=${LIMIT}`,
          sql: STUCK_SQL, args: () => [new Date(), MISSION, LIMIT],
        },
        {
          name: `mission list, mission ${MISSION}, ${LIMIT}/page`,
          url: `${api.url}/v1/cases?mission=${MISSION}&limit=${LIMIT}`,
          sql: LIST_SQL, args: () => [MISSION, LIMIT],
        },
      ];
      const rows: string[] = [];
      for (const w of workloads) {
        await overHttp(w.url, 2); // warm-up
        await bare(pool, w.sql, w.args, 1);
        const http = await overHttp(w.url, SECONDS);
        const sql = await bare(pool, w.sql, w.args, SECONDS);
        rows.push(
          `| ${w.name} | HTTP | ${fmt(http.p50)} | ${fmt(http.p95)} | ${fmt(http.p99)} | ${fmt(http.rps)} | ${http.errors} | ${fmt(http.p50 / sql.p50)}× / ${fmt(http.p95 / sql.p95)}× |`,
          `| ${w.name} | bare SQL | ${fmt(sql.p50)} | ${fmt(sql.p95)} | ${fmt(sql.p99)} | ${fmt(sql.rps)} | 0 | — |`,
        );
      }
      const table = [
        `| workload | via | p50 ms | p95 ms | p99 ms | requests/s | errors | HTTP ÷ bare (p50 / p95) |`,
        '|---|---|---:|---:|---:|---:|---:|---:|',
        ...rows,
      ].join('\n');
      console.log(table);
      const out = path.resolve(__dirname, '../results/api.md');
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(
        out,
        `# API benchmark\n\n\`npm run build && source .baoho/env && npm run bench:api\` — ${new Date().toISOString()}, ${CONNECTIONS} connections, ${SECONDS} s per measure.\n\n` +
          `Data: ${figures.cases.toLocaleString('en-US')} cases, ${figures.events.toLocaleString('en-US')} events, ${figures.openDeadlines.toLocaleString('en-US')} open deadlines, ${figures.stuckNow.toLocaleString('en-US')} cases stuck (filled in ${figures.seconds.toFixed(0)} s; see bench/api/fill.ts).\n\n` +
          `${table}\n`,
      );
    } finally {
      await pool.end();
      await api.stop();
    }
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
