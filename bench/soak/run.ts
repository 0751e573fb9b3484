// The soak: the four built apps under a realistic mix for SOAK_MINUTES (default 30) — hotline events opening new
// cases, caseworkers assigning, contacting and noting, supervisors polling the board — recording each app's
// resident memory and the latency percentiles every minute, to bench/results/soak.{json,csv,svg}.
// Run: npm run build && source .baoho/env && npm run bench:soak   (not part of npm test)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { serviceEnv, type AppName } from '../../tests/support/apps';
import { ALL_APPS, startAppSet } from '../../tests/support/faults/app-set';
import { ApiTraffic, type Answer } from '../../tests/support/faults/api-traffic';
import { CaseTracker } from '../../tests/support/faults/case-tracker';
import { HotlineFeed } from '../../tests/support/faults/hotline-feed';
import { createTestDatabase } from '../../tests/support/postgres';
import { startPrivateKafka } from '../../tests/support/private-kafka';
import { uniqueTaskQueue } from '../../tests/support/temporal';
import { percentile } from '../workflow/report';
import { renderSvg, type Series } from './svg-plot';

const numberFrom = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
};

const MINUTES = numberFrom('SOAK_MINUTES', 30);
const CASES_PER_SECOND = numberFrom('SOAK_CASES_PER_SECOND', 1);
const COMMANDS_PER_SECOND = numberFrom('SOAK_COMMANDS_PER_SECOND', 3);
const BOARD_PER_SECOND = numberFrom('SOAK_BOARD_PER_SECOND', 4);
const RSS_SAMPLE_MS = 5_000;
const MiB = 1024 * 1024;

interface Minute {
  readonly minute: number;
  readonly rssMiB: Record<AppName, number>;
  readonly command: Percentiles;
  readonly board: Percentiles;
  readonly caseOpen: Percentiles;
  readonly errors: number;
  /** The non-200 answers by status (0: no answer at all). */
  readonly statuses: Record<string, number>;
}

interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

const percentiles = (values: readonly number[]): Percentiles =>
  values.length === 0
    ? { count: 0, p50: 0, p95: 0, p99: 0 }
    : { count: values.length, p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)) };

const round = (value: number): number => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const begun = Date.now();
  const [kafka, db] = await Promise.all([startPrivateKafka(), createTestDatabase()]);
  const env = { ...serviceEnv(), KAFKA_BROKERS: kafka.brokers, DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('soak'), LOG_LEVEL: 'warn' };
  const apps = await startAppSet(env);
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const feed = new HotlineFeed(kafka.brokers);
  await feed.connect();
  const tracker = new CaseTracker(pool, feed);
  let window: Answer[] = [];
  // half the cases get their first contact (the rest stay in the first-contact step, so the boards have lapses)
  const traffic = new ApiTraffic(() => apps.url('api'), () => tracker.open, {
    contactCases: (caseId) => caseId.charCodeAt(caseId.length - 1) % 2 === 0,
    onAnswer: (answer) => window.push(answer),
  });
  const minutes: Minute[] = [];
  const rssPeaks = new Map<AppName, number>();
  const sampleRss = (): void => {
    for (const [name, bytes] of Object.entries(apps.rss()) as Array<[AppName, number]>) rssPeaks.set(name, Math.max(rssPeaks.get(name) ?? 0, bytes));
  };
  try {
    console.log(`soak: ${MINUTES} min; ${CASES_PER_SECOND} new cases/s, ${COMMANDS_PER_SECOND} commands/s, ${BOARD_PER_SECOND} board reads/s`);
    await traffic.registerStaff();
    tracker.follow(1_000);
    feed.steady(CASES_PER_SECOND);
    traffic.steady(COMMANDS_PER_SECOND, BOARD_PER_SECOND);
    const rssTimer = setInterval(sampleRss, RSS_SAMPLE_MS);
    const started = Date.now();
    let openSeen = 0;
    for (let minute = 1; minute <= MINUTES; minute++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + minute * 60_000 - Date.now())));
      sampleRss();
      const answers = window;
      window = [];
      const opened = tracker.openLatencies.slice(openSeen).map((entry) => entry.ms);
      openSeen += opened.length;
      const rssMiB = {} as Record<AppName, number>;
      for (const name of ALL_APPS) rssMiB[name] = round((rssPeaks.get(name) ?? 0) / MiB);
      rssPeaks.clear();
      const row: Minute = {
        minute,
        rssMiB,
        command: percentiles(answers.filter((a) => a.kind === 'command' && a.status === 200).map((a) => a.ms)),
        board: percentiles(answers.filter((a) => a.kind === 'board' && a.status === 200).map((a) => a.ms)),
        caseOpen: percentiles(opened),
        errors: answers.filter((a) => a.status !== 200).length,
        statuses: countStatuses(answers),
      };
      minutes.push(row);
      console.log(
        `minute ${minute}: rss ${ALL_APPS.map((n) => `${n} ${rssMiB[n]}`).join(', ')} MiB; command p99 ${row.command.p99} ms (${row.command.count}); ` +
          `board p99 ${row.board.p99} ms (${row.board.count}); case open p99 ${row.caseOpen.p99} ms (${row.caseOpen.count}); non-200 ${row.errors} ${JSON.stringify(row.statuses)}`,
      );
      write(minutes, begun, false);
    }
    clearInterval(rssTimer);
    await feed.stop();
    await traffic.stop();
    await traffic.settle(120_000);
    const deadline = Date.now() + 300_000;
    while (tracker.waiting() > 0 && Date.now() < deadline) {
      await tracker.poll();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const summary = {
      hotlineEvents: feed.acknowledged.length,
      casesOpened: tracker.open.length,
      commandsAccepted: traffic.accepted.length,
      refused: traffic.refused.length,
      serverErrors: traffic.answers.filter((a) => a.status >= 500 && a.status !== 503).length,
    };
    write(minutes, begun, true, summary);
    console.log(`soak done: ${JSON.stringify(summary)}`);
  } finally {
    tracker.stop();
    await traffic.stop();
    await feed.stop();
    await pool.end();
    await apps.stop();
    await db.drop();
    await kafka.dispose();
  }
}

function countStatuses(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) if (answer.status !== 200) counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  return counts;
}

/** A minute without a successful answer of that kind has no latency: no point, rather than a false zero. */
const latencyPoints = (minutes: readonly Minute[], pick: (m: Minute) => Percentiles, p: 'p50' | 'p99'): Array<readonly [number, number]> =>
  minutes.filter((m) => pick(m).count > 0).map((m) => [m.minute, pick(m)[p]] as const);

function write(minutes: readonly Minute[], begun: number, final: boolean, summary?: Record<string, number>): void {
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const meta = {
    startedAt: new Date(begun).toISOString(),
    final,
    node: process.version,
    rates: { casesPerSecond: CASES_PER_SECOND, commandsPerSecond: COMMANDS_PER_SECOND, boardReadsPerSecond: BOARD_PER_SECOND },
    note: 'rssMiB: the highest VmRSS sampled every 5 s within the minute; latencies in ms, successful answers only; caseOpen: broker ack → case in the read model',
    summary,
  };
  writeFileSync(path.join(dir, 'soak.json'), `${JSON.stringify({ ...meta, minutes }, null, 2)}\n`);
  const header = ['minute', ...ALL_APPS.map((n) => `rss_${n}_mib`), ...['command', 'board', 'caseOpen'].flatMap((k) => [`${k}_count`, `${k}_p50_ms`, `${k}_p95_ms`, `${k}_p99_ms`]), 'non_200', 'non_200_by_status'];
  const lines = minutes.map((m) =>
    [m.minute, ...ALL_APPS.map((n) => m.rssMiB[n]), ...[m.command, m.board, m.caseOpen].flatMap((p) => [p.count, p.p50, p.p95, p.p99]), m.errors, Object.entries(m.statuses).map(([k, v]) => `${k}:${v}`).join(' ')].join(','),
  );
  writeFileSync(path.join(dir, 'soak.csv'), `${[header.join(','), ...lines].join('\n')}\n`);
  const colours: Record<AppName, string> = { api: '#1f77b4', worker: '#d62728', intake: '#2ca02c', relay: '#9467bd', console: '#ff7f0e' };
  const memory: Series[] = ALL_APPS.map((name) => ({ name, colour: colours[name], points: minutes.map((m) => [m.minute, m.rssMiB[name]] as const) }));
  const latency: Series[] = [
    { name: 'command p99', colour: '#d62728', points: latencyPoints(minutes, (m) => m.command, 'p99') },
    { name: 'command p50', colour: '#d62728', dashed: true, points: latencyPoints(minutes, (m) => m.command, 'p50') },
    { name: 'board p99', colour: '#1f77b4', points: latencyPoints(minutes, (m) => m.board, 'p99') },
    { name: 'board p50', colour: '#1f77b4', dashed: true, points: latencyPoints(minutes, (m) => m.board, 'p50') },
  ];
  const svg = renderSvg(`baoho soak, ${new Date(begun).toISOString().slice(0, 16)}Z: ${CASES_PER_SECOND} cases/s, ${COMMANDS_PER_SECOND} commands/s, ${BOARD_PER_SECOND} board reads/s`, [
    { title: 'Resident memory per app (peak within each minute)', unit: 'MiB', series: memory },
    { title: 'API latency per minute (successful answers)', unit: 'ms', series: latency },
  ]);
  writeFileSync(path.join(dir, 'soak.svg'), svg);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
