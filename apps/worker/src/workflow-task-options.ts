// The worker's workflow-task limits (libs/config: WORKER_MAX_CONCURRENT_WORKFLOW_TASKS, WORKER_MAX_WORKFLOW_TASK_POLLS,
// WORKER_NON_STICKY_POLL_RATIO) in the SDK's words; the benches give their in-process workers the same.
import type { WorkerOptions } from '@temporalio/worker';

export interface WorkflowTaskLimits {
  readonly maxConcurrentWorkflowTasks: number;
  readonly maxWorkflowTaskPolls: number;
  readonly nonStickyPollRatio: number;
}

export const workflowTaskOptions = (
  tasks: WorkflowTaskLimits,
): Pick<WorkerOptions, 'maxConcurrentWorkflowTaskExecutions' | 'maxConcurrentWorkflowTaskPolls' | 'nonStickyToStickyPollRatio'> => ({
  maxConcurrentWorkflowTaskExecutions: tasks.maxConcurrentWorkflowTasks,
  maxConcurrentWorkflowTaskPolls: tasks.maxWorkflowTaskPolls,
  nonStickyToStickyPollRatio: tasks.nonStickyPollRatio,
});
