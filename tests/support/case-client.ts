// Talking to protection-case workflows the way the API and intake will: open with update-with-start on the
// case's workflow id, then one update per command with the command id as the update id.
import { WithStartWorkflowOperation, type Client, type WorkflowHandle } from '@temporalio/client';
import type { CaseView, OpenCase } from '@baoho/domain';
import {
  caseCommandUpdate,
  caseWorkflowId,
  PROTECTION_CASE_WORKFLOW,
  type PersonCommand,
  type protectionCase,
} from '@baoho/workflows';

export type CaseHandle = WorkflowHandle<typeof protectionCase>;

/** Starts the case's workflow if it is not running and opens the case in the same call. */
export async function openCase(client: Client, taskQueue: string, report: OpenCase): Promise<{ handle: CaseHandle; view: CaseView }> {
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof protectionCase>(PROTECTION_CASE_WORKFLOW, {
    workflowId: caseWorkflowId(report.caseId),
    taskQueue,
    args: [{ caseId: report.caseId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  const view = await client.workflow.executeUpdateWithStart(caseCommandUpdate, {
    args: [report],
    updateId: report.commandId,
    startWorkflowOperation,
  });
  return { handle: await startWorkflowOperation.workflowHandle(), view };
}

/** Sends one command and returns the case view after it. */
export function send(handle: CaseHandle, command: PersonCommand): Promise<CaseView> {
  return handle.executeUpdate(caseCommandUpdate, { args: [command], updateId: command.commandId });
}
