// What a Temporal call's failure means to an HTTP client. Domain refusals keep their code; a case that does
// not exist is a 404; an unreachable Temporal is a 503 the client may retry (the command id makes it safe).
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { HttpProblem } from '@baoho/http';

/** Domain codes that say "the case is not in a state for this" rather than "this breaks a rule". */
const CONFLICTS = new Set(['CASE_CLOSED', 'CASE_ALREADY_OPEN', 'CLOSURE_NOT_REQUESTED', 'VERSION_CONFLICT', 'ALREADY_PAUSED', 'NOT_PAUSED', 'PERSONAL_DATA_ERASED']);

export function problemFromTemporal(error: unknown, caseId: string): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof WorkflowNotFoundError) return new HttpProblem(404, 'CASE_NOT_FOUND', 'No such case', `case ${caseId}`);
  const failure = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (failure instanceof ApplicationFailure && failure.type) {
    if (failure.type === 'CASE_NOT_OPEN') return new HttpProblem(404, 'CASE_NOT_FOUND', 'No such case', `case ${caseId}`);
    if (failure.type === 'FORBIDDEN_ROLE') return new HttpProblem(403, failure.type, 'Not allowed for this role', failure.message);
    const status = CONFLICTS.has(failure.type) ? 409 : 422;
    return new HttpProblem(status, failure.type, 'Refused by the protocol', failure.message);
  }
  return new HttpProblem(503, 'TEMPORAL_UNAVAILABLE', 'Case engine unavailable', 'nothing was changed; retry with the same Idempotency-Key', {}, 5);
}
