// Opens a hotline's case in Temporal: update-with-start on the case's workflow id, with the command id as the
// update id. Redeliveries of one report reach the same workflow with the same update id and are answered
// with the first result; a report that arrives after the case moved on is refused as CASE_ALREADY_OPEN,
// which is still "this report has its case". The report's personal part is sealed with the case's data key
// before Temporal sees it (a redelivery seals anew; the update id makes it the same opening).
import { DataKeyErasedError, type CasePersonalData } from '@baoho/crypto';
import { ApplicationFailure, WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { OpenCase } from '@baoho/domain';
import { caseCommandUpdate, caseWorkflowId, PROTECTION_CASE_WORKFLOW, type protectionCase } from '@baoho/workflows';

export type OpenOutcome =
  | { readonly kind: 'opened'; readonly caseId: string }
  | { readonly kind: 'duplicate'; readonly caseId: string }
  /** The domain refused the report (a rule the contract cannot express): it is stored like a refused message. */
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  /** Temporal did not answer in time: nothing happened that a retry would not redo exactly. */
  | { readonly kind: 'unavailable'; readonly cause: string };

export interface CaseOpenerOptions {
  readonly taskQueue: string;
  /** How long one attempt may wait for Temporal (start and the opening update together). */
  readonly timeoutMs?: number;
}

export class CaseOpener {
  constructor(
    private readonly client: () => Promise<Client>,
    private readonly options: CaseOpenerOptions,
    private readonly personalData: CasePersonalData,
  ) {}

  async open(plain: OpenCase): Promise<OpenOutcome> {
    const caseId = plain.caseId;
    try {
      const command = await this.personalData.sealCommand(caseId, plain);
      const client = await this.client();
      const startWorkflowOperation = new WithStartWorkflowOperation<typeof protectionCase>(PROTECTION_CASE_WORKFLOW, {
        workflowId: caseWorkflowId(caseId),
        taskQueue: this.options.taskQueue,
        args: [{ caseId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      await client.withDeadline(Date.now() + (this.options.timeoutMs ?? 10_000), () =>
        client.workflow.executeUpdateWithStart(caseCommandUpdate, {
          args: [command],
          updateId: command.commandId,
          startWorkflowOperation,
        }),
      );
      return { kind: 'opened', caseId };
    } catch (error) {
      // The case was opened and its personal data erased since: this report has its case.
      if (error instanceof DataKeyErasedError) return { kind: 'duplicate', caseId };
      const failure = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
      if (failure instanceof ApplicationFailure && failure.type) {
        if (failure.type === 'CASE_ALREADY_OPEN') return { kind: 'duplicate', caseId };
        return { kind: 'refused', code: failure.type, message: failure.message };
      }
      return { kind: 'unavailable', cause: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
}
