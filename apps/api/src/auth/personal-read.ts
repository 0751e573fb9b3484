// Reading a case's personal part (her name, phone, story, the notes) asks more than seeing the case. Headquarters
// sees every mission's cases, lists them and acts on them, but opens the personal part only of a case whose mission
// its token names; elsewhere it must give a reason through break-glass (audited, the mission's supervisor told).
// Caseworkers and supervisors see only their own missions' cases, so for them seeing a case is enough.
import { HttpProblem } from '@baoho/http';
import { scopeOf, type CaseAccessFacts, type ScopedActor } from './scope';

/** Whether `actor`, who may see the case, must give a reason (break-glass) to read its personal part. */
export function personalReadNeedsReason(actor: ScopedActor, facts: CaseAccessFacts): boolean {
  return scopeOf(actor).kind === 'all' && !(actor.missions ?? []).includes(facts.mission);
}

/** The 403 that sends the reader to break-glass; it names the route, never anything of the case's content. */
export const reasonRequired = (caseId: string): HttpProblem =>
  new HttpProblem(
    403,
    'REASON_REQUIRED',
    'A reason is required',
    `the case is outside your missions: read its personal part with POST /v1/cases/${caseId}/break-glass and a reason`,
  );
