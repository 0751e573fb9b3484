// Every topic baoho reads or writes, with how it is created. Auto-create is off on our brokers: a topic
// exists because it is listed here and `ensureTopics` made it, with these settings.
import { CASE_EVENTS_V1_TOPIC } from '../contracts/case-event.v1';
import { HOTLINE_CALLS_V1_TOPIC } from '../contracts/hotline-call.v1';
import { NOTIFICATIONS_V1_TOPIC } from '../contracts/notification.v1';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly retentionMs: number;
  /** What the key is; messages with one key keep their order. */
  readonly key: string;
  /** Whether its messages carry personal data (then its retention is short and its readers few). */
  readonly personalData: boolean;
  readonly description: string;
}

export const HOTLINE_CALLS_DLQ_V1_TOPIC = 'hotline.calls.dlq.v1';

export const TOPICS = {
  hotlineCalls: {
    name: HOTLINE_CALLS_V1_TOPIC,
    partitions: 6,
    // personal data in transit only: the intake turns it into an encrypted case within seconds and then deletes
    // what it has committed (ConsumedRecordsPurger). The retention is the backstop for what no intake has handled:
    // long enough to outlast an intake outage over a weekend without losing a report, short enough to bound it.
    retentionMs: 7 * DAY_MS,
    key: 'eventId',
    personalData: true,
    description: 'Reports from hotline systems; consumed by apps/intake, which opens one case per eventId.',
  },
  hotlineCallsDlq: {
    name: HOTLINE_CALLS_DLQ_V1_TOPIC,
    partitions: 3,
    // the rejection store keeps refused events for replay; the DLQ is the broker-side copy
    retentionMs: 30 * DAY_MS,
    key: 'the original key (eventId)',
    personalData: true,
    description: 'Hotline events the intake refused, byte for byte, with the reason in dlq-* headers.',
  },
  caseEvents: {
    name: CASE_EVENTS_V1_TOPIC,
    partitions: 12,
    // derived from the event log and rebuildable from it: retention bounds catch-up, not history
    retentionMs: 30 * DAY_MS,
    key: 'caseId',
    personalData: false,
    description:
      'Every event of every case log, in order per case; published by apps/relay in Kafka transactions, one per batch. Consume with isolation level read_committed (the kafkajs default; not the Java client default): a read_uncommitted consumer also sees the part of a batch a broker outage cut off, which the relay sends again.',
  },
  notifications: {
    name: NOTIFICATIONS_V1_TOPIC,
    partitions: 6,
    retentionMs: 14 * DAY_MS,
    key: 'caseId',
    personalData: false,
    description: 'Escalations and notices for delivery to people by role; published in the same transactions as protection.case-events.v1 (consume read_committed).',
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicId = keyof typeof TOPICS;

export const ALL_TOPICS: readonly TopicSpec[] = Object.values(TOPICS);
