import { mayBeNamedOnCase, type StaffMember } from '../src/index';

// Who may be assigned a case, or have it shared with them: an active member of the case's mission; an assignee
// also one who holds cases.
describe('mayBeNamedOnCase', () => {
  const member = (overrides: Partial<StaffMember> = {}): StaffMember => ({ userId: 'cw-1', role: 'caseworker', missions: ['KR-SEL'], active: true, ...overrides });

  it('names an active caseworker or supervisor of the case’s mission as assignee', () => {
    expect(mayBeNamedOnCase(member(), 'KR-SEL', 'assignee')).toBe(true);
    expect(mayBeNamedOnCase(member({ role: 'supervisor', missions: ['KR-PUS', 'KR-SEL'] }), 'KR-SEL', 'assignee')).toBe(true);
  });

  it('refuses nobody, someone deactivated, someone of another mission', () => {
    for (const as of ['assignee', 'share'] as const) {
      expect(mayBeNamedOnCase(undefined, 'KR-SEL', as)).toBe(false);
      expect(mayBeNamedOnCase(member({ active: false }), 'KR-SEL', as)).toBe(false);
      expect(mayBeNamedOnCase(member({ missions: ['KR-PUS'] }), 'KR-SEL', as)).toBe(false);
    }
  });

  it('shares with an HQ officer of the mission, but does not make one the assignee', () => {
    const hq = member({ userId: 'hq-1', role: 'hq_officer', missions: ['HQ', 'KR-SEL'] });
    expect(mayBeNamedOnCase(hq, 'KR-SEL', 'share')).toBe(true);
    expect(mayBeNamedOnCase(hq, 'KR-SEL', 'assignee')).toBe(false);
  });
});
