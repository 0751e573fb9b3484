// The API's only way to change a case: an update on its workflow (invariant 2). Opening uses update-with-start
// so a walk-in's case and its workflow appear together; every command carries its id as the update id. Every
// personal field is sealed with the case's data key here, before Temporal sees it: update arguments, history
// and the workflow's state hold ciphertext only.
import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { CaseView, OpenCase } from '@baoho/domain';
import { DataKeyErasedError, DataKeyMissingError, type CasePersonalData } from '@baoho/crypto';
import { HttpProblem } from '@baoho/http';
import { caseCommandUpdate, caseWorkflowId, PROTECTION_CASE_WORKFLOW, type PersonCommand, type protectionCase } from '@baoho/workflows';
import { problemFromTemporal } from './temporal-failure';

const CALL_TIMEOUT_MS = 15_000;

export class CaseGateway {
  constructor(
    private readonly client: () => Promise<Client>,
    private readonly taskQueue: string,
    private readonly personalData: CasePersonalData,
  ) {}

  async open(plain: OpenCase): Promise<CaseView> {
    const command = await this.seal(plain.caseId, plain);
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

  async send(caseId: string, plain: PersonCommand): Promise<CaseView> {
    const command = await this.seal(caseId, plain);
    try {
      const client = await this.client();
      const handle = client.workflow.getHandle(caseWorkflowId(caseId));
      return await client
        .withDeadline(Date.now() + CALL_TIMEOUT_MS, () => handle.executeUpdate(caseCommandUpdate, { args: [command], updateId: command.commandId }))
        .catch((error: unknown) => {
          if (error instanceof WorkflowNotFoundError) return this.resumeFromLog(client, caseId, command);
          throw error;
        });
    } catch (error) {
      throw problemFromTemporal(error, caseId);
    } finally {
      // The process that erased stops reading at once (other processes within their key cache's TTL).
      if (command.type === 'ErasePersonalData') this.personalData.forgetCase(caseId);
    }
  }

  /**
   * A case whose workflow the server no longer knows — terminated, or lost by a server that crashed before its
   * write reached disk — has a data key (sealing found it), so it was opened: its workflow is started again from
   * the event log, the source of truth (invariant 1), and answers the command. Its clocks come back with it
   * (`nextWakeUp` of the folded state). A key whose opening never reached the log leaves nothing to fold, and the
   * domain refuses the command as for any unopened case (404).
   */
  private async resumeFromLog(client: Client, caseId: string, command: PersonCommand): Promise<CaseView> {
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof protectionCase>(PROTECTION_CASE_WORKFLOW, {
      workflowId: caseWorkflowId(caseId),
      taskQueue: this.taskQueue,
      args: [{ caseId, fromLog: true }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return client.withDeadline(Date.now() + CALL_TIMEOUT_MS, () =>
      client.workflow.executeUpdateWithStart(caseCommandUpdate, { args: [command], updateId: command.commandId, startWorkflowOperation }),
    );
  }

  private async seal<C extends PersonCommand>(caseId: string, command: C): Promise<C> {
    try {
      return await this.personalData.sealCommand(caseId, command);
    } catch (error) {
      if (error instanceof DataKeyErasedError) {
        throw new HttpProblem(409, 'PERSONAL_DATA_ERASED', 'Personal data erased', 'this case takes no personal data any more');
      }
      if (error instanceof DataKeyMissingError) throw new HttpProblem(404, 'CASE_NOT_FOUND', 'No such case', `case ${caseId}`);
      throw error;
    }
  }
}
