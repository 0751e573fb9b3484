// Workloads: a fixed number of calls in flight over a counted batch of work, timed from the first call to the
// last answer; and sequential updates spread over a set of open workflows, each timed on its own.
import type { WorkflowHandle } from '@temporalio/client';
import type { Contender } from './contenders';

/**
 * Runs work(0..count-1) with `concurrency` calls in flight; stops taking new work after `deadline` (epoch ms)
 * if one is given. Returns the results of the work done, in no particular order.
 */
export async function inFlight<T>(count: number, concurrency: number, work: (i: number) => Promise<T>, deadline = Infinity): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count && Date.now() < deadline) results.push(await work(next++));
    }),
  );
  return results;
}

/** Opens `count` workflows with `concurrency` in flight; returns opens per second. Keeps the handles in `opened`. */
export async function startRate(contender: Contender, count: number, concurrency: number, opened: WorkflowHandle[]): Promise<number> {
  const started = process.hrtime.bigint();
  const handles = await inFlight(count, concurrency, () => contender.open());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  opened.push(...handles);
  return count / seconds;
}

/** Sends `count` updates one after another, round robin over `handles`; returns each one's latency in ms. */
export async function updateLatencies(contender: Contender, handles: readonly WorkflowHandle[], count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await contender.update(handles[i % handles.length]!);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return latencies;
}

/** Terminates every workflow in `handles` (a bench leaves nothing running), 32 at a time. */
export async function terminateAll(handles: readonly WorkflowHandle[]): Promise<void> {
  await inFlight(handles.length, 32, async (i) => {
    await handles[i]!.terminate('benchmark done').catch((error: unknown) => {
      if ((error as Error).name !== 'WorkflowNotFoundError') throw error;
    });
  });
}
