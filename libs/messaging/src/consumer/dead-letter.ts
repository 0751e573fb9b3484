// A refused message, byte for byte, on the dead-letter topic: original key, value and headers kept (so a
// replay after correction is the same message), plus dlq-* headers saying why and where it came from.
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
} as const;

const MAX_HEADER_CHARS = 4_000;

export function toDeadLetterMessage(rejection: Rejection): Message {
  const { message, reason } = rejection;
  const headers: IHeaders = { ...message.headers };
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
  return { key: message.key, value: message.value, headers };
}

export interface DeadLetterHookOptions {
  readonly producer: Producer;
  readonly topic: string;
  /** The app's rejection store, called after the broker acknowledged the dead letter. */
  readonly store?: (rejection: Rejection) => Promise<void>;
}

/** The standard RejectionHook: dead letter (acks = -1), then the app's store. */
export function createDeadLetterHook(options: DeadLetterHookOptions): RejectionHook {
  return async (rejection) => {
    // the DLQ carries the original bytes, personal data included, by design: it is a topic for operators
    await publishWithAck(options.producer, options.topic, [toDeadLetterMessage(rejection)], { personalData: 'allowed' });
    if (options.store) await options.store(rejection);
  };
}
