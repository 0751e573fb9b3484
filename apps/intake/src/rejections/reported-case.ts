// The case a refused report was meant to open, when its ids can be read: the same (source, eventId) names the
// same case however the report is corrected, so erasing that case can reach the refused copy. Only the two ids
// are read, and only when each passes the contract's own rule (a refusal is usually one bad field elsewhere).
import { hotlineCallV1Schema } from '@baoho/messaging';
import { hotlineCaseId } from '../hotline/hotline-case';

const { eventId: EVENT_ID, source: SOURCE } = hotlineCallV1Schema.shape;

export function reportedCaseOf(payload: Buffer | null): string | undefined {
  if (!payload) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { source, eventId } = body as Record<string, unknown>;
  const ids = { source: SOURCE.safeParse(source), eventId: EVENT_ID.safeParse(eventId) };
  return ids.source.success && ids.eventId.success ? hotlineCaseId(ids.source.data, ids.eventId.data) : undefined;
}
