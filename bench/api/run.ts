// The API's benchmark: 100,000 cases (~1M events) in a fresh database, the built API app on it, and the stuck list and
// the mission list measured over HTTP (autocannon) beside the same SQL run bare from node-pg, same concurrency.
// HTTP is measured twice: as supervisors poll it (the list cache on and warm: an unchanged page is served from
// memory, apps/api/src/lists) and uncached (a second API process started with API_LIST_CACHE=off: every request
// runs its query). The bare SQL is the page query alone.
// Run: npm run build && source .baoho/env && npm run bench:api
// Options: `-- --keep` leaves the filled database in place and prints its URL; `-- --database <url>` measures on such
// a database instead of filling a new one (the same data: the fill is deterministic).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { serviceEnv, startApp } from '../../tests/support/apps';
import { createTestDatabase } from '../../tests/support/postgres';
import { authHeader } from '../../tests/support/tokens';
import { fill, type FillFigures } from './fill';
import { stuckPageSql } from '../../apps/api/src/supervision/supervision-query';

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
const STUCK_SQL = stuckPageSql(new Date(), [MISSION], undefined, LIMIT).text;
const LIST_SQL = `SELECT case_id, mission, stage, status, risk_level, assignee, escalation_level, next_due_at, last_activity_at, categories
  FROM case_summary WHERE mission = $1 ORDER BY coalesce(next_due_at, 'infinity'::timestamptz), case_id LIMIT $2`;

/** The api's list answers so far, from its /metrics (baoho_api_list_requests_total by result). */
async function answered(apiUrl: string): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(`${apiUrl}/metrics`)).text();
  const count = (result: string): number => Number(new RegExp(`^baoho_api_list_requests_total\\{[^}]*result="${result}"[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { hit: count('hit'), miss: count('miss') };
}

const fmt = (n: number): string => (Number.isFinite(n) ? (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2)) : '—');

/** A database filled by an earlier `--keep` run: counted again, kept afterwards. */
async function reuse(url: string): Promise<{ db: { url: string; drop(): Promise<void> }; figures: FillFigures }> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const count = async (sql: string) => (await pool.query<{ n: number }>(sql)).rows[0]!.n;
    const figures: FillFigures = {
      cases: await count('SELECT count(*)::int AS n FROM case_summary'),
      events: await count('SELECT count(*)::int AS n FROM events'),
      openDeadlines: await count('SELECT count(*)::int AS n FROM open_deadlines'),
      stuckNow: await count('SELECT count(*)::int AS n FROM case_summary WHERE stuck_at <= now()'),
      seconds: 0,
    };
    return { db: { url, drop: async () => undefined }, figures };
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const given = args.includes('--database') ? args[args.indexOf('--database') + 1] : undefined;
  const keep = args.includes('--keep');
  const { db, figures } = given
    ? await reuse(given)
    : await (async () => {
        const created = await createTestDatabase();
        const filled = await fill(created.url, CASES);
        if (keep) console.log(`kept: ${created.url}`);
        return { db: keep ? { url: created.url, drop: async () => undefined } : created, figures: filled };
      })();
  try {
    console.log(`filled: ${JSON.stringify(figures)}`);
    const pool = new Pool({ connectionString: db.url, max: CONNECTIONS });
    try {
      const workloads = [
        {
          name: `stuck cases, mission ${MISSION}, ${LIMIT}/page`,
          path: `/v1/stuck-cases?mission=${MISSION}&limit=${LIMIT}`,
          sql: STUCK_SQL, args: () => [new Date(), MISSION, LIMIT],
        },
        {
          name: `mission list, mission ${MISSION}, ${LIMIT}/page`,
          path: `/v1/cases?mission=${MISSION}&limit=${LIMIT}`,
          sql: LIST_SQL, args: () => [MISSION, LIMIT],
        },
      ];
      const measured = new Map<string, { cached?: Measure; uncached?: Measure; sql?: Measure; hits?: string }>(workloads.map((w) => [w.name, {}]));
      // One API process at a time, so neither competes with the other for the two cores.
      for (const mode of ['cached', 'uncached'] as const) {
        const api = await startApp('api', { ...serviceEnv(), DATABASE_URL: db.url, LOG_LEVEL: 'warn', API_LIST_CACHE: mode === 'cached' ? 'on' : 'off' }, 120_000);
        try {
          for (const w of workloads) {
            await overHttp(`${api.url}${w.path}`, 2); // warm-up (and, cached, the first page kept)
            const before = await answered(api.url);
            measured.get(w.name)![mode] = await overHttp(`${api.url}${w.path}`, SECONDS);
            const after = await answered(api.url);
            const hits = after.hit - before.hit;
            const misses = after.miss - before.miss;
            if (mode === 'cached') measured.get(w.name)!.hits = `${fmt((100 * hits) / Math.max(1, hits + misses))} % of ${(hits + misses).toLocaleString('en-US')}`;
          }
        } finally {
          await api.stop();
        }
      }
      for (const w of workloads) {
        await bare(pool, w.sql, w.args, 1);
        measured.get(w.name)!.sql = await bare(pool, w.sql, w.args, SECONDS);
      }
      const rows: string[] = [];
      for (const w of workloads) {
        const { cached, uncached, sql, hits } = measured.get(w.name)! as Required<{ cached: Measure; uncached: Measure; sql: Measure; hits: string }>;
        const row = (via: string, m: Measure): string =>
          `| ${w.name} | ${via} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${fmt(m.rps)} | ${m.errors} | ${fmt(m.p50 / sql.p50)}× / ${fmt(m.p95 / sql.p95)}× |`;
        rows.push(row(`HTTP, list cache warm (as polled; hits ${hits})`, cached), row('HTTP, uncached (API_LIST_CACHE=off)', uncached), `| ${w.name} | bare SQL | ${fmt(sql.p50)} | ${fmt(sql.p95)} | ${fmt(sql.p99)} | ${fmt(sql.rps)} | 0 | — |`);
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
          `"HTTP, list cache warm" is the API as supervisors poll it: the page unchanged, served from the list cache (no query). ` +
          `"HTTP, uncached" is a second API process with API_LIST_CACHE=off: every request runs the page query. "bare SQL" is that query alone from node-pg.\n\n` +
          `${table}\n`,
      );
    } finally {
      await pool.end();
    }
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
