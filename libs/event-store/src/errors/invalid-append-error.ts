/** The append request itself is malformed (no events, a bad version, duplicate ids in one batch). */
export class InvalidAppendError extends Error {
  readonly code = 'INVALID_APPEND' as const;

  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
