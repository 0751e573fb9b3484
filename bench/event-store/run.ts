// The event store's benchmark: ours vs a bare INSERT vs Emmett, on the same PostgreSQL, each in a fresh
// database. Run: source .baoho/env && node --require ./scripts/swc-register.js bench/event-store/run.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../tests/support/postgres';
import { bareInsertAppender, emmettAppender, ourAppender, type Appender } from './appenders';
import { emmettReadAll, emmettRebuild, ourReadAll, ourRebuild } from './catch-up';
import { median, renderTable, type Row } from './report';
import { runAppends, type AppendWorkload } from './workloads';

const ROUNDS = 7;
const CATCH_UP_EVENTS = 10_000;

const APPEND_WORKLOADS: readonly AppendWorkload[] = [
  { name: 'single-event appends, 1 writer', writers: 1, appendsPerWriter: 300, eventsPerAppend: 1, appendsPerStream: 10 },
  { name: 'single-event appends, 8 writers', writers: 8, appendsPerWriter: 300, eventsPerAppend: 1, appendsPerStream: 10 },
  { name: '100-event appends, 1 writer', writers: 1, appendsPerWriter: 30, eventsPerAppend: 100, appendsPerStream: 3 },
];

type Contender = 'ours' | 'bare' | 'emmett';

async function withDatabase<T>(work: (db: TestDatabase) => Promise<T>): Promise<T> {
  const db = await createTestDatabase();
  try {
    return await work(db);
  } finally {
    await db.drop();
  }
}

async function appender(contender: Contender, url: string): Promise<Appender> {
  if (contender === 'ours') return ourAppender(url, 8);
  if (contender === 'bare') return bareInsertAppender(url, 8);
  return emmettAppender(url);
}

async function measureAppends(workload: AppendWorkload): Promise<Row> {
  const results: Record<Contender, number[]> = { ours: [], bare: [], emmett: [] };
  // A fresh database per contender, rounds interleaved so drift (checkpoints, autovacuum) hits all alike.
  const contenders: Contender[] = ['ours', 'bare', 'emmett'];
  const dbs = await Promise.all(contenders.map(() => createTestDatabase()));
  const appenders = await Promise.all(contenders.map((contender, i) => appender(contender, dbs[i]!.url)));
  try {
    await Promise.all(appenders.map((a) => runAppends(a, { ...workload, appendsPerWriter: 5, writers: 1 }))); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, contender] of contenders.entries()) results[contender].push(await runAppends(appenders[i]!, workload));
    }
  } finally {
    await Promise.all(appenders.map((a) => a.close()));
    await Promise.all(dbs.map((db) => db.drop()));
  }
  return { workload: workload.name, unit: 'events', ours: median(results.ours), bare: median(results.bare), emmett: median(results.emmett) };
}

async function timed(expected: number, work: (expected: number) => Promise<number>): Promise<number> {
  const started = process.hrtime.bigint();
  const events = await work(expected);
  if (events !== expected) throw new Error(`expected to process ${expected} events, processed ${events}`);
  return CATCH_UP_EVENTS / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * Writes the catch-up log (100 streams × 100 events) with each store's own append; not timed. One writer:
 * Emmett 0.42's consumer keeps only a global position as its checkpoint while reading in transaction order, so
 * with concurrent writers it skips events committed out of order (it read 9,752 of 10,001 here) and never
 * reaches the count.
 */
async function fillLog(contender: 'ours' | 'emmett', url: string): Promise<void> {
  const a = await appender(contender, url);
  await runAppends(a, { name: 'fill', writers: 1, appendsPerWriter: CATCH_UP_EVENTS / 100, eventsPerAppend: 100, appendsPerStream: 1 });
  await a.close();
}

async function measureCatchUp(): Promise<Row[]> {
  return withDatabase((ourDb) =>
    withDatabase(async (emmettDb) => {
      await fillLog('ours', ourDb.url);
      await fillLog('emmett', emmettDb.url);
      await vacuum(ourDb.url);
      await vacuum(emmettDb.url);
      const r = { ourRead: [] as number[], emmettRead: [] as number[], ourRebuild: [] as number[], emmettRebuild: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        // Emmett's log also holds the one event its warm-up append wrote.
        r.ourRead.push(await timed(CATCH_UP_EVENTS, (n) => ourReadAll(ourDb.url, n)));
        r.emmettRead.push(await timed(CATCH_UP_EVENTS + 1, (n) => emmettReadAll(emmettDb.url, round, n)));
        r.ourRebuild.push(await timed(CATCH_UP_EVENTS, (n) => ourRebuild(ourDb.url, n)));
        r.emmettRebuild.push(await timed(CATCH_UP_EVENTS, (n) => emmettRebuild(emmettDb.url, round, n)));
      }
      return [
        { workload: `read-all catch-up, ${CATCH_UP_EVENTS} events`, unit: 'events', ours: median(r.ourRead), emmett: median(r.emmettRead) },
        { workload: `projection rebuild, ${CATCH_UP_EVENTS} events`, unit: 'events', ours: median(r.ourRebuild), emmett: median(r.emmettRebuild) },
      ];
    }),
  );
}

async function vacuum(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.end();
}

async function serverSettings(): Promise<string> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'server_version')`,
  );
  await client.end();
  return rows.map((row) => `${row.name}=${row.setting}`).join(', ');
}

async function main(): Promise<void> {
  const started = Date.now();
  const rows: Row[] = [];
  for (const workload of APPEND_WORKLOADS) {
    rows.push(await measureAppends(workload));
    console.log(`measured: ${workload.name}`);
  }
  rows.push(...(await measureCatchUp()));
  const table = renderTable(rows);
  const report = [
    '# Event store benchmark',
    '',
    `${new Date().toISOString()} · median of ${ROUNDS} rounds · PostgreSQL ${await serverSettings()} · node ${process.version}`,
    '',
    table,
    '',
    'Bare INSERT: one multi-row INSERT into the same `events` table (no version check).',
    `Emmett: @event-driven-io/emmett-postgresql defaults for appends; its consumer with batchSize ${1000} and`,
    'pullingFrequencyInMs 0 for catch-up (its most favourable settings). Projection: per-stream and per-type counts.',
    `Total run time: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
  ].join('\n');
  console.log(`\n${table}\n`);
  const out = path.resolve(__dirname, '../results/event-store.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(`written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
