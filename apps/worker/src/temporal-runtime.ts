import { Runtime, type LogLevel, type LogMetadata, type Logger as TemporalLogger } from '@temporalio/worker';
import type { Logger } from '@baoho/observability';

/** The Temporal SDK's logger over the app's pino logger, so the SDK's lines are JSON like ours. */
class PinoTemporalLogger implements TemporalLogger {
  constructor(private readonly logger: Logger) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const fields = meta ?? {};
    switch (level) {
      case 'TRACE':
        return this.logger.trace(fields, message);
      case 'DEBUG':
        return this.logger.debug(fields, message);
      case 'INFO':
        return this.logger.info(fields, message);
      case 'WARN':
        return this.logger.warn(fields, message);
      case 'ERROR':
        return this.logger.error(fields, message);
    }
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

/**
 * Installs the SDK runtime once per process: its logs into ours, and no signal handlers of its own, so that
 * Nest's shutdown sequence decides when the worker stops.
 */
export function installTemporalRuntime(logger: Logger): void {
  Runtime.install({ logger: new PinoTemporalLogger(logger.child({ component: 'temporal' })), shutdownSignals: [] });
}
