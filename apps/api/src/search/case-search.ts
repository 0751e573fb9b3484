// Find a case by the survivor's name (diacritics folded), a phone number or a passport number, through the
// blind index: the query's terms are hashed with the deployment's key and matched against stored hashes, so
// neither the index nor this query's SQL carries a name.
import type { Pool } from 'pg';
import { scopeClauses, type CaseScope } from '../auth/scope';
import { z } from 'zod';
import { queryTerms, type SearchKind } from '@baoho/domain';
import { searchTermHash } from '@baoho/event-store';
import { HttpProblem } from '@baoho/http';
import { caseHeadline, type CaseHeadline, type CaseHeadlineRow } from '../worklists/case-headline';

export const searchQuerySchema = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    phone: z.string().min(1).max(40).optional(),
    passport: z.string().min(1).max(40).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/).optional(),
  })
  .refine((q) => [q.name, q.phone, q.passport].filter((v) => v !== undefined).length === 1, {
    message: 'exactly one of name, phone, passport',
    path: ['(query)'],
  });
export type SearchQuery = z.output<typeof searchQuerySchema>;

export interface SearchHit extends CaseHeadline {
  /** What matched: name, phone or passport. */
  readonly matchedBy: SearchKind;
}

export class CaseSearch {
  constructor(
    private readonly pool: Pool,
    private readonly key: string,
  ) {}

  /** Hits only among the cases in `scope` (the caller's), filtered in the same query. */
  async find(query: SearchQuery, scope: CaseScope = { kind: 'all' }): Promise<{ items: SearchHit[]; nextCursor: string | null }> {
    const scoped = scopeClauses(scope, 'c.');
    const kind: SearchKind = query.name !== undefined ? 'name' : query.phone !== undefined ? 'phone' : 'passport';
    const terms = queryTerms(kind, query.name ?? query.phone ?? query.passport ?? '');
    if (terms.length === 0) {
      throw new HttpProblem(400, 'INVALID_QUERY', 'Nothing to search for', `the ${kind} has too few letters or digits`, {
        issues: [{ path: kind, code: 'too_short' }],
      });
    }
    const hashes = terms.map((term) => searchTermHash(this.key, term));
    // Every word of a name must match; a phone or a passport is one term.
    const { rows } = await this.pool.query<CaseHeadlineRow>(
      `SELECT c.case_id, c.mission, c.stage, c.status, c.risk_level, c.assignee
         FROM (SELECT case_id FROM case_search_terms WHERE term_hash = ANY($1::bytea[])
                GROUP BY case_id HAVING count(DISTINCT term_hash) = $2) hit
         JOIN case_summary c USING (case_id)
        WHERE ($3::text IS NULL OR c.case_id > $3) ${scoped.map(([clause], i) => `AND ${clause.replace('$ARG', `$${5 + i}`)}`).join(' ')}
        ORDER BY c.case_id LIMIT $4`,
      [hashes, hashes.length, query.cursor ?? null, query.limit, ...scoped.map(([, value]) => value)],
    );
    const items = rows.map((row) => ({
      ...caseHeadline(row),
      matchedBy: kind,
    }));
    return { items, nextCursor: rows.length === query.limit ? rows[rows.length - 1]!.case_id : null };
  }
}
