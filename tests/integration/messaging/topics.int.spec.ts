// ensureTopics and publishWithAck against the real broker (auto-create is off there).
import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import {
  ALL_TOPICS,
  createIdempotentProducer,
  ensureTopics,
  PersonalDataLeakError,
  publishWithAck,
  type TopicSpec,
} from '@baoho/messaging';
import { kafkaFixture, type KafkaFixture } from './kafka-fixture';

describe('topics', () => {
  let fx: KafkaFixture;
  // the registry's topics, renamed for this run so the real ones are left alone
  const suffix = randomUUID().slice(0, 8);
  const specs: TopicSpec[] = ALL_TOPICS.map((topic) => ({ ...topic, name: `${topic.name}.test-${suffix}` }));

  beforeAll(async () => {
    fx = await kafkaFixture('topics');
  });
  afterAll(async () => {
    await fx.admin.deleteTopics({ topics: specs.map((topic) => topic.name) }).catch(() => undefined);
    await fx.dispose();
  });

  it('ensureTopics creates what is missing with its partitions and retention, and is idempotent under a race', async () => {
    const [first, second] = await Promise.all([ensureTopics(fx.admin, specs), ensureTopics(fx.admin, specs)]);
    expect([...(first?.created ?? []), ...(second?.created ?? [])].length).toBeGreaterThanOrEqual(specs.length);

    const again = await ensureTopics(fx.admin, specs);
    expect(again).toEqual({ created: [], existing: specs.map((topic) => topic.name), mismatched: [] });

    const metadata = await fx.admin.fetchTopicMetadata({ topics: specs.map((topic) => topic.name) });
    for (const spec of specs) {
      expect(metadata.topics.find((topic) => topic.name === spec.name)?.partitions).toHaveLength(spec.partitions);
    }
    const { resources } = await fx.admin.describeConfigs({
      includeSynonyms: false,
      resources: specs.map((spec) => ({ type: ConfigResourceTypes.TOPIC, name: spec.name, configNames: ['retention.ms'] })),
    });
    for (const spec of specs) {
      const entry = resources.find((resource) => resource.resourceName === spec.name)?.configEntries[0];
      expect(entry?.configValue).toBe(String(spec.retentionMs));
    }
  });

  it('publishWithAck returns the acknowledged offsets, and refuses personal data before sending anything', async () => {
    const topic = await fx.createTopic('publish');
    const producer = createIdempotentProducer(fx.kafka);
    await producer.connect();
    try {
      const [ack] = await publishWithAck(producer, topic, [{ key: 'case-1', value: JSON.stringify({ caseId: 'case-1' }) }]);
      expect(ack).toMatchObject({ topicName: topic, partition: 0, errorCode: 0, baseOffset: '0' });

      await expect(
        publishWithAck(producer, topic, [{ key: 'case-1', value: JSON.stringify({ data: { fullName: 'x' } }) }]),
      ).rejects.toBeInstanceOf(PersonalDataLeakError);
      const [offsets] = await fx.admin.fetchTopicOffsets(topic);
      expect(offsets?.high).toBe('1');
    } finally {
      await producer.disconnect();
    }
  });
});
