import { Kafka, logLevel, type Admin, type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';
import { DependencyDownError, type DependencyIndicator } from '../health/dependency-indicator';

export interface KafkaOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
}

/** kafkajs's log lines into the app's logger, as JSON, at WARN and above. */
function kafkaLogCreator(logger: Logger): logCreator {
  const child = logger.child({ component: 'kafkajs' });
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _name, stack: _stack, ...fields } = log;
      if (level === logLevel.ERROR) child.error(fields, message);
      else if (level === logLevel.WARN) child.warn(fields, message);
      else if (level === logLevel.INFO) child.info(fields, message);
      else child.debug(fields, message);
    };
}

/**
 * The app's Kafka client. kafkajs reports a lost broker only through rejected promises of the calls in
 * flight (each caller handles its own) and its log; nothing here throws outside a call, so losing the
 * broker never crashes the process. Connections are re-established on the next call.
 */
export function createKafkaClient(options: KafkaOptions, logger: Logger): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: 1_000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
  });
}

/**
 * Kafka readiness: `describeCluster` through an admin client kept between probes. A failed probe throws the
 * admin away (disconnecting it), so the next probe starts from a fresh connection and recovers by itself.
 */
export class KafkaIndicator implements DependencyIndicator {
  readonly name = 'kafka';
  private admin: Admin | undefined;

  constructor(private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    const admin = this.admin ?? (await this.connect());
    try {
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length === 0) throw new DependencyDownError('no-brokers');
    } catch (error) {
      await this.discard(admin);
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await admin.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<Admin> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
    } catch (error) {
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
    this.admin = admin;
    return admin;
  }

  private async discard(admin: Admin): Promise<void> {
    if (this.admin === admin) this.admin = undefined;
    await admin.disconnect().catch(() => undefined);
  }
}
