// @baoho/messaging — Kafka for baoho: the versioned message contracts (what may cross the boundary, and
// nothing personal that must not), the topic registry, and the plumbing that neither loses nor skips a
// message (a consumer that commits only after success and dead-letters poison, an acknowledged producer).

// contracts
export {
  CONTENT_TYPE_HEADER,
  CONTRACT_VERSION_1,
  CONTRACT_VERSION_HEADER,
  JSON_CONTENT_TYPE,
  MESSAGE_ID_HEADER,
  isVersion1Header,
} from './contracts/contract-version';
export {
  CALLER_RELATIONS_V1,
  GBV_TYPES_V1,
  HOTLINE_CHANNELS_V1,
  PROTECTION_CATEGORIES_V1,
  SEX_MARKERS_V1,
  type CallerRelationV1,
  type GbvTypeV1,
  type HotlineChannelV1,
  type ProtectionCategoryV1,
  type SexMarkerV1,
} from './contracts/vocabulary.v1';
export { COUNTRY_CODES, isAssignedCountryCode } from './contracts/country-codes';
export { HOTLINE_CALLS_V1_TOPIC, hotlineCallV1Schema, type HotlineCallV1 } from './contracts/hotline-call.v1';
export { DEFAULT_CLOCK_SKEW_MS, findImpossibleValues } from './contracts/impossible-values';
export {
  MAX_HOTLINE_EVENT_BYTES,
  parseHotlineEvent,
  type ParseHotlineEventOptions,
  type ParseResult,
} from './contracts/parse-hotline-event';
export { REFUSAL_CODES, type Refusal, type RefusalCode, type RefusalIssue } from './contracts/refusal';
export { CASE_EVENTS_V1_TOPIC, caseEventV1Schema, toCaseEventMessage, type CaseEventV1 } from './contracts/case-event.v1';
export {
  NOTIFICATION_KINDS_V1,
  NOTIFICATIONS_V1_TOPIC,
  RECIPIENT_ROLES_V1,
  notificationV1Schema,
  toNotificationMessage,
  type NotificationKindV1,
  type NotificationV1,
} from './contracts/notification.v1';
export type { OutgoingMessage } from './contracts/outgoing-message';
export {
  CONTRACT_SCHEMAS,
  caseEventV1JsonSchema,
  hotlineCallV1JsonSchema,
  notificationV1JsonSchema,
  type ContractSchemaFile,
  type JsonSchema,
} from './contracts/json-schemas';
export {
  PERSONAL_DATA_KEYS,
  PersonalDataLeakError,
  assertNoPersonalData,
  findPersonalData,
} from './privacy/personal-data-guard';

// topics
export {
  ALL_TOPICS,
  HOTLINE_CALLS_DLQ_V1_TOPIC,
  TOPICS,
  type TopicId,
  type TopicSpec,
} from './topics/topic-registry';
export { ensureTopics, type EnsureTopicsOptions, type EnsureTopicsResult } from './topics/ensure-topics';

// kafka plumbing
export { createKafka, type KafkaClientConfig, type KafkaLogLevel } from './kafka/create-kafka';
export { silentLogger, type MessagingLogger } from './kafka/messaging-logger';
export { createIdempotentProducer, createTransactionalProducer, publishWithAck, type PublishOptions } from './kafka/publish-with-ack';
export { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './consumer/backoff';
export {
  processed,
  rejected,
  retryLater,
  type ConsumedMessage,
  type HandlerOutcome,
  type MessageHandler,
  type Rejection,
  type RejectionHook,
  type RejectionReason,
} from './consumer/outcome';
export { DLQ_HEADERS, createDeadLetterHook, toDeadLetterMessage, type DeadLetterHookOptions } from './consumer/dead-letter';
export { ReliableConsumer, type OutcomeEvent, type ReliableConsumerOptions } from './consumer/reliable-consumer';
export { ConsumedRecordsPurger, type ConsumedRecordsPurgerOptions, type PurgedPartition } from './consumer/consumed-records-purger';

// documentation
export { ASYNCAPI_YAML_HEADER, buildAsyncApiDocument } from './asyncapi/asyncapi-document';
export { toYaml } from './asyncapi/to-yaml';
