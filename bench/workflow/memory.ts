// The worker's resident memory with many open cases: RSS of this process (client and worker alike) before,
// after opening them, and after a full GC of the main thread.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { WorkflowHandle } from '@temporalio/client';
import type { Contender } from './contenders';
import { inFlight } from './workloads';

export interface MemoryFigures {
  readonly target: number;
  readonly opened: number;
  readonly seconds: number;
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly rssAfterGc: number;
  readonly cached: number;
  readonly maxCached: number;
}

/**
 * `gc` without `--expose-gc` on the command line: the flag may be set at run time, and a fresh context then
 * has the function. It collects the main thread's heap only; the workflow sandboxes live in worker threads.
 */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

export async function openManyCases(
  contender: Contender,
  target: number,
  concurrency: number,
  budgetMs: number,
  worker: { readonly cached: () => number; readonly maxCached: number },
  opened: WorkflowHandle[],
): Promise<MemoryFigures> {
  const gc = collector();
  gc();
  await settle();
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();
  const handles = await inFlight(target, concurrency, () => contender.open(), started + budgetMs);
  const seconds = (Date.now() - started) / 1000;
  opened.push(...handles);
  await settle();
  const rssAfter = process.memoryUsage().rss;
  gc();
  await settle();
  const rssAfterGc = process.memoryUsage().rss;
  return { target, opened: handles.length, seconds, rssBefore, rssAfter, rssAfterGc, cached: worker.cached(), maxCached: worker.maxCached };
}
