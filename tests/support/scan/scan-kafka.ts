// Every message of every topic of a broker, from the beginning up to the high watermark as it stood when the scan
// began: key, value and headers, searched for plaintext.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { trackReadOffsets } from '../kafka-read-offsets';
import { findPlaintext } from './plaintext-forms';
import type { Finding } from './scan-database';

export interface KafkaScan {
  readonly findings: Finding[];
  readonly messages: number;
  readonly topics: readonly string[];
}

export async function scanKafka(brokers: readonly string[], values: readonly string[], skipTopics: readonly string[] = []): Promise<KafkaScan> {
  const kafka = new Kafka({ clientId: 'plaintext-scan', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const findings: Finding[] = [];
  let messages = 0;
  try {
    const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__') && !skipTopics.includes(topic));
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const remaining = new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]));
      if (remaining.size === 0) continue;
      // read uncommitted: what an aborted transaction left in the log is on the disk too
      const consumer = kafka.consumer({ groupId: `plaintext-scan-${randomUUID()}`, readUncommitted: true });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`scan of ${topic} did not reach its end`)), 60_000);
        const readTo = trackReadOffsets(consumer, () => {
          for (const [partition, high] of remaining) if ((readTo.get(partition) ?? 0n) >= high) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        });
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              messages++;
              const headers = Object.entries(message.headers ?? {}).map(([name, value]) => `${name}=${String(value)}`).join('\n');
              const text = `${message.key?.toString('utf8') ?? ''}\n${message.value?.toString('utf8') ?? ''}\n${headers}`;
              const form = findPlaintext(text, values);
              if (form) findings.push({ where: `topic ${topic}/${partition}@${message.offset}`, form });
            },
          })
          .catch(reject);
      });
      await consumer.disconnect();
    }
    return { findings, messages, topics };
  } finally {
    await admin.disconnect();
  }
}
