import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from '@baoho/config';
import type { Logger } from 'pino';
import { createLogger } from '../logging/logger';
import { PinoLoggerService } from '../logging/nest-logger';

/** Past this, a shutdown that has not finished is cut short (exit 1) rather than left hanging. */
export const SHUTDOWN_BOUND_MS = 20_000;

export interface AppDefinition<Config extends BaseConfig> {
  /** api, worker, intake, relay. */
  readonly name: string;
  /** Reads and validates the environment; throws `ConfigError`. */
  loadConfig(): Config;
  /** The app's root module, given its configuration and root logger. */
  module(config: Config, logger: Logger): DynamicModule;
  /** Default true. An app that reads raw bodies (the hotline intake) turns Nest's JSON parser off. */
  readonly bodyParser?: boolean;
  /** Called before listening: global filters, body parsers. */
  configure?(app: INestApplication, logger: Logger): void;
}

interface BaseConfig {
  readonly http: { readonly host: string; readonly port: number };
  readonly log: { readonly level: string };
}

/**
 * Starts a baoho app: configuration validated first (a bad variable ends the process with exit code 1 and a
 * log line naming it), JSON logs, HTTP on the configured host and port, and a graceful shutdown on SIGTERM or
 * SIGINT that closes every client and exits 0, within `SHUTDOWN_BOUND_MS`.
 */
export async function runApp<Config extends BaseConfig>(definition: AppDefinition<Config>): Promise<void> {
  let config: Config;
  try {
    config = definition.loadConfig();
  } catch (error) {
    const logger = createLogger({ app: definition.name, level: 'info' });
    if (error instanceof ConfigError) {
      logger.fatal({ variables: error.variables, issues: error.issues }, error.message);
    } else {
      logger.fatal({ err: error }, 'could not read the configuration');
    }
    process.exit(1);
  }

  const logger = createLogger({ app: definition.name, level: config.log.level });
  guardProcess(logger);
  try {
    const app = await NestFactory.create(definition.module(config, logger), {
      logger: new PinoLoggerService(logger),
      abortOnError: false,
      forceCloseConnections: true,
      bodyParser: definition.bodyParser ?? true,
    });
    definition.configure?.(app, logger);
    app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
    await app.listen(config.http.port, config.http.host);
    logger.info({ host: config.http.host, port: config.http.port }, `${definition.name} is listening`);
  } catch (error) {
    logger.fatal({ err: error }, `${definition.name} could not start`);
    process.exit(1);
  }
}

/**
 * An unhandled rejection is logged, not fatal: a client library losing its server must not take the app
 * down. An uncaught exception leaves the process in an unknown state: logged, then exit 1. A shutdown signal
 * arms a bound after which the process exits even if a client hangs while closing.
 */
function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      setTimeout(() => {
        logger.error({ boundMs: SHUTDOWN_BOUND_MS }, 'shutdown did not finish in time; exiting');
        process.exit(1);
      }, SHUTDOWN_BOUND_MS).unref();
    });
  }
}
