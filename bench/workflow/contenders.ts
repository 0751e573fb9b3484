// The two sides compared, behind one shape: open one workflow by update-with-start, send one update to an open
// one. Ours: the protection-case workflow with the hotline report of PROTOCOL.md, then caseworker notes. Bare:
// the no-op workflow with its no-op update, handed the very same payloads.
import { WithStartWorkflowOperation, type Client, type WorkflowHandle } from '@temporalio/client';
import { caseCommandUpdate } from '@baoho/workflows';
import { openCase } from '../../tests/support/case-client';
import { command, hotlineReport } from '../../tests/support/case-commands';
import { BARE_WORKFLOW, bareUpdate } from './bare-workflow';

export interface Contender {
  readonly name: 'ours' | 'bare';
  open(): Promise<WorkflowHandle>;
  update(handle: WorkflowHandle): Promise<void>;
}

const note = () => command('AddNote', { text: 'Called back; caller safe at a friend’s place, will come in tomorrow.' });

export function ourCases(client: Client, taskQueue: string): Contender {
  return {
    name: 'ours',
    open: async () => {
      const { handle, view } = await openCase(client, taskQueue, hotlineReport(Date.now()));
      if (view.status !== 'open') throw new Error(`case not open after OpenCase: ${view.status}`);
      return handle;
    },
    update: async (handle) => {
      const cmd = note();
      await handle.executeUpdate(caseCommandUpdate, { args: [cmd], updateId: cmd.commandId });
    },
  };
}

let bareCount = 0;

export function bareWorkflows(client: Client, taskQueue: string): Contender {
  return {
    name: 'bare',
    open: async () => {
      const report = hotlineReport(Date.now());
      const startWorkflowOperation = new WithStartWorkflowOperation(BARE_WORKFLOW, {
        workflowId: `bare-${process.pid}-${Date.now().toString(36)}-${++bareCount}`,
        taskQueue,
        args: [],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      await client.workflow.executeUpdateWithStart(bareUpdate, { args: [report], updateId: report.commandId, startWorkflowOperation });
      return startWorkflowOperation.workflowHandle();
    },
    update: async (handle) => {
      const cmd = note();
      await handle.executeUpdate(bareUpdate, { args: [cmd], updateId: cmd.commandId });
    },
  };
}
