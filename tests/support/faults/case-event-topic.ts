// What the relay put on protection.case-events.v1, read back from the beginning as a read_committed consumer
// sees it (kafkajs' default: aborted transactions left out), and the per-case order check:
// a case's events must first appear in stream-version order with no gap; a message seen again later is an
// at-least-once redelivery only if it carries a message-id already seen, with the same content.
import { Kafka, logLevel } from 'kafkajs';
import { sleep } from '../apps';
import { trackReadOffsets } from '../kafka-read-offsets';

export interface TopicMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly messageId: string;
  readonly version: number;
  readonly value: string;
}

/** What was read, and the expected ids never seen (the topic read to its end and quiet for `quietMs`). */
export interface TopicReading {
  readonly messages: TopicMessage[];
  readonly missing: string[];
}

/**
 * Reads the topic from the start until every id in `expected` was seen and every partition read to its end; or,
 * when some never come, until nothing new has arrived for `quietMs` (then they are reported, not waited for).
 */
export async function readCaseEventTopic(brokers: string, expected: ReadonlySet<string>, quietMs: number): Promise<TopicReading> {
  const topic = 'protection.case-events.v1';
  const kafka = new Kafka({ clientId: 'baoho-fault-reader', brokers: [brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `baoho-fault-reader-${process.pid}-${Date.now()}` });
  const admin = kafka.admin();
  const messages: TopicMessage[] = [];
  const seen = new Set<string>();
  const readTo = trackReadOffsets(consumer);
  await Promise.all([consumer.connect(), admin.connect()]);
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const messageId = message.headers?.['message-id']?.toString() ?? '';
        const value = message.value?.toString() ?? '';
        const parsed = JSON.parse(value) as { version: number };
        messages.push({ partition, offset: message.offset, key: message.key?.toString() ?? '', messageId, version: parsed.version, value });
        seen.add(messageId);
      },
    });
    let [count, lastNews] = [0, Date.now()];
    for (;;) {
      const missing = [...expected].filter((id) => !seen.has(id));
      const ends = await admin.fetchTopicOffsets(topic);
      const atEnd = ends.every((end) => BigInt(end.high) <= (readTo.get(end.partition) ?? 0n));
      if (missing.length === 0 && atEnd) return { messages, missing };
      if (messages.length > count) [count, lastNews] = [messages.length, Date.now()];
      if (atEnd && Date.now() - lastNews > quietMs) return { messages, missing };
      await sleep(500);
    }
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

export interface OrderReport {
  readonly cases: number;
  readonly duplicates: number;
  readonly violations: string[];
}

/** Per key (case), in the order the topic holds them. */
export function checkPerCaseOrder(messages: readonly TopicMessage[]): OrderReport {
  const byCase = new Map<string, TopicMessage[]>();
  for (const message of messages) {
    const list = byCase.get(message.key);
    if (list) list.push(message);
    else byCase.set(message.key, [message]);
  }
  const violations: string[] = [];
  let duplicates = 0;
  for (const [caseId, list] of byCase) {
    if (new Set(list.map((m) => m.partition)).size > 1) violations.push(`${caseId}: spread over partitions`);
    const first = new Map<string, string>();
    let highest = 0;
    for (const message of list) {
      const earlier = first.get(message.messageId);
      if (earlier !== undefined) {
        duplicates++;
        if (earlier !== message.value) violations.push(`${caseId}: ${message.messageId} redelivered with other content`);
        continue;
      }
      if (message.messageId !== `${caseId}:${message.version}`) violations.push(`${caseId}: message-id ${message.messageId} for version ${message.version}`);
      if (message.version !== highest + 1) violations.push(`${caseId}: version ${message.version} after ${highest}`);
      highest = Math.max(highest, message.version);
      first.set(message.messageId, message.value);
    }
  }
  return { cases: byCase.size, duplicates, violations };
}
