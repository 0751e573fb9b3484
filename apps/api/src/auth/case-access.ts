// The one check in front of every case read and command: does the case exist, and may this caller see it?
// A case outside the caller's scope answers exactly like a case that does not exist (404 CASE_NOT_FOUND), so
// a caseworker cannot learn that a case exists in another mission by trying its number.
import type { Pool } from 'pg';
import { HttpProblem } from '@baoho/http';
import { inScope, scopeOf, type CaseAccessFacts, type ScopedActor } from './scope';

export const caseNotFound = (caseId: string): HttpProblem => new HttpProblem(404, 'CASE_NOT_FOUND', 'No such case', `case ${caseId}`);

export class CaseAccess {
  constructor(private readonly pool: Pool) {}

  /** The case's mission, assignee and shares, or undefined when there is no such case. */
  async facts(caseId: string): Promise<CaseAccessFacts | undefined> {
    const { rows } = await this.pool.query<{ mission: string; assignee: string | null; shared_with: string[] }>(
      'SELECT mission, assignee, shared_with FROM case_summary WHERE case_id = $1',
      [caseId],
    );
    const row = rows[0];
    return row && { mission: row.mission, assignee: row.assignee, sharedWith: row.shared_with };
  }

  /** The facts of a case the caller may see; 404 for one they may not, as for one that does not exist. */
  async visible(actor: ScopedActor, caseId: string): Promise<CaseAccessFacts> {
    const facts = await this.facts(caseId);
    if (!facts || !inScope(scopeOf(actor), facts)) throw caseNotFound(caseId);
    return facts;
  }
}
