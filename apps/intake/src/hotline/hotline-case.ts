// A hotline event as the command that opens its case. The case id is derived from (source, eventId), so every
// delivery of the same report — redelivered, duplicated, sent over Kafka and HTTP — names the same case and
// the same workflow, and Temporal lets only one of them open it.
import { createHash } from 'node:crypto';
import type { Actor, OpenCase } from '@baoho/domain';
import type { HotlineCallV1 } from '@baoho/messaging';

/** `hl-` and 24 hex digits (96 bits of SHA-256): stable, and no personal value can be read back from it. */
export const hotlineCaseId = (source: string, eventId: string): string =>
  `hl-${createHash('sha256').update(`${source}\n${eventId}`).digest('hex').slice(0, 24)}`;

/** The update id of the opening command: Temporal answers a repeated update with the first one's result. */
export const hotlineCommandId = (source: string, eventId: string): string => `hotline:${source}:${eventId}`;

// The contract's words and the domain's overlap but are not the same list (the contract names how the hotline
// was reached; the domain, how the case is worked).
const CHANNELS: Record<HotlineCallV1['channel'], OpenCase['channel']> = {
  phone: 'phone',
  sms: 'message',
  chat: 'message',
  web: 'message',
  email: 'email',
  walk_in: 'walk_in',
};
const RELATIONS: Record<HotlineCallV1['caller']['relation'], OpenCase['callerRelation']> = {
  self: 'self',
  family_member: 'family',
  friend: 'friend',
  co_worker: 'other',
  employer: 'employer',
  ngo: 'ngo',
  authority: 'other',
  other: 'other',
};

/** `actor`: the hotline system's token (HTTP); reports from Kafka open as the recorded `hotline:<source>` operator. */
export function toOpenCase(event: HotlineCallV1, actor?: Actor): OpenCase {
  return {
    type: 'OpenCase',
    commandId: hotlineCommandId(event.source, event.eventId),
    actor: actor ?? { userId: `hotline:${event.source}`, role: 'hotline_operator' },
    caseId: hotlineCaseId(event.source, event.eventId),
    source: 'hotline',
    hotlineEventId: event.eventId,
    hotlineSource: event.source,
    channel: CHANNELS[event.channel],
    reportedAt: event.occurredAt,
    callerRelation: RELATIONS[event.caller.relation],
    ...(event.caller.language ? { language: event.caller.language } : {}),
    countryCode: event.location.countryCode,
    ...(event.location.city ? { city: event.location.city } : {}),
    categories: event.categories,
    ...(event.gbvType ? { gbvType: event.gbvType } : {}),
    incidentAt: event.incidentAt,
    immediateDanger: event.immediateDanger,
    minor: event.minor,
    personal: {
      caller: { phone: event.caller.phone ?? null },
      subject: {
        fullName: event.subject.fullName,
        sex: event.subject.sex,
        dateOfBirth: event.subject.dateOfBirth ?? null,
        passportNumber: event.subject.passportNumber ?? null,
        hometownProvince: event.subject.hometownProvince ?? null,
      },
      narrative: event.narrative,
    },
  };
}
