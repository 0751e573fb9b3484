// The one way this project makes a kafkajs client: its log lines go to the app's logger (JSON, redacted),
// never to the console, and its retries are bounded so a lost broker surfaces as an error in seconds.
import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { MessagingLogger } from './messaging-logger';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface KafkaClientConfig {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly logger: MessagingLogger;
  /** The lowest kafkajs level passed on; default `warn` (kafkajs is chatty at info). */
  readonly logLevel?: KafkaLogLevel;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

const LEVELS: Record<KafkaLogLevel, logLevel> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

export function createKafka(config: KafkaClientConfig): Kafka {
  if (config.brokers.length === 0) throw new Error('createKafka: no brokers');
  return new Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    connectionTimeout: config.connectionTimeoutMs ?? 3_000,
    requestTimeout: config.requestTimeoutMs ?? 30_000,
    // ~300 ms, doubling, capped at 30 s, 8 tries (about 1.5 min in all) before a call gives up; the
    // ReliableConsumer has its own, unbounded, retry on top for the messages it holds
    retry: { initialRetryTime: 300, maxRetryTime: 30_000, multiplier: 2, factor: 0.2, retries: 8 },
    logLevel: LEVELS[config.logLevel ?? 'warn'],
    logCreator: toLogger(config.logger),
  });
}

function toLogger(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
      const entry = { component: 'kafkajs', namespace, ...fields };
      if (level === logLevel.ERROR) logger.error(entry, message);
      else if (level === logLevel.WARN) logger.warn(entry, message);
      else if (level === logLevel.INFO) logger.info(entry, message);
      else logger.debug(entry, message);
    };
}
