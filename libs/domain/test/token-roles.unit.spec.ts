import { decide, fold, type Actor, type CaseEvent } from '../src/index';
import { given } from './support/specification';
import { command, standardReport, T0 } from './support/fixtures';

// The roles of bearer tokens join the recorded ones: hq_officer may do what hq_duty_officer could, a hotline
// integration may open a case like the hotline operator, auditors and administrators command nothing.
describe('token roles', () => {
  const hqOfficer: Actor = { userId: 'hq-9', role: 'hq_officer', missions: ['HQ'] };
  const integration: Actor = { userId: 'hotline-acme', role: 'hotline_integration', missions: [] };
  const auditor: Actor = { userId: 'aud-1', role: 'auditor', missions: ['KR-SEL'] };
  const admin: Actor = { userId: 'adm-1', role: 'admin', missions: [] };
  const opened = (): CaseEvent[] => decide(fold([]), standardReport(), T0);

  it('lets a hotline integration and an HQ officer open a case, not an auditor or an administrator', () => {
    expect(decide(fold([]), standardReport({ actor: integration }), T0)[0]?.type).toBe('CaseOpened');
    expect(decide(fold([]), standardReport({ actor: hqOfficer }), T0)[0]?.type).toBe('CaseOpened');
    given([]).when(standardReport({ actor: auditor }), T0).thenThrows('FORBIDDEN_ROLE');
    given([]).when(standardReport({ actor: admin }), T0).thenThrows('FORBIDDEN_ROLE');
  });

  it('lets an HQ officer assign a caseworker as an HQ duty officer could; refuses it to a hotline integration', () => {
    expect(decide(fold(opened()), command('AssignCaseworker', { caseworkerId: 'cw-2', actor: hqOfficer }), T0 + 1).map((e) => e.type)).toContain('CaseworkerAssigned');
    given(opened()).when(command('AssignCaseworker', { caseworkerId: 'cw-2', actor: integration }), T0 + 1).thenThrows('FORBIDDEN_ROLE');
  });

  it('refuses every staff command to auditors and administrators', () => {
    for (const actor of [auditor, admin, integration]) {
      given(opened()).when(command('AddNote', { text: 'x', actor }), T0 + 1).thenThrows('FORBIDDEN_ROLE');
    }
  });
});
