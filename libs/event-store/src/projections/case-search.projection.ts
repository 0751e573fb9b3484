import { createHmac } from 'node:crypto';
import type { PoolClient } from 'pg';
import { nameTokens, passportTerm, phoneTerms, type SearchTerm } from '@baoho/domain';
import type { Projection, StoredEvent } from '../types';

/** The keyed hash of one search term: what `case_search_terms` stores and what a search looks up. */
export const searchTermHash = (key: string, { kind, term }: SearchTerm): Buffer =>
  createHmac('sha256', key).update(`${kind}:${term}`).digest();

/** The terms an event makes a case findable by: from its personal part only (names, phones, documents). */
function termsOf(event: StoredEvent): SearchTerm[] {
  const personal = (event.personal ?? {}) as Record<string, unknown>;
  if (event.type === 'CaseOpened') {
    const subject = (personal['subject'] ?? {}) as { fullName?: string | null; passportNumber?: string | null };
    const caller = (personal['caller'] ?? {}) as { phone?: string | null };
    const passport = subject.passportNumber ? passportTerm(subject.passportNumber) : undefined;
    return [
      ...(subject.fullName ? nameTokens(subject.fullName).map((term) => ({ kind: 'name' as const, term })) : []),
      ...(caller.phone ? phoneTerms(caller.phone).map((term) => ({ kind: 'phone' as const, term })) : []),
      ...(passport ? [{ kind: 'passport' as const, term: passport }] : []),
    ];
  }
  if (event.type === 'IdentityDocumentsSeen' && typeof personal['documentNumber'] === 'string') {
    const passport = passportTerm(personal['documentNumber']);
    return passport ? [{ kind: 'passport', term: passport }] : [];
  }
  return [];
}

/**
 * The blind search index, kept inline with each append (migration CreateCaseSearchTerms1763880000008). The key
 * is the deployment's secret: the worker that writes and the API that searches share it.
 */
export const caseSearchProjection = (key: string): Projection =>
  Object.freeze({
    name: 'case-search',
    tables: ['case_search_terms'],
    apply: async (client: PoolClient, events: readonly StoredEvent[]): Promise<void> => {
      const hashes: Buffer[] = [];
      const cases: string[] = [];
      for (const event of events) {
        for (const term of termsOf(event)) {
          hashes.push(searchTermHash(key, term));
          cases.push(event.streamId);
        }
      }
      if (hashes.length === 0) return;
      await client.query(
        `INSERT INTO case_search_terms (term_hash, case_id) SELECT * FROM unnest($1::bytea[], $2::text[]) ON CONFLICT DO NOTHING`,
        [hashes, cases],
      );
    },
  });
