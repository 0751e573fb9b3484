import { assertNoPersonalData, findPersonalData, PersonalDataLeakError } from '@baoho/messaging';

describe('assertNoPersonalData', () => {
  it('lets codes, ids and timings through', () => {
    expect(() =>
      assertNoPersonalData({ caseId: 'c-1', type: 'CaseOpened', data: { riskLevel: 'critical', at: '2026-11-22T03:14:00Z', steps: [{ id: 'engagement' }] } }),
    ).not.toThrow();
  });

  it('finds personal-data keys at any depth, in arrays, whatever their spelling', () => {
    const value = { data: { survivor: { full_name: 'x' }, contacts: [{ Phone: 'y' }], 'date-of-birth': 'z', nested: { notes: [] } } };
    expect(findPersonalData(value)).toEqual(['data.survivor.full_name', 'data.contacts[0].Phone', 'data.date-of-birth', 'data.nested.notes']);
  });

  it('throws an error that names paths, never values', () => {
    try {
      assertNoPersonalData({ data: { narrative: 'Caller reports assault' } });
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(PersonalDataLeakError);
      expect((error as PersonalDataLeakError).paths).toEqual(['data.narrative']);
      expect((error as Error).message).not.toContain('assault');
    }
  });

  it('refuses what is too deep to check, and survives cycles', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 40; i += 1) deep = deep.next = {};
    expect(findPersonalData(root)).toHaveLength(1);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(findPersonalData(cyclic)).toEqual([]);
  });
});
