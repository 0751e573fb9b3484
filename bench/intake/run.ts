// The intake's benchmark, one run: a hotline event published → its case readable through the API, at a steady
// 20 events/s (p50/p99) and flat out (the highest sustained rate), beside a bare workflow start on the same
// Temporal dev server: a private one with a fresh SQLite file and the flags of scripts/services.sh, so no run
// inherits the workflows an earlier one left behind. Flat out, our case workflow is also opened directly (no Kafka,
// no intake) and every side's CPU per case is read from /proc, so a rate comes with where it went.
// Run: npm run build && source .baoho/env && npm run bench:intake
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { caseWorkflowId } from '@baoho/workflows';
import { bareWorkflows, ourCases, type Contender } from '../workflow/contenders';
import { quietRuntime, startBareWorker } from '../workflow/workers';
import { inFlight, startRate } from '../workflow/workloads';
import { median } from '../event-store/report';
import { percentile } from '../workflow/report';
import { startPrivateTemporal } from '../../tests/support/private-temporal';
import { connectToDevServer } from '../../tests/support/temporal';
import { startPipeline, type Pipeline } from './pipeline';
import { cpuPerCase, sampleCpu, type Part } from './cpu-accounting';

const STEADY_RATE = 20;
const STEADY_SECONDS = 30;
const BURST = 600;
/**
 * Flat-out rounds, ours then bare in each: the machine's speed drifts by a fifth within minutes (two cores shared
 * by every service), so each ratio compares neighbours in time, and the report gives the median of the rounds.
 */
const ROUNDS = 3;
const BARE_CONCURRENCY = 32;
const POLL_MS = 20;
/** Recorded cases asked through the API per poll, at most: enough to follow 20/s closely without loading the API. */
const CHECKS_PER_POLL = 32;

interface Timed {
  readonly caseId: string;
  /** Epoch ms of the broker's acknowledgement. */
  readonly sentAtMs: number;
  /** Acknowledgement → readable through the API, ms. */
  readonly latency: number;
}

/**
 * Publishes `count` events `intervalMs` apart and times each until readable through the API. Each poll asks the
 * API about the pending cases the log already holds (a case not in the log cannot be readable).
 */
async function publishAndWait(pipeline: Pipeline, count: number, intervalMs: number): Promise<{ latencies: number[]; timed: Timed[]; seconds: number }> {
  const started = performance.now();
  const pending = new Map<string, { sentAt: number; sentAtMs: number }>();
  const timed: Timed[] = [];
  let publishing = true;
  const watcher = (async () => {
    while (publishing || pending.size > 0) {
      // Only cases whose CaseOpened is in the log can answer 200 (the API reads that log): one SQL probe says
      // which, so every one of them is asked through the API on this poll, however many are still pending.
      const recorded = await pipeline.recordedAt([...pending.keys()]);
      const due = [...pending.entries()].filter(([caseId]) => recorded.has(caseId)).slice(0, CHECKS_PER_POLL);
      const checks = due.map(async ([caseId, sent]) => {
        if (await pipeline.readable(caseId)) {
          timed.push({ caseId, sentAtMs: sent.sentAtMs, latency: performance.now() - sent.sentAt });
          pending.delete(caseId);
        }
      });
      await Promise.all(checks);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (performance.now() - started > 600_000) throw new Error(`${pending.size} cases never became readable`);
    }
  })();
  for (let i = 0; i < count; i++) {
    const due = started + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { caseId, sentAt, sentAtMs } = await pipeline.publish();
    pending.set(caseId, { sentAt, sentAtMs });
  }
  publishing = false;
  await watcher;
  return { latencies: timed.map((t) => t.latency), timed, seconds: (performance.now() - started) / 1000 };
}

/** Opens `count` workflows `intervalMs` apart from this process (no Kafka, no intake); each one's latency in ms. */
async function pacedOpens(contender: Contender, count: number, intervalMs: number, opened: WorkflowHandle[]): Promise<number[]> {
  const started = performance.now();
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const wait = started + i * intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t = performance.now();
      opened.push(await contender.open());
      latencies.push(performance.now() - t);
    }),
  );
  return latencies;
}

/**
 * Where the steady run's time went, per case: acknowledged → its workflow started (Kafka delivery, the intake,
 * the update-with-start call), → its CaseOpened recorded (workflow task, the append's transaction began), →
 * readable through the API (commit, then this bench's polling and the GET). Server clocks: the same machine.
 */
async function stages(pipeline: Pipeline, client: Client, timed: readonly Timed[]): Promise<Array<{ stage: string; values: number[] }>> {
  const recorded = await pipeline.recordedAt(timed.map((t) => t.caseId));
  const startedAt = new Map<string, number>();
  await inFlight(timed.length, 8, async (i) => {
    const description = await client.workflow.getHandle(caseWorkflowId(timed[i]!.caseId)).describe();
    startedAt.set(timed[i]!.caseId, description.startTime.getTime());
  });
  const rows = timed.filter((t) => recorded.has(t.caseId) && startedAt.has(t.caseId));
  return [
    { stage: 'acknowledged → workflow started (Kafka, intake)', values: rows.map((t) => startedAt.get(t.caseId)! - t.sentAtMs) },
    { stage: 'workflow started → CaseOpened recorded', values: rows.map((t) => recorded.get(t.caseId)! - startedAt.get(t.caseId)!) },
    { stage: 'recorded → readable via API (commit, polling, GET)', values: rows.map((t) => t.sentAtMs + t.latency - recorded.get(t.caseId)!) },
  ];
}

/**
 * The highest sustained rate: `count` events published as fast as the broker acknowledges them, timed until
 * the read model holds every case (counted in SQL, so measuring adds no HTTP load). Returns the rate and the case
 * ids, which the caller checks through the API once the CPU of the round has been read.
 */
async function flatOut(pipeline: Pipeline, count: number): Promise<{ rate: number; caseIds: string[] }> {
  const before = await pipeline.casesOpened();
  const started = performance.now();
  const caseIds = await Promise.all(Array.from({ length: count }, async () => (await pipeline.publish()).caseId));
  while ((await pipeline.casesOpened()) < before + count) {
    if (performance.now() - started > 600_000) throw new Error('the flat-out batch never completed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { rate: count / ((performance.now() - started) / 1000), caseIds };
}

async function everyCaseReadable(pipeline: Pipeline, caseIds: readonly string[]): Promise<void> {
  for (const caseId of caseIds) if (!(await pipeline.readable(caseId))) throw new Error(`case ${caseId} is not readable`);
}

type Side = 'hotline' | 'direct' | 'bare';

const PARTS: readonly Part[] = [
  'worker: workflow thread',
  'worker: main thread',
  'worker: Temporal core',
  'bench: bare worker, workflow thread',
  'bench: main thread',
  'bench: Temporal core',
  'Temporal server',
  'intake',
  'Kafka',
  'PostgreSQL',
  'api',
];

/**
 * CPU ms per case in the flat-out rounds, median of the rounds, per process (the worker's and the bench's threads
 * apart). The bench's main thread is the load: the hotline's producer and the polling for the pipeline, the
 * update-with-start calls for the other two; its workflow thread is the bare worker's.
 */
function cpuReport(rounds: ReadonlyArray<Record<Side, { cpu: { parts: Map<Part, number>; machine: number } }>>): string {
  const cell = (side: Side, read: (cpu: { parts: Map<Part, number>; machine: number }) => number) =>
    median(rounds.map((r) => read(r[side].cpu))).toFixed(1);
  const sides: readonly Side[] = ['hotline', 'direct', 'bare'];
  return [
    '| CPU per case, ms (median of the flat-out rounds) | hotline pipeline | our case workflow opened directly | bare workflow start |',
    '|---|---:|---:|---:|',
    ...PARTS.map((part) => `| ${part} | ${sides.map((side) => cell(side, (cpu) => cpu.parts.get(part) ?? 0)).join(' | ')} |`),
    `| **the whole machine** (every process, from /proc/stat) | ${sides.map((side) => `**${cell(side, (cpu) => cpu.machine)}**`).join(' | ')} |`,
  ].join('\n');
}

async function main(): Promise<void> {
  quietRuntime();
  const begun = Date.now();
  const temporal = await startPrivateTemporal();
  process.env.TEMPORAL_ADDRESS = temporal.address; // for the apps the pipeline starts, and the client below
  const env = await connectToDevServer();
  const bare = await startBareWorker(env);
  const pipeline = await startPipeline();
  const handles: WorkflowHandle[] = [];
  try {
    await publishAndWait(pipeline, 20, 0); // warm-up: bundles loaded, connections open, JIT warm
    const interval = 1000 / STEADY_RATE;
    const steadyCount = STEADY_RATE * STEADY_SECONDS;
    const steady = await publishAndWait(pipeline, steadyCount, interval);
    const where = await stages(pipeline, env.client, steady.timed);
    // The same pace without Kafka and the intake: our case workflow opened from here on the pipeline's worker,
    // and the bare no-op workflow on its own worker (the dev server's own latency at this rate).
    const direct = await pacedOpens(ourCases(env.client, pipeline.taskQueue), steadyCount, interval, handles);
    const bareSteady = await pacedOpens(bareWorkflows(env.client, bare.taskQueue), steadyCount, interval, handles);
    // Each round: the hotline pipeline, our case workflow opened directly (the same worker, database and server,
    // without Kafka and the intake: what the pipeline could reach if they cost nothing), then the bare start, each
    // with the CPU it spent per case.
    const rounds: Array<Record<Side, { rate: number; cpu: ReturnType<typeof cpuPerCase> }>> = [];
    const measured = async <T extends { rate: number }>(cases: number, run: () => Promise<T>) => {
      const before = sampleCpu();
      const result = await run();
      return { ...result, cpu: cpuPerCase(before, sampleCpu(), cases) };
    };
    const rateOf = async (rate: Promise<number>) => ({ rate: await rate });
    for (let round = 0; round < ROUNDS; round++) {
      const hotline = await measured(BURST, () => flatOut(pipeline, BURST));
      await everyCaseReadable(pipeline, hotline.caseIds); // outside the CPU window: the checks are the bench's load
      rounds.push({
        hotline,
        direct: await measured(BURST, () => rateOf(startRate(ourCases(env.client, pipeline.taskQueue), BURST, BARE_CONCURRENCY, handles))),
        bare: await measured(BURST, () => rateOf(startRate(bareWorkflows(env.client, bare.taskQueue), BURST, BARE_CONCURRENCY, handles))),
      });
    }
    const sustained = median(rounds.map((r) => r.hotline.rate));
    const bareRate = median(rounds.map((r) => r.bare.rate));
    const ratio = median(rounds.map((r) => r.hotline.rate / r.bare.rate));
    const directRatio = median(rounds.map((r) => r.direct.rate / r.bare.rate));

    const ms = (values: readonly number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
    const table = [
      `| measure | hotline event → case readable via API | our case workflow opened directly | bare workflow start | ratio (hotline ÷ bare) |`,
      '|---|---:|---:|---:|---:|',
      ...[50, 99].map((p) =>
        `| p${p} at a steady ${STEADY_RATE}/s (${steadyCount} each) | ${ms(steady.latencies, p)} | ${ms(direct, p)} | ${ms(bareSteady, p)} | ${(percentile(steady.latencies, p) / percentile(bareSteady, p)).toFixed(2)}× |`,
      ),
      `| max at a steady ${STEADY_RATE}/s | ${Math.max(...steady.latencies).toFixed(0)} ms | ${Math.max(...direct).toFixed(0)} ms | ${Math.max(...bareSteady).toFixed(0)} ms | — |`,
      `| sustained rate, ${BURST} events published at once (median of ${ROUNDS} rounds) | ${sustained.toFixed(0)} /s | ${median(rounds.map((r) => r.direct.rate)).toFixed(0)} /s (${directRatio.toFixed(2)}× bare) | ${bareRate.toFixed(0)} /s (${BARE_CONCURRENCY} in flight) | ${ratio.toFixed(2)}× |`,
    ].join('\n');
    const roundTable = [
      '| flat-out round | hotline events → cases in the read model | our case workflow opened directly | bare workflow starts | ratio (hotline ÷ bare) | ratio (direct ÷ bare) |',
      '|---|---:|---:|---:|---:|---:|',
      ...rounds.map(
        (r, i) =>
          `| ${i + 1} | ${r.hotline.rate.toFixed(1)} /s | ${r.direct.rate.toFixed(1)} /s | ${r.bare.rate.toFixed(1)} /s | ${(r.hotline.rate / r.bare.rate).toFixed(2)}× | ${(r.direct.rate / r.bare.rate).toFixed(2)}× |`,
      ),
    ].join('\n');
    const cpuTable = cpuReport(rounds);
    const stageTable = [
      `| stage of the steady run (per case) | p50 | p99 |`,
      '|---|---:|---:|',
      ...where.map((row) => `| ${row.stage} | ${ms(row.values, 50)} | ${ms(row.values, 99)} |`),
    ].join('\n');

    const report = [
      '# Intake benchmark',
      '',
      `${new Date().toISOString()} · node ${process.version} · private Temporal dev server (fresh SQLite file) · private one-node Kafka · built apps (worker, intake, api) as separate processes`,
      '',
      table,
      '',
      stageTable,
      '',
      roundTable,
      '',
      cpuTable,
      '',
      'Latency: from the broker acknowledging the hotline event (acks = all) to GET /v1/cases/:id answering 200, polled every',
      `${POLL_MS} ms. Opened directly: update-with-start of the case workflow with the same report, from this process, until`,
      `it answers the case view. The bare start is update-with-start of a no-op workflow with a no-op update, from this process,`,
      `on a worker with the worker app's workflow-task limits (WORKER_TASK_DEFAULTS). Ratio of the sustained rate: the median`,
      `of the rounds' own ratios. Opened directly, flat out: update-with-start of the case workflow from this process,`,
      `${BARE_CONCURRENCY} in flight, on the pipeline's worker. CPU: /proc, before and after each side of each round.`,
      `Total run time: ${((Date.now() - begun) / 1000).toFixed(0)} s.`,
      '',
    ].join('\n');
    console.log(`\n${table}\n\n${stageTable}\n\n${roundTable}\n\n${cpuTable}\n`);
    const out = path.resolve(__dirname, '../results/intake.md');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, report);
    console.log(`written to ${path.relative(process.cwd(), out)}`);
  } finally {
    // nothing to terminate: the private server, and every workflow on it, goes at the end
    await pipeline.close();
    await bare.stop();
    await env.teardown();
    await temporal.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
