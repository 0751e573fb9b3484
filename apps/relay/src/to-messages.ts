// Event → messages: every event of the log becomes one protection.case-events.v1 message, and the events that
// are notices (reminders, consent re-asks, escalations, consent exceptions, closed clinical windows, stuck cases,
// closure requests) also become one protection.notifications.v1 message. Only `data` is read: `personal` never is.
import {
  PERSONAL_DATA_KEYS,
  RECIPIENT_ROLES_V1,
  toCaseEventMessage,
  toNotificationMessage,
  type NotificationKindV1,
  type NotificationV1,
  type OutgoingMessage,
} from '@baoho/messaging';
import type { StoredEvent } from '@baoho/event-store';

/** What a notice needs from the case beyond its own event: read from case_summary (see case-context.ts). */
export interface CaseContext {
  readonly mission: string;
  readonly riskLevel: NotificationV1['riskLevel'];
  /** The assigned caseworker's user id, if any. */
  readonly assignee: string | null;
  /** The item's current due time, when it is still open (for escalations past level 1). */
  dueAt(item: string): string | null;
}

/** Event types that are also published as notifications. */
export const NOTICE_TYPES: ReadonlySet<string> = new Set([
  'ReminderDue',
  'FollowUpDue',
  'ConsentReaskDue',
  'CaseEscalated',
  'SupervisorNotified',
  'ClinicalWindowClosed',
  'CaseBecameStuck',
  'ClosureRequested',
  'BreakGlassRead',
]);

export const isNotice = (event: Pick<StoredEvent, 'type'>): boolean => NOTICE_TYPES.has(event.type);

/** The deterministic id of the notification an event raises: the same event relayed twice, the same id. */
export const notificationIdOf = (eventId: string): string => `${eventId}:notice`;

/** The case event message: key = case id, header `message-id` = event id. Throws when the event breaks the contract. */
export function toCaseEvent(event: StoredEvent): OutgoingMessage {
  return toCaseEventMessage({
    eventId: event.eventId,
    caseId: event.streamId,
    type: event.type,
    version: event.streamVersion,
    occurredAt: event.occurredAt,
    data: publicData(event),
  });
}

/**
 * The notification an event raises, or undefined when it raises none. Throws when it is a notice that cannot
 * be expressed in the contract (an unknown recipient role…): the caller decides what that costs.
 */
export function toNotification(event: StoredEvent, context: CaseContext | undefined): OutgoingMessage | undefined {
  const notice = describeNotice(event, context);
  return notice && toNotificationMessage(notice);
}

function describeNotice(event: StoredEvent, context: CaseContext | undefined): NotificationV1 | undefined {
  if (!isNotice(event)) return undefined;
  if (!context) throw new Error(`no case context for ${event.type} ${event.eventId}: the case is unknown`);
  const data = asRecord(event.data);
  const base = {
    notificationId: notificationIdOf(event.eventId),
    caseId: event.streamId,
    mission: context.mission,
    riskLevel: context.riskLevel,
    occurredAt: event.occurredAt,
  };
  const notice = (kind: NotificationKindV1, level: number | null, recipient: Recipient, item: unknown, dueAt: unknown): NotificationV1 => ({
    ...base,
    kind,
    level,
    recipientRole: recipient.role,
    recipientUserId: recipient.userId,
    item: optionalString(item),
    dueAt: optionalString(dueAt),
  });
  const supervisor: Recipient = { role: 'supervisor', userId: null };
  switch (event.type) {
    case 'ReminderDue':
    case 'FollowUpDue':
      // level 0 of the ladder: the caseworker's reminder (a follow-up contact due is one too)
      return notice('escalation', 0, recipientOf(data['recipient']), data['item'], data['dueAt']);
    case 'ConsentReaskDue':
      // level 0 too: the caseworker's reminder to ask her again; the item names the consent category, not a step
      return notice('escalation', 0, recipientOf(data['recipient']), `consent.${String(data['category'])}`, null);
    case 'CaseEscalated': {
      const level = Number(data['level']);
      const item = optionalString(data['item']);
      // level 1 is scheduled at the missed deadline itself; later rungs at a time after it
      const dueAt = level === 1 ? data['scheduledAt'] : item === null ? null : context.dueAt(item);
      return notice('escalation', level, recipientOf(data['recipient']), item, dueAt);
    }
    case 'SupervisorNotified':
      return notice('consent_exception', null, recipientOf(data['recipient']), data['category'], null);
    case 'ClinicalWindowClosed': {
      const recipient: Recipient = context.assignee ? { role: 'caseworker', userId: context.assignee } : supervisor;
      return notice('clinical_window', null, recipient, data['window'], data['endsAt']);
    }
    case 'CaseBecameStuck':
      return notice('case_stuck', null, supervisor, data['reason'], null);
    case 'ClosureRequested':
      return notice('closure_approval_requested', null, supervisor, null, null);
    case 'BreakGlassRead':
      // who read and why stay in the app's read audit; the supervisor is told only that it happened
      return notice('break_glass_read', null, recipientOf(data['recipient']), null, null);
    default:
      return undefined;
  }
}

interface Recipient {
  readonly role: NotificationV1['recipientRole'];
  readonly userId: string | null;
}

/** A domain recipient `{ role, contactId }`: `user:<id>` names a person, anything else a role's roster. */
function recipientOf(value: unknown): Recipient {
  const recipient = asRecord(value);
  const role = recipient['role'];
  if (typeof role !== 'string' || !(RECIPIENT_ROLES_V1 as readonly string[]).includes(role)) {
    throw new Error(`recipient role ${String(role)} is not one of ${RECIPIENT_ROLES_V1.join(', ')}`);
  }
  const contactId = recipient['contactId'];
  const userId = typeof contactId === 'string' && contactId.startsWith('user:') ? contactId.slice('user:'.length) : null;
  return { role: role as Recipient['role'], userId: userId === '' ? null : userId };
}

const normalise = (key: string): string => key.replace(/[_-]/g, '').toLowerCase();
const PERSONAL_KEYS = new Set(PERSONAL_DATA_KEYS.map(normalise));

/**
 * The event's `data` as published. `data` holds codes, ids and times by design; two things are done anyway:
 * SupervisorNotified's `subject` (a code, but a key the personal-data guard refuses) is published as `about`,
 * and any other key the guard would refuse is dropped, so one event can never hold the relay back.
 */
export function publicData(event: Pick<StoredEvent, 'type' | 'data'>): Record<string, unknown> {
  const data = asRecord(event.data);
  if (event.type === 'ClockResumed' && 'reason' in data) {
    // the caseworker's free text (sealed in the log): it never leaves
    const { reason: _reason, ...rest } = data;
    return withoutPersonalKeys(rest) as Record<string, unknown>;
  }
  if (event.type === 'SupervisorNotified' && 'subject' in data) {
    const { subject, ...rest } = data;
    return withoutPersonalKeys({ about: subject, ...rest }) as Record<string, unknown>;
  }
  return withoutPersonalKeys(data) as Record<string, unknown>;
}

function withoutPersonalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PERSONAL_KEYS.has(normalise(key)))
      .map(([key, item]) => [key, withoutPersonalKeys(item)]),
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
