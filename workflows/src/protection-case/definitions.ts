// The protection-case workflow's public face: its type name, id scheme, input, updates and queries. Clients
// (api, intake) import these; they hold no logic, so importing them outside a workflow is safe.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseCommand, CaseState, CaseView } from '@baoho/domain';
import type { CaseNotice } from './activity-ports';

export const PROTECTION_CASE_WORKFLOW = 'protectionCase';

/** One workflow per case: its id is the case id's, so Temporal itself refuses a second writer (invariant 2). */
export const caseWorkflowId = (caseId: string): string => `case-${caseId}`;

/** A command from a person; the clock's own `CheckClocks` is the workflow's business, never a caller's. */
export type PersonCommand = Exclude<CaseCommand, { readonly type: 'CheckClocks' }>;

/**
 * What a run hands to the next one at continue-as-new: the folded state, the stream version it stands at, and
 * the notices not yet delivered.
 */
export interface CarriedCase {
  readonly state: CaseState;
  readonly version: number;
  readonly outbox?: readonly CaseNotice[];
}

export interface ProtectionCaseInput {
  readonly caseId: string;
  /** Set by continue-as-new. */
  readonly carried?: CarriedCase;
  /**
   * Fold the case from its event log before taking commands: for a case whose workflow was lost or ended (an
   * operator terminated it), so a new run continues where the log stands.
   */
  readonly fromLog?: boolean;
}

/**
 * Every person's command: validated synchronously against the domain's rules (a refusal carries the domain
 * error code as the failure type and appends nothing), then decided, appended, evolved. Returns the case view.
 * Callers pass the command's `commandId` as the update id, so a retried call is answered, not re-run.
 */
export const caseCommandUpdate = defineUpdate<CaseView, [PersonCommand]>('caseCommand');

/** The case as it stands now (codes and times; no personal data). Null before the case is opened. */
export const caseViewQuery = defineQuery<CaseView | null>('caseView');

/** The stream version the workflow has appended up to (the number of events in the case's stream). */
export const caseVersionQuery = defineQuery<number>('caseVersion');
