// The intake's benchmark, one run: a hotline event published → its case readable through the API, at a steady
// 20 events/s (p50/p99) and flat out (the highest sustained rate), beside a bare workflow start on the same
// Temporal dev server. Run: npm run build && source .baoho/env && npm run bench:intake
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { bareWorkflows } from '../workflow/contenders';
import { quietRuntime, startBareWorker } from '../workflow/workers';
import { startRate, terminateAll } from '../workflow/workloads';
import { percentile } from '../workflow/report';
import { connectToDevServer } from '../../tests/support/temporal';
import { startPipeline, type Pipeline } from './pipeline';

const STEADY_RATE = 20;
const STEADY_SECONDS = 30;
const BURST = 600;
const BARE_CONCURRENCY = 32;
const POLL_MS = 20;
/** Cases checked per poll, oldest first: enough to follow 20/s closely without loading the API itself. */
const CHECKS_PER_POLL = 12;

/**
 * Publishes `count` events `intervalMs` apart and times each until readable through the API. The oldest pending
 * cases are checked first (cases open roughly in the order sent), a few per poll.
 */
async function publishAndWait(pipeline: Pipeline, count: number, intervalMs: number): Promise<{ latencies: number[]; seconds: number }> {
  const started = performance.now();
  const pending = new Map<string, number>();
  const latencies: number[] = [];
  let publishing = true;
  const watcher = (async () => {
    while (publishing || pending.size > 0) {
      const checks = [...pending.entries()].slice(0, CHECKS_PER_POLL).map(async ([caseId, sentAt]) => {
        if (await pipeline.readable(caseId)) {
          latencies.push(performance.now() - sentAt);
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
    const { caseId, sentAt } = await pipeline.publish();
    pending.set(caseId, sentAt);
  }
  publishing = false;
  await watcher;
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/**
 * The highest sustained rate: `count` events published as fast as the broker acknowledges them, timed until
 * the read model holds every case (counted in SQL, so measuring adds no HTTP load), then all checked via the API.
 */
async function flatOut(pipeline: Pipeline, count: number): Promise<number> {
  const before = await pipeline.casesOpened();
  const started = performance.now();
  const caseIds = await Promise.all(Array.from({ length: count }, async () => (await pipeline.publish()).caseId));
  while ((await pipeline.casesOpened()) < before + count) {
    if (performance.now() - started > 600_000) throw new Error('the flat-out batch never completed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  for (const caseId of caseIds) if (!(await pipeline.readable(caseId))) throw new Error(`case ${caseId} is not readable`);
  return count / seconds;
}

async function main(): Promise<void> {
  quietRuntime();
  const begun = Date.now();
  const env = await connectToDevServer();
  const bare = await startBareWorker(env);
  const pipeline = await startPipeline();
  const handles: WorkflowHandle[] = [];
  try {
    await publishAndWait(pipeline, 20, 0); // warm-up: bundles loaded, connections open, JIT warm
    const steady = await publishAndWait(pipeline, STEADY_RATE * STEADY_SECONDS, 1000 / STEADY_RATE);
    const sustained = await flatOut(pipeline, BURST);
    const bareRate = await startRate(bareWorkflows(env.client, bare.taskQueue), BURST, BARE_CONCURRENCY, handles);

    const table = [
      '| measure | hotline event → case readable via API | bare workflow start | ratio |',
      '|---|---:|---:|---:|',
      `| p50 at a steady ${STEADY_RATE}/s (${STEADY_RATE * STEADY_SECONDS} events) | ${percentile(steady.latencies, 50).toFixed(0)} ms | — | — |`,
      `| p99 at a steady ${STEADY_RATE}/s | ${percentile(steady.latencies, 99).toFixed(0)} ms | — | — |`,
      `| max at a steady ${STEADY_RATE}/s | ${Math.max(...steady.latencies).toFixed(0)} ms | — | — |`,
      `| sustained rate, ${BURST} events published at once | ${sustained.toFixed(0)} /s | ${bareRate.toFixed(0)} /s (${BARE_CONCURRENCY} in flight) | ${(sustained / bareRate).toFixed(2)}× |`,
    ].join('\n');
    const report = [
      '# Intake benchmark',
      '',
      `${new Date().toISOString()} · node ${process.version} · Temporal dev server · private one-node Kafka · built apps (worker, intake, api) as separate processes`,
      '',
      table,
      '',
      'Latency: from the broker acknowledging the hotline event (acks = all) to GET /v1/cases/:id answering 200, polled every',
      `${POLL_MS} ms. The bare start is update-with-start of a no-op workflow with a no-op update, from this process.`,
      `Total run time: ${((Date.now() - begun) / 1000).toFixed(0)} s.`,
      '',
    ].join('\n');
    console.log(`\n${table}\n`);
    const out = path.resolve(__dirname, '../results/intake.md');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, report);
    console.log(`written to ${path.relative(process.cwd(), out)}`);
  } finally {
    await terminateAll(handles);
    await pipeline.close();
    await bare.stop();
    await env.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
