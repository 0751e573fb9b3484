// Creates the topics that are missing, leaves the others alone. Safe to run from every app at start-up, at
// the same time: a topic created by a peer in between is "existing", not an error.
import type { Admin, ITopicConfig } from 'kafkajs';
import type { TopicSpec } from './topic-registry';

export interface EnsureTopicsResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
  /**
   * Existing topics with fewer partitions than the registry says. Not fixed here: adding partitions moves
   * keys to other partitions and breaks per-case order, so it is an operator's decision.
   */
  readonly mismatched: readonly { readonly name: string; readonly partitions: number; readonly expected: number }[];
}

export interface EnsureTopicsOptions {
  /** -1 (default): the broker's `default.replication.factor`. */
  readonly replicationFactor?: number;
}

export async function ensureTopics(
  admin: Admin,
  topics: readonly TopicSpec[],
  options: EnsureTopicsOptions = {},
): Promise<EnsureTopicsResult> {
  const present = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !present.has(topic.name));
  const created: string[] = [];
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        topics: missing.map((topic) => toTopicConfig(topic, options.replicationFactor ?? -1)),
        // not kafkajs' own wait: it gives up on the UNKNOWN_TOPIC_OR_PARTITION a busy KRaft broker answers
        // just after creating; `untilServed` below waits through it
        waitForLeaders: false,
      });
    } catch (error) {
      if (!onlyAlreadyExists(error)) throw error;
    }
    // ask the broker what it serves now instead of trusting createTopics' boolean (a peer may have raced us,
    // and a listing made just after the create may not name the new topics yet)
    await untilServed(admin, missing);
    created.push(...missing.map((topic) => topic.name));
  }
  const existingSpecs = topics.filter((topic) => present.has(topic.name));
  const mismatched: { name: string; partitions: number; expected: number }[] = [];
  if (existingSpecs.length > 0) {
    const metadata = await admin.fetchTopicMetadata({ topics: existingSpecs.map((topic) => topic.name) });
    for (const spec of existingSpecs) {
      const found = metadata.topics.find((topic) => topic.name === spec.name);
      const partitions = found?.partitions.length ?? 0;
      if (partitions < spec.partitions) mismatched.push({ name: spec.name, partitions, expected: spec.partitions });
    }
  }
  return { created, existing: existingSpecs.map((topic) => topic.name), mismatched };
}

const SERVED_WITHIN_MS = 30_000;

/**
 * Waits until the broker's metadata names every partition of the new topics with a leader. Just after a
 * create, a KRaft broker may still answer UNKNOWN_TOPIC_OR_PARTITION (it applies the new metadata
 * asynchronously), and a caller's first produce or offsets fetch would fail: ensured means usable.
 */
async function untilServed(admin: Admin, topics: readonly TopicSpec[]): Promise<void> {
  const deadline = Date.now() + SERVED_WITHIN_MS;
  for (let delayMs = 50; ; delayMs = Math.min(delayMs * 2, 1_000)) {
    const served = await admin
      .fetchTopicMetadata({ topics: topics.map((topic) => topic.name) })
      .then((metadata) =>
        topics.every((spec) => {
          const partitions = metadata.topics.find((topic) => topic.name === spec.name)?.partitions ?? [];
          return partitions.length >= spec.partitions && partitions.every((partition) => partition.leader >= 0);
        }),
      )
      .catch((error: unknown) => {
        if ((error as { type?: unknown } | null)?.type === 'UNKNOWN_TOPIC_OR_PARTITION') return false;
        throw error;
      });
    if (served) return;
    if (Date.now() > deadline) throw new Error(`topics ${topics.map((topic) => topic.name).join(', ')} were not created (not served within ${SERVED_WITHIN_MS} ms)`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

function toTopicConfig(topic: TopicSpec, replicationFactor: number): ITopicConfig {
  return {
    topic: topic.name,
    numPartitions: topic.partitions,
    replicationFactor,
    configEntries: [
      { name: 'retention.ms', value: String(topic.retentionMs) },
      { name: 'cleanup.policy', value: 'delete' },
    ],
  };
}

/** A create that lost a race reports TOPIC_ALREADY_EXISTS per topic; anything else is a real failure. */
function onlyAlreadyExists(error: unknown): boolean {
  const errors = (error as { errors?: unknown[] } | null)?.errors;
  const all = Array.isArray(errors) && errors.length > 0 ? errors : [error];
  return all.every((item) => (item as { type?: unknown } | null)?.type === 'TOPIC_ALREADY_EXISTS');
}
