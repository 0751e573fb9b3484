// protection.notifications.v1: escalations and notices for whoever delivers them (mail, SMS, a duty
// roster). Who and when, never what about whom: a recipient opens the case in the app, where reads are
// recorded. Key = caseId, header `message-id` = notificationId.
import { z } from 'zod';
import { toV1Message, type OutgoingMessage } from './outgoing-message';

export const NOTIFICATIONS_V1_TOPIC = 'protection.notifications.v1';

export const NOTIFICATION_KINDS_V1 = [
  /** A rung of the escalation ladder (level 0 is the caseworker's reminder). */
  'escalation',
  /** A consent exception was invoked: the supervisor is told at once. */
  'consent_exception',
  /** An emergency read of a case the reader is not assigned to. */
  'break_glass_read',
  /** A closure waits for the supervisor's approval. */
  'closure_approval_requested',
  /** A clinical window (PEP, emergency contraception) is about to close or has closed. */
  'clinical_window',
  /** The case matches a "stuck" rule (no activity, blocked by consent…). */
  'case_stuck',
] as const;
export type NotificationKindV1 = (typeof NOTIFICATION_KINDS_V1)[number];

export const RECIPIENT_ROLES_V1 = ['caseworker', 'supervisor', 'hq_duty_officer', 'head_of_mission'] as const;

const code = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/);
/** A mission registry code (`KR-SEL`, `HQ` …): upper case, as the domain names missions. */
const missionCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
const instant = z.iso.datetime({ offset: true });

export const notificationV1Schema = z
  .strictObject({
    /** Deterministic: the same escalation raised twice has the same id. */
    notificationId: id,
    caseId: id,
    kind: z.enum(NOTIFICATION_KINDS_V1),
    /** Escalation level 0–3; null for notices outside the ladder. */
    level: z.number().int().min(0).max(3).nullable(),
    /** The mission's code in the mission registry, e.g. `KR-SEL`. */
    mission: missionCode,
    recipientRole: z.enum(RECIPIENT_ROLES_V1),
    /** The assigned person's user id, when the recipient is a person rather than a role's duty roster. */
    recipientUserId: id.nullable(),
    riskLevel: z.enum(['critical', 'high', 'standard']),
    /** What it is about: a step, task or window code, e.g. `engagement.first_contact`, `hiv_pep`. */
    item: code.nullable(),
    /** When the item is (or was) due; null when it has no deadline. */
    dueAt: instant.nullable(),
    occurredAt: instant,
  })
  .meta({
    title: 'NotificationV1',
    description: 'An escalation or notice (topic protection.notifications.v1, key = caseId). No personal data.',
  });

export type NotificationV1 = z.infer<typeof notificationV1Schema>;

export function toNotificationMessage(notification: NotificationV1): OutgoingMessage {
  const value = notificationV1Schema.parse(notification);
  return toV1Message(value.caseId, value.notificationId, value);
}
