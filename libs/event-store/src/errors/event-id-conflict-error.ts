/**
 * An event id is already in the log at another place than this append would put it. Event ids are
 * deterministic (invariant 4), so this is a different fact reusing an id — a bug, never a retry.
 */
export class EventIdConflictError extends Error {
  readonly code = 'EVENT_ID_CONFLICT' as const;

  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`stream ${streamId}: event id already recorded elsewhere in the log (${eventIds.join(', ')})`);
    this.name = 'EventIdConflictError';
  }
}
