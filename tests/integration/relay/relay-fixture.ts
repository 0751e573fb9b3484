// Shared by the relay's integration tests: realistic case events (with personal data that must never leave),
// a relay wired like the app's, a consumer that keeps every message it reads (raw bytes too), and the check of
// per-case order under at-least-once delivery.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import { EventStore, type NewEvent } from '@baoho/event-store';
import { MESSAGE_ID_HEADER, silentLogger, type MessagingLogger } from '@baoho/messaging';
import { LogRelay, type LogRelayOptions } from '../../../apps/relay/src/log-relay';
import { createRelayMetrics, type RelayMetrics } from '../../../apps/relay/src/relay-metrics';

/** Personal data written to the log's `personal` part: not one byte of it may appear in a message. */
export const SECRETS = ['Trần Thị Bí Mật', '+84 912 345 678', 'B1234567', 'giữ hộ chiếu ở nhà chủ'] as const;

const MISSION = 'vn-embassy-seoul';
const at = (minute: number) => new Date(Date.UTC(2025, 0, 6, 8, minute)).toISOString();

/** The `version`-th event of a case (1 = CaseOpened), cycling through notices and events with personal data. */
export function caseEvent(caseId: string, version: number): NewEvent {
  const eventId = `${caseId}:${version}`;
  const occurredAt = at(version);
  const base = { eventId, schemaVersion: 1, occurredAt, metadata: { actor: 'u-17' } };
  if (version === 1) {
    return {
      ...base,
      type: 'CaseOpened',
      data: {
        at: occurredAt, by: 'svc-intake', caseId, protocolVersion: '2025.1', missionCode: MISSION, source: 'hotline',
        hotlineEventId: `hl-${caseId}`, hotlineSource: 'hotline-kr', channel: 'phone', reportedAt: occurredAt,
        callerRelation: 'self', countryCode: 'KR', categories: ['labour_exploitation'], incidentAt: null,
        incidentTimeEstimated: false, immediateDanger: false, minor: false, vulnerabilities: [], risk: 'high',
      },
      personal: { fullName: SECRETS[0], phone: SECRETS[1], passportNumber: SECRETS[2], narrative: SECRETS[3] },
    };
  }
  const item = 'engagement.first_contact';
  const dueAt = at(60);
  switch ((version - 2) % 7) {
    case 0:
      return { ...base, type: 'CaseworkerAssigned', data: { at: occurredAt, by: 'u-1', caseworkerId: 'u-17' } };
    case 1:
      return { ...base, type: 'ContactRecorded', data: { at: occurredAt, by: 'u-17', channel: 'phone', outcome: 'reached', failedAttemptsInRow: 0, confidentialityExplained: true }, personal: { note: `called ${SECRETS[0]} on ${SECRETS[1]}` } };
    case 2:
      return { ...base, type: 'ReminderDue', data: { at: occurredAt, item, dueAt, recipient: { role: 'caseworker', contactId: 'user:u-17' } } };
    case 3:
      return { ...base, type: 'CaseEscalated', data: { at: occurredAt, item, level: 1, scheduledAt: dueAt, recipient: { role: 'supervisor', contactId: `role:${MISSION}:consular-supervisor` } } };
    case 4:
      return { ...base, type: 'SupervisorNotified', data: { at: occurredAt, subject: 'consent_exception', category: 'host_police', ground: 'imminent_danger', invokedBy: 'u-17', recipient: { role: 'supervisor', contactId: `role:${MISSION}:consular-supervisor` } } };
    case 5:
      return { ...base, type: 'IdentityDocumentsSeen', data: { at: occurredAt, by: 'u-17', document: 'passport' }, personal: { documentNumber: SECRETS[2] } };
    default:
      return { ...base, type: 'NoteAdded', data: { at: occurredAt, by: 'u-17' }, personal: { text: SECRETS[3] } };
  }
}

export const NOTICE_TYPES = ['ReminderDue', 'CaseEscalated', 'SupervisorNotified'];

/** Appends versions `from`..`to` of each case, one append per event, cases interleaved (and concurrent). */
export async function appendEvents(store: EventStore, caseIds: readonly string[], from: number, to: number): Promise<void> {
  for (let version = from; version <= to; version++) {
    await Promise.all(caseIds.map((caseId) => store.append(caseId, version - 1, [caseEvent(caseId, version)])));
  }
}

export const newCaseIds = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `case-${randomUUID().slice(0, 8)}-${i}`);

export interface TestRelay {
  readonly relay: LogRelay;
  readonly metrics: RelayMetrics;
  readonly registry: Registry;
  published(topic: string): Promise<number>;
  lag(): Promise<number>;
}

export function createTestRelay(
  options: Pick<LogRelayOptions, 'pool' | 'databaseUrl' | 'kafka'> & Partial<LogRelayOptions>,
  logger: MessagingLogger = silentLogger,
): TestRelay {
  const registry = new Registry();
  const metrics = createRelayMetrics(registry);
  const relay = new LogRelay({
    logger,
    metrics,
    batchSize: 5,
    idleMs: 50,
    standbyRetryMs: 200,
    backoff: { initialMs: 200, maxMs: 1_000, multiplier: 2, jitter: 0.2 },
    ...options,
  });
  return {
    relay,
    metrics,
    registry,
    published: async (topic) => (await metrics.published.get()).values.find((v) => v.labels.topic === topic)?.value ?? 0,
    lag: async () => (await metrics.lag.get()).values[0]?.value ?? -1,
  };
}

export interface Received {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly messageId: string;
  readonly raw: Buffer;
  readonly value: Record<string, unknown>;
}

export interface Collector {
  readonly received: Received[];
  of(topic: string): Received[];
  stop(): Promise<void>;
}

/** Reads `topics` from the beginning through a consumer group of its own, keeping everything it reads. */
export async function collect(kafka: Kafka, topics: readonly string[]): Promise<Collector> {
  const consumer = kafka.consumer({ groupId: `test-relay-${randomUUID()}`, retry: { retries: 20 } });
  const received: Received[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const header = message.headers?.[MESSAGE_ID_HEADER];
      const raw = Buffer.concat([message.key ?? Buffer.alloc(0), message.value ?? Buffer.alloc(0), ...Object.values(message.headers ?? {}).flat().map((h) => Buffer.from(h ?? ''))]);
      received.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? '',
        messageId: header === undefined ? '' : String(Array.isArray(header) ? header[0] : header),
        raw,
        value: JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown>,
      });
    },
  });
  return { received, of: (topic) => received.filter((m) => m.topic === topic), stop: () => consumer.disconnect() };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const distinctIds = (messages: readonly Received[]): Set<string> => new Set(messages.map((m) => m.messageId));

export interface OrderReport {
  /** Message ids received more than once. */
  readonly duplicates: string[];
}

/**
 * Per case, in the order the topic holds them: every message is either the next version of the case or a
 * re-delivery of one already seen (same version, same message-id) — never a version ahead of the next one;
 * and the first deliveries are exactly versions 1..n. Everything for one case sits in one partition.
 */
export function checkPerCaseOrder(messages: readonly Received[], expected: ReadonlyMap<string, number>): OrderReport {
  const duplicates: string[] = [];
  const byCase = new Map<string, Received[]>();
  for (const message of messages) byCase.set(message.key, [...(byCase.get(message.key) ?? []), message]);
  expect([...byCase.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [caseId, list] of byCase) {
    expect(new Set(list.map((m) => m.partition)).size).toBe(1);
    const firstIdOf = new Map<number, string>();
    for (const message of list) {
      const version = message.value['version'] as number;
      expect(message.value['caseId']).toBe(caseId);
      expect(message.messageId).toBe(message.value['eventId']);
      if (firstIdOf.has(version)) {
        expect(message.messageId).toBe(firstIdOf.get(version));
        duplicates.push(message.messageId);
      } else {
        expect(version).toBe(firstIdOf.size + 1);
        firstIdOf.set(version, message.messageId);
      }
    }
    expect(firstIdOf.size).toBe(expected.get(caseId));
  }
  return { duplicates };
}

export async function checkpointOf(pool: Pool, subscriptionId: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ position: string }>(
    'SELECT last_global_position::text AS position FROM subscription_checkpoints WHERE subscription_id = $1',
    [subscriptionId],
  );
  return rows[0]?.position;
}

export const SUBSCRIPTION = 'relay.kafka.v1';
