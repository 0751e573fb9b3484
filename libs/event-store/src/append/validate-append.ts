import { InvalidAppendError } from '../errors/invalid-append-error';
import type { NewEvent } from '../types';

/** Refuses a malformed append before it reaches the database, with a message that names the fault. */
export function validateAppend(streamId: string, expectedVersion: number, events: readonly NewEvent[]): void {
  if (!streamId) throw new InvalidAppendError('stream id is empty');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
    throw new InvalidAppendError(`expected version must be an integer >= 0 (0 = new stream), got ${expectedVersion}`);
  }
  if (events.length === 0) throw new InvalidAppendError(`stream ${streamId}: nothing to append`);
  const ids = new Set<string>();
  for (const event of events) {
    if (!event.eventId) throw new InvalidAppendError(`stream ${streamId}: an event has no id`);
    if (ids.has(event.eventId)) throw new InvalidAppendError(`stream ${streamId}: event id ${event.eventId} twice in one batch`);
    ids.add(event.eventId);
    if (event.data === undefined) throw new InvalidAppendError(`event ${event.eventId}: data is undefined`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidAppendError(`event ${event.eventId}: schema version must be an integer >= 1`);
    }
    if (Number.isNaN(Date.parse(event.occurredAt))) {
      throw new InvalidAppendError(`event ${event.eventId}: occurredAt is not an ISO time`);
    }
  }
}
