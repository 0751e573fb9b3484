import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sourceBundlerOptions, startTimeSkippingEnvironment, uniqueTaskQueue } from '../support/temporal';
import { sleepForDays } from './fixtures/smoke-workflows';

describe('the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkippingEnvironment();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a workflow that sleeps 30 days in under 5 seconds of wall time', async () => {
    const taskQueue = uniqueTaskQueue('smoke-ts');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./fixtures/smoke-workflows'),
      bundlerOptions: sourceBundlerOptions,
    });
    const wallStart = performance.now();
    const result = await worker.runUntil(
      env.client.workflow.execute(sleepForDays, { args: [30], taskQueue, workflowId: `smoke-sleep-${taskQueue}` }),
    );
    const wallMs = performance.now() - wallStart;
    expect(result.sleptMs).toBeGreaterThanOrEqual(30 * 24 * 3600 * 1000);
    expect(wallMs).toBeLessThan(5000);
  });
});
