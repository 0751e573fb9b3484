import { HQ_MISSION_CODE, MISSIONS } from '@baoho/domain';
import {
  CONTRACT_VERSION_HEADER,
  MESSAGE_ID_HEADER,
  PersonalDataLeakError,
  toCaseEventMessage,
  toNotificationMessage,
  type NotificationV1,
} from '@baoho/messaging';

describe('protection.case-events.v1 messages', () => {
  const event = {
    eventId: 'case-42:7',
    caseId: 'case-42',
    type: 'DeadlineMissed',
    version: 7,
    occurredAt: '2026-11-22T04:14:00Z',
    data: { step: 'engagement', riskLevel: 'critical', dueAt: '2026-11-22T04:14:00Z' },
  };

  it('are keyed by case, carry the event id as message-id and the contract version', () => {
    const message = toCaseEventMessage(event);
    expect(message.key).toBe('case-42');
    expect(message.headers[MESSAGE_ID_HEADER]).toBe('case-42:7');
    expect(message.headers[CONTRACT_VERSION_HEADER]).toBe('1');
    expect(JSON.parse(message.value)).toEqual(event);
  });

  it('refuse personal data in the event data', () => {
    expect(() => toCaseEventMessage({ ...event, data: { survivor: { fullName: 'x' } } })).toThrow(PersonalDataLeakError);
  });

  it('refuse a malformed event (a bug of ours, so it throws)', () => {
    expect(() => toCaseEventMessage({ ...event, version: 0 })).toThrow();
  });
});

describe('protection.notifications.v1 messages', () => {
  const notification: NotificationV1 = {
    notificationId: 'case-42:escalation:engagement:1',
    caseId: 'case-42',
    kind: 'escalation',
    level: 1,
    mission: 'vn-embassy-seoul',
    recipientRole: 'supervisor',
    recipientUserId: null,
    riskLevel: 'critical',
    item: 'engagement.first_contact',
    dueAt: '2026-11-22T04:14:00Z',
    occurredAt: '2026-11-22T04:14:00Z',
  };

  it('are keyed by case with the notification id as message-id', () => {
    const message = toNotificationMessage(notification);
    expect(message.key).toBe('case-42');
    expect(message.headers[MESSAGE_ID_HEADER]).toBe(notification.notificationId);
    expect(JSON.parse(message.value)).toEqual(notification);
  });

  it('carry the mission registry\'s own codes (KR-SEL), as the domain names missions', () => {
    for (const mission of [...MISSIONS.map((m) => m.code), HQ_MISSION_CODE]) {
      expect(JSON.parse(toNotificationMessage({ ...notification, mission }).value).mission).toBe(mission);
    }
  });

  it('accept no field outside the contract (there is no room for a name)', () => {
    expect(() => toNotificationMessage({ ...notification, fullName: 'x' } as NotificationV1)).toThrow();
  });
});
