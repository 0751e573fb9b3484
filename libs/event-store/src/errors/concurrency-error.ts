/**
 * The stream moved since the caller read it: someone else appended at the expected version, or a different
 * batch already holds it. With one writer per case (invariant 2) this signals a bug or a duplicate workflow.
 */
export class ConcurrencyError extends Error {
  readonly code = 'VERSION_CONFLICT' as const;

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    /** The stream's version when the conflict was detected (0 when the stream does not exist). */
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId}: expected version ${expectedVersion}, found ${actualVersion}`);
    this.name = 'ConcurrencyError';
  }
}

export const isConcurrencyError = (error: unknown): error is ConcurrencyError => error instanceof ConcurrencyError;
