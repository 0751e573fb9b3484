// Values that pass the schema but cannot be true when the message is read at `now`. Only the truly
// impossible is refused: a refused report waits for an operator, and a person in danger waits with it.
import { isAssignedCountryCode } from './country-codes';
import type { HotlineCallV1 } from './hotline-call.v1';
import type { RefusalIssue } from './refusal';

/** How far ahead of our clock a hotline's clock may run before its timestamps are "in the future". */
export const DEFAULT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Nobody alive was born before this; a date of birth earlier is a typo (e.g. 0998 for 1998). */
const EARLIEST_BIRTH = Date.parse('1900-01-01T00:00:00Z');

export function findImpossibleValues(event: HotlineCallV1, now: number, clockSkewMs = DEFAULT_CLOCK_SKEW_MS): RefusalIssue[] {
  const issues: RefusalIssue[] = [];
  const latest = now + clockSkewMs;
  const occurredAt = Date.parse(event.occurredAt);
  const incidentAt = event.incidentAt === null ? null : Date.parse(event.incidentAt);

  if (occurredAt > latest) issues.push({ path: 'occurredAt', code: 'in_future' });
  if (incidentAt !== null) {
    if (incidentAt > latest) issues.push({ path: 'incidentAt', code: 'in_future' });
    // the report cannot precede what it reports (both stamps come from the hotline, no skew between them)
    if (incidentAt > occurredAt) issues.push({ path: 'incidentAt', code: 'after_occurred_at' });
  }

  if (event.subject.dateOfBirth) {
    const birth = Date.parse(`${event.subject.dateOfBirth}T00:00:00Z`);
    // a birth date is a calendar day in some time zone: it is "future" only once that day has begun everywhere
    if (birth > latest + 14 * 60 * 60 * 1000) issues.push({ path: 'subject.dateOfBirth', code: 'in_future' });
    else if (birth < EARLIEST_BIRTH) issues.push({ path: 'subject.dateOfBirth', code: 'too_early' });
  }

  if (!isAssignedCountryCode(event.location.countryCode)) {
    issues.push({ path: 'location.countryCode', code: 'unassigned_country_code' });
  }
  return issues;
}
