import pino, { type DestinationStream, type Logger } from 'pino';
import { redact } from './redaction';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** The app's name, on every line. */
  readonly app: string;
  readonly level: string;
  /** Where lines go; stdout when absent (tests pass a stream). */
  readonly destination?: DestinationStream;
}

/** The root logger of an app: JSON lines on stdout, ISO timestamps, personal data redacted at any depth. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { app: options.app, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** What ties a log line to a case; absent fields are left out. */
export interface CaseContext {
  readonly caseId?: string | undefined;
  readonly workflowId?: string | undefined;
}

/** A child logger whose every line carries the case id and the workflow id, when there is one. */
export function withCase(logger: Logger, context: CaseContext): Logger {
  const bindings: Record<string, string> = {};
  if (context.caseId) bindings.caseId = context.caseId;
  if (context.workflowId) bindings.workflowId = context.workflowId;
  return logger.child(bindings);
}
