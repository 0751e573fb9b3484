import { ApplicationFailure } from '@temporalio/activity';
import { ConcurrencyError, EventIdConflictError, InvalidAppendError, type EventStore } from '@baoho/event-store';
import type { CaseActivities } from '@baoho/workflows';
import type { NotificationPort } from '../notifications/notification-port';

export interface CaseActivityDependencies {
  readonly store: EventStore;
  readonly notifications: NotificationPort;
}

/**
 * The case workflows' activities. Each is idempotent, because Temporal may run it again after it succeeded:
 * an append retried after commit is a no-op (the store dedupes by the workflow's deterministic event ids), a
 * notice delivered twice carries the same event id for the port to recognise.
 */
export function createCaseActivities({ store, notifications }: CaseActivityDependencies): CaseActivities {
  return {
    async appendCaseEvents({ caseId, expectedVersion, events }) {
      try {
        const { nextVersion } = await store.append(caseId, expectedVersion, events);
        return { nextVersion };
      } catch (error) {
        throw asBusinessFailure(error) ?? error;
      }
    },

    async deliverNotices(notices) {
      for (const notice of notices) await notifications.deliver(notice);
    },

    async readCaseLog(caseId) {
      const events = await store.readStream(caseId);
      return {
        events: events.map((event) => ({
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          ...(event.personal != null ? { personal: event.personal } : {}),
          metadata: event.metadata,
        })),
      };
    },
  };
}

/**
 * A store refusal that no retry can fix, as a non-retryable failure typed with its code; undefined for an
 * infrastructure error (PostgreSQL away), which Temporal retries with backoff until it is back.
 */
function asBusinessFailure(error: unknown): ApplicationFailure | undefined {
  if (error instanceof ConcurrencyError || error instanceof EventIdConflictError || error instanceof InvalidAppendError) {
    return ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
  }
  return undefined;
}
