import { assertNoPersonalData } from '../privacy/personal-data-guard';
import {
  CONTENT_TYPE_HEADER,
  CONTRACT_VERSION_1,
  CONTRACT_VERSION_HEADER,
  JSON_CONTENT_TYPE,
  MESSAGE_ID_HEADER,
} from './contract-version';

// What our contract builders hand to publishWithAck: a kafkajs Message with text key, value and headers.
export interface OutgoingMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A validated v1 contract value as a Kafka message keyed by case: refuses personal data (throws: a bug, not an
 * input) and carries the headers every consumer dedupes and dispatches on.
 */
export function toV1Message(caseId: string, messageId: string, value: unknown): OutgoingMessage {
  assertNoPersonalData(value);
  return {
    key: caseId,
    value: JSON.stringify(value),
    headers: {
      [MESSAGE_ID_HEADER]: messageId,
      [CONTRACT_VERSION_HEADER]: String(CONTRACT_VERSION_1),
      [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE,
    },
  };
}
