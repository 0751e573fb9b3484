// What a case can be found by, as normalised terms: the words of her name without diacritics (so `nguyen thi
// hoa` finds `Nguyễn Thị Hoa`), the digits of a phone number, a passport number. Pure: the edge hashes these
// terms with a secret key before storing them, so the search index never holds a name.

/** Lower case, Vietnamese (and any Latin) diacritics folded, đ → d, split on anything that is not a letter or digit. */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

export const nameTokens = (fullName: string): string[] => [
  ...new Set(
    foldText(fullName)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length > 0),
  ),
];

/**
 * A phone number's digits, plus its last 8 digits (numbers are written with and without the country code and a
 * trunk 0, so the tail is what two spellings of one number share).
 */
export const phoneTerms = (phone: string): string[] => {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return [];
  return [...new Set([digits, digits.slice(-8)])];
};

export const passportTerm = (passport: string): string | undefined => {
  const normalised = passport.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return normalised.length >= 5 ? normalised : undefined;
};

export type SearchKind = 'name' | 'phone' | 'passport';

export interface SearchTerm {
  readonly kind: SearchKind;
  readonly term: string;
}

/** The terms a query asks for: every name word must match; a phone or passport matches on its own. */
export const queryTerms = (kind: SearchKind, query: string): SearchTerm[] => {
  switch (kind) {
    case 'name':
      return nameTokens(query).map((term) => ({ kind, term }));
    case 'phone': {
      const digits = query.replace(/\D/g, '');
      return digits.length >= 8 ? [{ kind, term: digits.slice(-8) }] : digits.length >= 6 ? [{ kind, term: digits }] : [];
    }
    case 'passport': {
      const term = passportTerm(query);
      return term ? [{ kind, term }] : [];
    }
  }
};
