import { GBV_TYPES, PROTECTION_CATEGORIES } from '@baoho/domain';
import { COUNTRY_CODES, GBV_TYPES_V1, PROTECTION_CATEGORIES_V1 } from '@baoho/messaging';

describe('the frozen v1 vocabularies', () => {
  it('match the domain: a new domain value is a contract decision (v1 stays, or a v2 topic), never silent', () => {
    expect([...PROTECTION_CATEGORIES_V1]).toEqual([...PROTECTION_CATEGORIES]);
    expect([...GBV_TYPES_V1]).toEqual([...GBV_TYPES]);
  });

  it('lists 249 ISO 3166-1 codes plus XK, each a region ICU knows by name', () => {
    expect(COUNTRY_CODES.size).toBe(250);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    const unknown = [...COUNTRY_CODES].filter((code) => names.of(code) === code);
    expect(unknown).toEqual([]);
  });
});
