// What the workflow asks of the outside world, as types only: the worker implements them (apps/worker). Kept
// here so workflow code never imports the event store or a driver.

/** An event as the workflow hands it to the log: the domain event plus its deterministic id and metadata. */
export interface CaseEventToAppend {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly personal?: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly occurredAt: string;
}

export interface AppendCaseEventsInput {
  readonly caseId: string;
  readonly expectedVersion: number;
  readonly events: readonly CaseEventToAppend[];
}

/** A recorded escalation or notice, with codes and ids only: the port decides how it reaches people. */
export interface CaseNotice {
  readonly caseId: string;
  readonly eventId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface LoggedCase {
  /** The stream's events, upcast to their current shape, oldest first. */
  readonly events: readonly {
    readonly type: string;
    readonly schemaVersion: number;
    readonly data: unknown;
    readonly personal?: unknown;
    /** Who and why (`commandId` of the command that decided it). */
    readonly metadata?: Readonly<Record<string, unknown>>;
  }[];
}

export interface CaseActivities {
  /** Appends at the expected version; a retry of a committed append is a no-op (idempotent by event id). */
  appendCaseEvents(input: AppendCaseEventsInput): Promise<{ readonly nextVersion: number }>;
  /** Hands escalations and notices to the notification port. */
  deliverNotices(notices: readonly CaseNotice[]): Promise<void>;
  /** Reads the case's whole stream (for a run started `fromLog`). */
  readCaseLog(caseId: string): Promise<LoggedCase>;
}

/** Failure types the activities raise for business errors: never retried. */
export const NON_RETRYABLE_APPEND_FAILURES = ['VERSION_CONFLICT', 'EVENT_ID_CONFLICT', 'INVALID_APPEND'] as const;
