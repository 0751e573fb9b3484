// Publishing that is done only when every in-sync replica has the messages (acks = -1), through an
// idempotent producer (one request in flight, sequence numbers), so a retried send neither duplicates nor
// reorders. Callers save a checkpoint only after this resolves (ARCHITECTURE.md invariant 5).
import type { Kafka, Message, Producer, RecordMetadata } from 'kafkajs';
import { findPersonalData, PersonalDataLeakError } from '../privacy/personal-data-guard';

export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
}

/**
 * A producer whose sends are grouped in transactions under `transactionalId`: a batch becomes visible to
 * read_committed consumers all at once or not at all, and a new producer with the same id fences the old one
 * (its sends in flight are refused, its open transaction aborted), so a batch cut off by a broker outage or a
 * crash never surfaces beside, or after, the one that replaced it.
 */
export function createTransactionalProducer(kafka: Kafka, transactionalId: string): Producer {
  return kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, transactionTimeout: 30_000 });
}

export interface PublishOptions {
  /**
   * `forbidden` (default): every JSON value is checked by the personal-data guard first and the whole send
   * is refused if one has a personal-data key. `allowed` only for topics that carry personal data by
   * contract (hotline.calls.v1 and its DLQ).
   */
  readonly personalData?: 'forbidden' | 'allowed';
}

export async function publishWithAck(
  producer: Pick<Producer, 'send'>,
  topic: string,
  messages: readonly Message[],
  options: PublishOptions = {},
): Promise<RecordMetadata[]> {
  if (messages.length === 0) return [];
  if ((options.personalData ?? 'forbidden') === 'forbidden') {
    const leaks = messages.flatMap((message, index) => findPersonalData(jsonOf(message.value)).map((path) => `[${index}].${path}`));
    if (leaks.length > 0) throw new PersonalDataLeakError(leaks);
  }
  return producer.send({ topic, acks: -1, messages: [...messages] });
}

/** The decoded JSON of a value, or undefined when it is not JSON (then there are no keys to check). */
function jsonOf(value: Message['value']): unknown {
  if (value === null || value === undefined) return undefined;
  try {
    return JSON.parse(typeof value === 'string' ? value : value.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
