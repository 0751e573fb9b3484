import { createHmac } from 'node:crypto';
import type { PoolClient } from 'pg';
import { ERASED, nameTokens, passportTerm, phoneTerms, type SearchTerm } from '@baoho/domain';
import type { CasePersonalData } from '@baoho/crypto';
import type { Projection, StoredEvent } from '../types';

/** The keyed hash of one search term: what `case_search_terms` stores and what a search looks up. */
export const searchTermHash = (key: string, { kind, term }: SearchTerm): Buffer =>
  createHmac('sha256', key).update(`${kind}:${term}`).digest();

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== ERASED ? value : undefined);

/** The terms an event makes a case findable by: from its personal part only (names, phones, documents), opened. */
function termsOf(event: StoredEvent, personal: Record<string, unknown>): SearchTerm[] {
  if (event.type === 'CaseOpened') {
    const subject = (personal['subject'] ?? {}) as { fullName?: unknown; passportNumber?: unknown };
    const caller = (personal['caller'] ?? {}) as { phone?: unknown };
    const fullName = text(subject.fullName);
    const phone = text(caller.phone);
    const passportNumber = text(subject.passportNumber);
    const passport = passportNumber ? passportTerm(passportNumber) : undefined;
    return [
      ...(fullName ? nameTokens(fullName).map((term) => ({ kind: 'name' as const, term })) : []),
      ...(phone ? phoneTerms(phone).map((term) => ({ kind: 'phone' as const, term })) : []),
      ...(passport ? [{ kind: 'passport' as const, term: passport }] : []),
    ];
  }
  const documentNumber = text(personal['documentNumber']);
  if (event.type === 'IdentityDocumentsSeen' && documentNumber) {
    const passport = passportTerm(documentNumber);
    return passport ? [{ kind: 'passport', term: passport }] : [];
  }
  return [];
}

const SEARCHABLE = new Set(['CaseOpened', 'IdentityDocumentsSeen']);

/**
 * The blind search index, kept inline with each append (migration CreateCaseSearchTerms1763880000008). The key
 * is the deployment's secret: the worker that writes and the API that searches share it. Personal parts arrive
 * sealed: they are opened here, in the append's transaction, only to hash their terms. `PersonalDataErased`
 * deletes the case's terms, so search by name, phone or passport no longer finds it.
 */
export const caseSearchProjection = (key: string, personalData: CasePersonalData): Projection =>
  Object.freeze({
    name: 'case-search',
    tables: ['case_search_terms'],
    apply: async (client: PoolClient, events: readonly StoredEvent[]): Promise<void> => {
      const hashes: Buffer[] = [];
      const cases: string[] = [];
      const erased = events.filter((event) => event.type === 'PersonalDataErased').map((event) => event.streamId);
      if (erased.length > 0) await client.query(`DELETE FROM case_search_terms WHERE case_id = ANY($1::text[])`, [erased]);
      for (const event of events) {
        if (!SEARCHABLE.has(event.type) || !event.personal || erased.includes(event.streamId)) continue;
        const opened = await personalData.open(event.streamId, event.personal as Record<string, unknown>, client);
        for (const term of termsOf(event, opened.value)) {
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
