// How decided events become log entries and notices: deterministic ids from the stream version (a retried
// append sends the same ids, invariant 4) and metadata that says who and why, never what about whom.
import type { CaseCommand, CaseEvent } from '@baoho/domain';
import type { CaseEventToAppend, CaseNotice } from './activity-ports';

/** The id of the event at `streamVersion` of the case's stream: unique, and the same on every retry. */
export const caseEventId = (caseId: string, streamVersion: number): string => `${caseId}:${streamVersion}`;

export const toAppend = (
  caseId: string,
  version: number,
  command: CaseCommand,
  events: readonly CaseEvent[],
): CaseEventToAppend[] =>
  events.map((event, i) => ({
    eventId: caseEventId(caseId, version + i + 1),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    ...(event.personal !== undefined ? { personal: event.personal } : {}),
    metadata:
      command.type === 'CheckClocks'
        ? { cause: 'clock' }
        : {
            cause: command.type,
            commandId: command.commandId,
            actor: command.actor.userId,
            role: command.actor.role,
            // The missions of the caller's token; commands recorded before tokens carry none (and keep their metadata).
            ...(command.actor.missions !== undefined ? { missions: command.actor.missions } : {}),
          },
    occurredAt: event.data.at,
  }));

/** Events that someone must hear about: each names its recipient by role (and user id where it is a person). */
const NOTICE_TYPES: ReadonlySet<string> = new Set(['ReminderDue', 'CaseEscalated', 'SupervisorNotified', 'FollowUpDue', 'ConsentReaskDue']);

export const noticesIn = (caseId: string, events: readonly CaseEventToAppend[]): CaseNotice[] =>
  events
    .filter((event) => NOTICE_TYPES.has(event.type))
    .map((event) => ({ caseId, eventId: event.eventId, type: event.type, data: event.data as Record<string, unknown> }));
