// The API's only way to change a case: an update on its workflow (invariant 2). Opening uses update-with-start
// so a walk-in's case and its workflow appear together; every command carries its id as the update id.
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { CaseView, OpenCase } from '@baoho/domain';
import { caseCommandUpdate, caseWorkflowId, PROTECTION_CASE_WORKFLOW, type PersonCommand, type protectionCase } from '@baoho/workflows';
import { problemFromTemporal } from './temporal-failure';

const CALL_TIMEOUT_MS = 15_000;

export class CaseGateway {
  constructor(
    private readonly client: () => Promise<Client>,
    private readonly taskQueue: string,
  ) {}

  async open(command: OpenCase): Promise<CaseView> {
    try {
      const client = await this.client();
      const startWorkflowOperation = new WithStartWorkflowOperation<typeof protectionCase>(PROTECTION_CASE_WORKFLOW, {
        workflowId: caseWorkflowId(command.caseId),
        taskQueue: this.taskQueue,
        args: [{ caseId: command.caseId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return await client.withDeadline(Date.now() + CALL_TIMEOUT_MS, () =>
        client.workflow.executeUpdateWithStart(caseCommandUpdate, { args: [command], updateId: command.commandId, startWorkflowOperation }),
      );
    } catch (error) {
      throw problemFromTemporal(error, command.caseId);
    }
  }

  async send(caseId: string, command: PersonCommand): Promise<CaseView> {
    try {
      const client = await this.client();
      const handle = client.workflow.getHandle(caseWorkflowId(caseId));
      return await client.withDeadline(Date.now() + CALL_TIMEOUT_MS, () =>
        handle.executeUpdate(caseCommandUpdate, { args: [command], updateId: command.commandId }),
      );
    } catch (error) {
      throw problemFromTemporal(error, caseId);
    }
  }
}
