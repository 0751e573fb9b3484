import { backoffDelay, createKafka, DLQ_HEADERS, toDeadLetterMessage, type ConsumedMessage } from '@baoho/messaging';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1_000, multiplier: 2, jitter: 0 };

  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 100].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000]);
  });

  it('randomises only the jitter share', () => {
    const jittered = { ...policy, jitter: 0.5 };
    expect(backoffDelay(jittered, 1, () => 0)).toBe(50);
    expect(backoffDelay(jittered, 1, () => 1)).toBe(100);
  });
});

describe('toDeadLetterMessage', () => {
  const message: ConsumedMessage = {
    topic: 'hotline.calls.v1',
    partition: 2,
    offset: '41',
    key: Buffer.from('hl-1'),
    value: Buffer.from('not json'),
    headers: { 'trace-id': 'abc', [DLQ_HEADERS.reasonIssues]: 'stale' },
    timestamp: '0',
    attempt: 1,
  };

  it('keeps the key, drops the value and the sender\'s headers, and says why, where from and which rejection', () => {
    const dead = toDeadLetterMessage(
      { message, reason: { code: 'NOT_JSON', message: 'not JSON' }, rejectedAt: Date.parse('2026-11-22T03:15:00Z') },
      '17',
    );
    expect(dead.key).toEqual(message.key);
    expect(dead.value).toBeNull();
    expect(dead.headers).toEqual({
      [DLQ_HEADERS.rejectionId]: '17',
      [DLQ_HEADERS.reasonCode]: 'NOT_JSON',
      [DLQ_HEADERS.reason]: 'not JSON',
      [DLQ_HEADERS.originalTopic]: 'hotline.calls.v1',
      [DLQ_HEADERS.originalPartition]: '2',
      [DLQ_HEADERS.originalOffset]: '41',
      [DLQ_HEADERS.rejectedAt]: '2026-11-22T03:15:00.000Z',
    });
  });
});

describe('createKafka', () => {
  it('sends kafkajs log lines to the given logger, from the chosen level up', () => {
    const lines: Array<[string, object, string | undefined]> = [];
    const record = (level: string) => (fields: object, message?: string) => void lines.push([level, fields, message]);
    const kafka = createKafka({
      clientId: 'unit',
      brokers: ['127.0.0.1:1'],
      logger: { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') },
      logLevel: 'warn',
    });
    kafka.logger().error('broker lost', { broker: '127.0.0.1:1' });
    kafka.logger().info('too chatty');
    expect(lines).toEqual([['error', expect.objectContaining({ component: 'kafkajs', broker: '127.0.0.1:1' }), 'broker lost']]);
  });
});
