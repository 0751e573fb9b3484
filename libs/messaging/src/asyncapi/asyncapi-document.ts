// The AsyncAPI 3.0 description of every topic and message, built from the topic registry and the zod
// contracts. docs/asyncapi.yaml is this object written as YAML; a unit test fails when the file drifts.
import { CONTRACT_VERSION_HEADER, MESSAGE_ID_HEADER } from '../contracts/contract-version';
import {
  caseEventV1JsonSchema,
  hotlineCallV1JsonSchema,
  notificationV1JsonSchema,
  type JsonSchema,
} from '../contracts/json-schemas';
import { DLQ_HEADERS } from '../consumer/dead-letter';
import { TOPICS, type TopicId, type TopicSpec } from '../topics/topic-registry';

const KAFKA_BINDING_VERSION = '0.5.0';

/** A message's JSON Schema, minus the document-level keys that belong to a standalone file. */
const embedded = (schema: JsonSchema): JsonSchema => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

const stringHeader = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description, ...extra });

const versionHeader = stringHeader('Contract version: 1 (or 1.x) on a .v1 topic.', {
  pattern: '^1(\\.\\d{1,4}){0,2}$',
});

const contractHeaders = (messageIdOf: string): JsonSchema => ({
  type: 'object',
  properties: {
    [MESSAGE_ID_HEADER]: stringHeader(`Equals ${messageIdOf}; consumers dedupe on it.`),
    [CONTRACT_VERSION_HEADER]: versionHeader,
    'content-type': stringHeader('Always application/json.', { const: 'application/json' }),
  },
  required: [MESSAGE_ID_HEADER, CONTRACT_VERSION_HEADER],
});

const dlqHeaders: JsonSchema = {
  type: 'object',
  description: 'Only these: the sender\'s headers are not copied (they could carry anything).',
  properties: {
    [DLQ_HEADERS.reasonCode]: stringHeader('Refusal code: EMPTY, TOO_LARGE, NOT_JSON, UNKNOWN_VERSION, SCHEMA_VIOLATION, IMPOSSIBLE_VALUE, or an app code.'),
    [DLQ_HEADERS.reason]: stringHeader('Why, in words; names field paths and codes only, never a value.'),
    [DLQ_HEADERS.reasonIssues]: stringHeader('JSON array of {path, code}, when the refusal has issues.'),
    [DLQ_HEADERS.originalTopic]: stringHeader('Where the message was read.'),
    [DLQ_HEADERS.originalPartition]: stringHeader('Partition it was read from (decimal).', { pattern: '^\\d+$' }),
    [DLQ_HEADERS.originalOffset]: stringHeader('Offset it was read at (decimal).', { pattern: '^\\d+$' }),
    [DLQ_HEADERS.rejectedAt]: stringHeader('When it was refused (ISO 8601).', { format: 'date-time' }),
    [DLQ_HEADERS.rejectionId]: stringHeader('The stored rejection holding the refused bytes, sealed (GET /v1/rejections/{id}, replay there).'),
  },
  required: Object.values(DLQ_HEADERS).filter((name) => name !== DLQ_HEADERS.reasonIssues),
};

const channel = (topic: TopicSpec, messageName: string) => ({
  address: topic.name,
  description: topic.description,
  messages: { [messageName]: { $ref: `#/components/messages/${messageName}` } },
  bindings: {
    kafka: {
      partitions: topic.partitions,
      topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': topic.retentionMs },
      bindingVersion: KAFKA_BINDING_VERSION,
    },
  },
  'x-personal-data': topic.personalData,
});

const operation = (action: 'send' | 'receive', channelId: TopicId, messageName: string, summary: string) => ({
  action,
  summary,
  channel: { $ref: `#/channels/${channelId}` },
  messages: [{ $ref: `#/channels/${channelId}/messages/${messageName}` }],
});

const kafkaKey = (description: string) => ({
  kafka: { key: { type: 'string', description }, bindingVersion: KAFKA_BINDING_VERSION },
});

export function buildAsyncApiDocument(): Record<string, unknown> {
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'baoho messaging',
      version: '1.0.0',
      description:
        'Every Kafka topic of baoho. The major contract version is in the topic name (.v1); a breaking change ' +
        'is a new topic. Generated from libs/messaging (buildAsyncApiDocument); do not edit by hand.',
      license: { name: 'Apache-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'One KRaft node started by scripts/services.sh.' },
    },
    channels: {
      hotlineCalls: channel(TOPICS.hotlineCalls, 'hotlineCall'),
      hotlineCallsDlq: channel(TOPICS.hotlineCallsDlq, 'hotlineCallDeadLetter'),
      caseEvents: channel(TOPICS.caseEvents, 'caseEvent'),
      notifications: channel(TOPICS.notifications, 'notification'),
    },
    operations: {
      receiveHotlineCall: operation('receive', 'hotlineCalls', 'hotlineCall', 'apps/intake opens (at most) one case per eventId.'),
      sendHotlineCallDeadLetter: operation('send', 'hotlineCallsDlq', 'hotlineCallDeadLetter', 'apps/intake dead-letters a refused hotline event.'),
      sendCaseEvent: operation('send', 'caseEvents', 'caseEvent', 'apps/relay publishes the case logs, in order per case.'),
      sendNotification: operation('send', 'notifications', 'notification', 'Escalations and notices, by recipient role.'),
    },
    components: {
      messages: {
        hotlineCall: {
          name: 'HotlineCallV1',
          title: 'Hotline call (v1)',
          summary: 'A report from a hotline system. Carries personal data.',
          contentType: 'application/json',
          headers: {
            type: 'object',
            properties: {
              [CONTRACT_VERSION_HEADER]: versionHeader,
            },
          },
          payload: { $ref: '#/components/schemas/HotlineCallV1' },
          bindings: kafkaKey('eventId: the same event sent twice opens one case.'),
        },
        hotlineCallDeadLetter: {
          name: 'HotlineCallDeadLetterV1',
          title: 'Refused hotline call',
          summary: 'That a message was refused, why, and which stored rejection keeps it: dlq-* headers, no value.',
          contentType: 'application/octet-stream',
          headers: dlqHeaders,
          payload: { type: 'null', description: 'None: the refused bytes may hold personal data, so they stay in the rejection store, sealed (see dlq-rejection-id).' },
          bindings: kafkaKey('The original key, unchanged.'),
        },
        caseEvent: {
          name: 'CaseEventV1',
          title: 'Case event (v1)',
          summary: 'One event of a case log. No personal data.',
          contentType: 'application/json',
          headers: contractHeaders('eventId'),
          payload: { $ref: '#/components/schemas/CaseEventV1' },
          bindings: kafkaKey('caseId: events of one case stay in order.'),
        },
        notification: {
          name: 'NotificationV1',
          title: 'Notification (v1)',
          summary: 'An escalation or notice. No personal data.',
          contentType: 'application/json',
          headers: contractHeaders('notificationId'),
          payload: { $ref: '#/components/schemas/NotificationV1' },
          bindings: kafkaKey('caseId.'),
        },
      },
      schemas: {
        HotlineCallV1: embedded(hotlineCallV1JsonSchema()),
        CaseEventV1: embedded(caseEventV1JsonSchema()),
        NotificationV1: embedded(notificationV1JsonSchema()),
      },
    },
  };
}

export const ASYNCAPI_YAML_HEADER =
  '# Generated by libs/messaging (buildAsyncApiDocument + toYaml). Do not edit by hand:\n' +
  '# BAOHO_WRITE_CONTRACTS=1 npx jest --selectProjects unit libs/messaging rewrites it.\n';
