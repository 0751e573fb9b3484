import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { connectToDevServer, sourceBundlerOptions, uniqueTaskQueue } from '../support/temporal';
import { greetOnce } from './fixtures/smoke-workflows';

describe('the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await connectToDevServer();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a workflow with an activity, and lists it through visibility', async () => {
    const taskQueue = uniqueTaskQueue('smoke-dev');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./fixtures/smoke-workflows'),
      bundlerOptions: sourceBundlerOptions,
      activities: { greet: async (name: string) => `xin chào, ${name}` },
    });
    const workflowId = `smoke-dev-${taskQueue}`;
    const result = await worker.runUntil(
      env.client.workflow.execute(greetOnce, { args: ['baoho'], taskQueue, workflowId }),
    );
    expect(result).toBe('xin chào, baoho');

    // visibility is eventually consistent: poll briefly for the closed execution
    let found = 0;
    for (let i = 0; i < 50 && found === 0; i++) {
      for await (const execution of env.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
        if (execution.status.name === 'COMPLETED') found++;
      }
      if (found === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toBe(1);
  });
});
