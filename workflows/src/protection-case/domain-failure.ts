// Domain refusals cross Temporal as ApplicationFailures whose type is the domain's stable code, so a client
// (the API) can answer with the right problem details without parsing messages. Business errors are final.
import { ApplicationFailure } from '@temporalio/workflow';
import { isDomainError } from '@baoho/domain';

export const asFailure = (error: unknown): ApplicationFailure => {
  if (error instanceof ApplicationFailure) return error;
  if (isDomainError(error)) {
    return ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
  }
  const message = error instanceof Error ? error.message : String(error);
  return ApplicationFailure.create({ type: 'INVALID_COMMAND', message, nonRetryable: true });
};
