// The case workflow's benchmark: opening cases and caseworker updates, ours vs a bare no-op workflow on the same
// Temporal dev server (a private one with a fresh SQLite file and the flags of scripts/services.sh: on the shared
// one, what earlier runs left behind changed the figures by half), then the worker's memory with thousands of
// open cases. Client and workers share this process. Run: source .baoho/env && node --require ./scripts/swc-register.js bench/workflow/run.ts [--quick]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { median } from '../event-store/report';
import { startPrivateTemporal } from '../../tests/support/private-temporal';
import { connectToDevServer } from '../../tests/support/temporal';
import { bareWorkflows, ourCases, type Contender } from './contenders';
import { openManyCases, type MemoryFigures } from './memory';
import { percentile, renderMemory, renderTable, type Row } from './report';
import { quietRuntime, startBareWorker, startCaseWorker } from './workers';
import { startRate, terminateAll, updateLatencies } from './workloads';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 2 : 5;
const CONCURRENCY = 16;
const STARTS_PER_ROUND = quick ? 40 : 200;
const UPDATES_PER_ROUND = quick ? 40 : 300;
/** Open workflows per side that the updates go to, round robin (opened in the warm-up, not timed). */
const UPDATE_TARGETS = 20;
const MEMORY_CASES = quick ? 300 : 5_000;
const MEMORY_BUDGET_MS = 180_000;

interface Results {
  starts: Record<Contender['name'], number[]>;
  p50: Record<Contender['name'], number[]>;
  p99: Record<Contender['name'], number[]>;
}

/** Rounds interleaved, the order flipped each round, so drift on the shared machine hits both sides alike. */
const inTurn = (round: number, contenders: readonly Contender[]): Contender[] => (round % 2 ? [...contenders].reverse() : [...contenders]);

async function measure(contenders: readonly Contender[], opened: WorkflowHandle[]): Promise<Results> {
  const r: Results = { starts: { ours: [], bare: [] }, p50: { ours: [], bare: [] }, p99: { ours: [], bare: [] } };
  const targets = new Map<Contender, WorkflowHandle[]>();
  for (const contender of contenders) {
    const handles: WorkflowHandle[] = [];
    await startRate(contender, UPDATE_TARGETS, CONCURRENCY, handles); // warm-up, and the update targets
    await updateLatencies(contender, handles, UPDATE_TARGETS);
    targets.set(contender, handles);
    opened.push(...handles);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const contender of inTurn(round, contenders)) r.starts[contender.name].push(await startRate(contender, STARTS_PER_ROUND, CONCURRENCY, opened));
    console.log(`starts round ${round + 1}/${ROUNDS}: ours ${r.starts.ours.at(-1)!.toFixed(1)}/s, bare ${r.starts.bare.at(-1)!.toFixed(1)}/s`);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const contender of inTurn(round, contenders)) {
      const latencies = await updateLatencies(contender, targets.get(contender)!, UPDATES_PER_ROUND);
      r.p50[contender.name].push(percentile(latencies, 50));
      r.p99[contender.name].push(percentile(latencies, 99));
    }
    console.log(`updates round ${round + 1}/${ROUNDS}: p99 ours ${r.p99.ours.at(-1)!.toFixed(1)} ms, bare ${r.p99.bare.at(-1)!.toFixed(1)} ms`);
  }
  return r;
}

function rows(r: Results): Row[] {
  const starts = { ours: median(r.starts.ours), bare: median(r.starts.bare) };
  const p50 = { ours: median(r.p50.ours), bare: median(r.p50.bare) };
  const p99 = { ours: median(r.p99.ours), bare: median(r.p99.bare) };
  return [
    { measure: `workflows opened per second (update-with-start, ${CONCURRENCY} in flight)`, ...starts, target: '≥ 0.70×', met: starts.ours / starts.bare >= 0.7 },
    { measure: 'update latency p50, ms (sequential)', ...p50 },
    { measure: 'update latency p99, ms (sequential)', ...p99, target: '≤ 2.00×', met: p99.ours / p99.bare <= 2 },
  ];
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  quietRuntime();
  const temporal = await startPrivateTemporal();
  process.env.TEMPORAL_ADDRESS = temporal.address;
  const env = await connectToDevServer();
  const caseWorker = await startCaseWorker(env);
  const ours = ourCases(env.client, caseWorker.taskQueue);
  const opened: WorkflowHandle[] = [];
  let memory: MemoryFigures;
  let results: Results;
  let bareWorker: Awaited<ReturnType<typeof startBareWorker>> | undefined;
  try {
    // Memory first, with only the case worker running: the cleanest baseline this process will have.
    const many: WorkflowHandle[] = [];
    try {
      memory = await openManyCases(ours, MEMORY_CASES, CONCURRENCY, MEMORY_BUDGET_MS, {
        cached: () => caseWorker.worker.getStatus().numCachedWorkflows,
        maxCached: caseWorker.worker.options.maxCachedWorkflows,
      }, many);
      console.log(`memory: ${memory.opened} cases open in ${memory.seconds.toFixed(0)} s, RSS ${(memory.rssAfterGc / 2 ** 20).toFixed(0)} MiB`);
    } finally {
      await terminateAll(many);
    }
    bareWorker = await startBareWorker(env);
    results = await measure([ours, bareWorkflows(env.client, bareWorker.taskQueue)], opened);
  } finally {
    await terminateAll(opened);
    await bareWorker?.stop();
    await caseWorker.stop();
    await env.teardown();
    await temporal.dispose();
  }

  const table = renderTable(rows(results));
  const memoryTable = renderMemory(memory);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  const report = [
    '# Case workflow benchmark',
    '',
    `${new Date().toISOString()} · Temporal dev server ${process.env.TEMPORAL_ADDRESS} · median of ${ROUNDS} rounds${quick ? ' (--quick)' : ''} · ` +
      `${STARTS_PER_ROUND} opens per round, ${CONCURRENCY} in flight · ${UPDATES_PER_ROUND} updates per round, one at a time, over ` +
      `${UPDATE_TARGETS} open workflows per side · node ${process.version} · client and both workers in one node process`,
    '',
    table,
    '',
    memoryTable,
    '',
    'Ours: update-with-start of `protectionCase` with the hotline OpenCase of PROTOCOL.md (validate, decide, append to',
    'PostgreSQL through the `appendCaseEvents` activity, fold, return the view); updates are caseworker `AddNote`s.',
    'Bare: update-with-start of a workflow whose only update handler returns null at once, on its own worker and task',
    'queue, handed the same payloads. p50/p99 are per round (nearest rank), then the median over rounds.',
    'Memory: this process\'s RSS (client, case worker, its PostgreSQL pool); the GC is the main thread\'s only (the',
    'workflow sandboxes live in a worker thread). Cases beyond maxCachedWorkflows are evicted and hold no memory here.',
    `Total run time: ${seconds} s.`,
    '',
  ].join('\n');
  console.log(`\n${table}\n\n${memoryTable}\n\nTotal run time: ${seconds} s.`);
  const out = path.resolve(__dirname, '../results/workflow.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(`written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
