import { personalReadNeedsReason } from '../src/auth/personal-read';

// Who must give a reason (break-glass) to read the personal part of a case they can already see.
describe('personalReadNeedsReason', () => {
  const seoulCase = { mission: 'KR-SEL', assignee: 'cw-1', sharedWith: [] };

  it('asks headquarters for a reason outside the missions its token names, and only there', () => {
    expect(personalReadNeedsReason({ userId: 'hq-1', role: 'hq_officer', missions: ['HQ'] }, seoulCase)).toBe(true);
    expect(personalReadNeedsReason({ userId: 'hq-1', role: 'hq_officer' }, seoulCase)).toBe(true);
    expect(personalReadNeedsReason({ userId: 'hq-2', role: 'hq_officer', missions: ['HQ', 'KR-SEL'] }, seoulCase)).toBe(false);
  });

  it('asks nothing more of those whose scope is their own missions (seeing the case is enough)', () => {
    expect(personalReadNeedsReason({ userId: 'sup-1', role: 'supervisor', missions: ['KR-SEL'] }, seoulCase)).toBe(false);
    expect(personalReadNeedsReason({ userId: 'cw-1', role: 'caseworker', missions: ['KR-SEL'] }, seoulCase)).toBe(false);
  });
});
