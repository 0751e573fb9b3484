// Shared set-up for the messaging integration tests: the real broker of scripts/services.sh, topics with a
// random suffix per test file (created through ensureTopics, deleted afterwards), and polling helpers.
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { createKafka, ensureTopics, type MessagingLogger, type TopicSpec } from '@baoho/messaging';

export interface LogEntry {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly fields: object;
  readonly message: string | undefined;
}

export function recordingLogger(): MessagingLogger & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (fields: object, message?: string) => void entries.push({ level, fields, message });
  return { entries, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

export function brokers(): string[] {
  const list = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (list.length === 0) throw new Error('KAFKA_BROKERS is not set: run `source .baoho/env` first');
  return list;
}

export interface KafkaFixture {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly logger: ReturnType<typeof recordingLogger>;
  /** A unique topic name for this file. */
  topic(name: string): string;
  /** Creates a topic through ensureTopics; deleted in `dispose`. */
  createTopic(name: string, partitions?: number): Promise<string>;
  groupId(name: string): string;
  /** The committed offset of a group on a partition ('-1' when none). */
  committed(groupId: string, topic: string, partition?: number): Promise<string>;
  dispose(): Promise<void>;
}

export async function kafkaFixture(file: string): Promise<KafkaFixture> {
  const suffix = `${file}.${randomUUID().slice(0, 8)}`;
  const logger = recordingLogger();
  const kafka = createKafka({ clientId: `baoho-int-${file}`, brokers: brokers(), logger });
  const admin = kafka.admin();
  await admin.connect();
  const created: string[] = [];
  const topic = (name: string) => `test.${name}.${suffix}`;
  return {
    kafka,
    admin,
    logger,
    topic,
    groupId: (name) => `test-${name}-${suffix}-${randomUUID().slice(0, 4)}`,
    async createTopic(name, partitions = 1) {
      const spec: TopicSpec = { name: topic(name), partitions, retentionMs: 3_600_000, key: 'test', personalData: false, description: 'test' };
      await ensureTopics(admin, [spec]);
      created.push(spec.name);
      return spec.name;
    },
    async committed(groupId, name, partition = 0) {
      const [entry] = await admin.fetchOffsets({ groupId, topics: [name] });
      return entry?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
    },
    async dispose() {
      if (created.length > 0) await admin.deleteTopics({ topics: created }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
