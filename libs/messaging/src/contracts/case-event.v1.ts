// protection.case-events.v1: every event of the case log, relayed for other systems. Codes, ids and timings
// only — the log's personal fields stay encrypted in PostgreSQL. Key = caseId (ordered per case), header
// `message-id` = eventId (consumers dedupe on it).
import { z } from 'zod';
import { toV1Message, type OutgoingMessage } from './outgoing-message';

export const CASE_EVENTS_V1_TOPIC = 'protection.case-events.v1';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);

export const caseEventV1Schema = z
  .strictObject({
    /** Deterministic id of the event in the log. */
    eventId: id,
    caseId: id,
    /** Past-tense event type, e.g. `CaseOpened`, `DeadlineMissed`. */
    type: z.string().regex(/^[A-Z][A-Za-z0-9]{0,99}$/),
    /** Position of the event in its case stream (1, 2, …): gaps and order are visible to consumers. */
    version: z.number().int().min(1),
    occurredAt: z.iso.datetime({ offset: true }),
    /** The event's non-personal fields: codes, ids, timestamps, counts. */
    data: z.record(z.string(), z.unknown()),
  })
  .meta({
    title: 'CaseEventV1',
    description: 'One event of a protection case log (topic protection.case-events.v1, key = caseId). No personal data.',
  });

export type CaseEventV1 = z.infer<typeof caseEventV1Schema>;

/** A case event as a Kafka message; validates and refuses personal data (throws: a bug, not an input). */
export function toCaseEventMessage(event: CaseEventV1): OutgoingMessage {
  const value = caseEventV1Schema.parse(event);
  return toV1Message(value.caseId, value.eventId, value);
}
