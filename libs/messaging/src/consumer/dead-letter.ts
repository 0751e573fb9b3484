// A refused message on the dead-letter topic: its key and dlq-* headers saying why, where it came from and which
// stored rejection holds it — and no value. A refused hotline report may hold a survivor's name and story, so its
// bytes live only in the rejection store, sealed; operators read and replay them from there.
import type { IHeaders, Message, Producer } from 'kafkajs';
import { publishWithAck } from '../kafka/publish-with-ack';
import type { Rejection, RejectionHook } from './outcome';

export const DLQ_HEADERS = {
  reasonCode: 'dlq-reason-code',
  reason: 'dlq-reason',
  /** JSON array of `{ path, code }`, when the refusal has issues. */
  reasonIssues: 'dlq-reason-issues',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  rejectedAt: 'dlq-rejected-at',
  /** The id of the stored rejection (its sealed payload is read and replayed there). */
  rejectionId: 'dlq-rejection-id',
} as const;

const MAX_HEADER_CHARS = 4_000;

export function toDeadLetterMessage(rejection: Rejection, rejectionId?: string): Message {
  const { message, reason } = rejection;
  // Only our own headers: the sender's could carry anything.
  const headers: IHeaders = {};
  headers[DLQ_HEADERS.reasonCode] = reason.code;
  headers[DLQ_HEADERS.reason] = reason.message.slice(0, MAX_HEADER_CHARS);
  if ('issues' in reason && reason.issues && reason.issues.length > 0) {
    headers[DLQ_HEADERS.reasonIssues] = JSON.stringify(reason.issues).slice(0, MAX_HEADER_CHARS);
  } else {
    delete headers[DLQ_HEADERS.reasonIssues];
  }
  headers[DLQ_HEADERS.originalTopic] = message.topic;
  headers[DLQ_HEADERS.originalPartition] = String(message.partition);
  headers[DLQ_HEADERS.originalOffset] = message.offset;
  headers[DLQ_HEADERS.rejectedAt] = new Date(rejection.rejectedAt).toISOString();
  if (rejectionId !== undefined) headers[DLQ_HEADERS.rejectionId] = rejectionId;
  return { key: message.key, value: null, headers };
}

export interface DeadLetterHookOptions {
  readonly producer: Producer;
  readonly topic: string;
  /**
   * The app's rejection store, called first: it keeps the bytes (sealed) and answers the rejection's id, which the
   * dead letter then names. A redelivery stores nothing new (the store dedupes) and names the same id.
   */
  readonly store?: (rejection: Rejection) => Promise<string | void>;
}

/** The standard RejectionHook: the app's store, then the dead letter (acks = -1) naming the stored rejection. */
export function createDeadLetterHook(options: DeadLetterHookOptions): RejectionHook {
  return async (rejection) => {
    const rejectionId = options.store ? await options.store(rejection) : undefined;
    await publishWithAck(options.producer, options.topic, [toDeadLetterMessage(rejection, rejectionId ?? undefined)]);
  };
}
