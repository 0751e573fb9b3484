// The relay's event → messages mapping for the consent re-ask reminder: a level-0 notice to the caseworker, about
// the consent category, and a case event with codes and times only.
import type { StoredEvent } from '@baoho/event-store';
import { toCaseEvent, toNotification, type CaseContext } from '../src/to-messages';

const reask: StoredEvent = {
  globalPosition: '41',
  transactionId: '7',
  streamId: 'case-1',
  streamVersion: 12,
  eventId: 'case-1:12',
  type: 'ConsentReaskDue',
  schemaVersion: 1,
  data: {
    at: '2026-11-29T06:14:00.000Z',
    category: 'family',
    refusedAt: '2026-11-22T06:14:00.000Z',
    recipient: { role: 'caseworker', contactId: 'user:cw-1' },
  },
  personal: null,
  metadata: { cause: 'clock' },
  occurredAt: '2026-11-29T06:14:00.000Z',
  recordedAt: '2026-11-29T06:14:00.010Z',
};

const context: CaseContext = { mission: 'KR-SEL', riskLevel: 'standard', assignee: 'cw-1', dueAt: () => null };

describe('the relay, a consent re-ask reminder', () => {
  it('is a level-0 notice to the assigned caseworker about the consent category', () => {
    const message = toNotification(reask, context)!;
    expect(JSON.parse(message.value)).toMatchObject({
      notificationId: 'case-1:12:notice',
      kind: 'escalation',
      level: 0,
      recipientRole: 'caseworker',
      recipientUserId: 'cw-1',
      item: 'consent.family',
      dueAt: null,
    });
  });

  it('is published as a case event with its codes and times', () => {
    expect(JSON.parse(toCaseEvent(reask).value)).toMatchObject({ type: 'ConsentReaskDue', data: { category: 'family', refusedAt: '2026-11-22T06:14:00.000Z' } });
  });
});
