// The logger this lib writes to: the structural subset of pino's Logger it uses, so apps pass their
// (redacting) pino logger and tests pass a recorder, and this lib depends on no logging library.
export interface MessagingLogger {
  error(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  debug(fields: object, message?: string): void;
}

/** For callers that want silence (tests of other things). */
export const silentLogger: MessagingLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};
