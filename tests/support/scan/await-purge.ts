// Before the end-of-run scan reads hotline.calls.v1: if an intake is running (its group has members), it deletes
// what it has committed only every HOTLINE_PURGE_INTERVAL_MS, so records it handled a moment ago may still be
// there. The scan then waits — it deletes nothing itself — until the topic's low watermarks reach the offsets the
// group had committed when the scan began; an intake that does not purge within the time fails the scan. With no
// intake running there is nothing to wait for: what the topic holds is what it keeps (intakes purge on shutdown).
import { Kafka, logLevel } from 'kafkajs';

export async function awaitConsumedPurged(brokers: readonly string[], groupId: string, topic: string, timeoutMs = 60_000): Promise<string> {
  const kafka = new Kafka({ clientId: 'plaintext-scan-purge', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return `${topic} absent`;
    const { groups } = await admin.describeGroups([groupId]);
    if ((groups[0]?.members.length ?? 0) === 0) return `no ${groupId} member running`;
    const [snapshot] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const targets = (snapshot?.partitions ?? []).filter((entry) => BigInt(entry.offset) > 0n);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const low = new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, BigInt(entry.low)]));
      const behind = targets.filter((entry) => (low.get(entry.partition) ?? 0n) < BigInt(entry.offset));
      if (behind.length === 0) return `${groupId} running: waited for its purge of ${targets.length} partitions`;
      if (Date.now() > deadline) {
        throw new Error(`${groupId} is running but did not delete what it consumed from ${topic} within ${timeoutMs} ms (partitions ${behind.map((entry) => entry.partition).join(', ')})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await admin.disconnect();
  }
}
