import { decide, fold, type ActiveCase, type TaskId } from '../src/index';
import { given } from './support/specification';
import { assessedCase, checkClocks, command, history, hotlineReport, hours, iso, minutes, T0 } from './support/fixtures';

const planned = (tasks: TaskId[]) =>
  history([[command('AgreeActionPlan', { goal: 'stay', tasks }), T0 + hours(2)]], assessedCase());

describe('open case, consent not yet asked', () => {
  it('blocks sharing with the police without consent', () => {
    given(planned(['police_report'])).when(command('StartTask', { task: 'police_report' }), T0 + hours(3)).thenThrows('CONSENT_REQUIRED');
    given(planned(['police_report'])).when(command('CompleteTask', { task: 'police_report' }), T0 + hours(3)).thenThrows('CONSENT_REQUIRED');
  });

  it('blocks a verification request to the home authorities without consent', () => {
    const reached = assessedCase().slice(0, -3); // before the assessment: identity verification still open
    given(reached).when(command('RecordIdentityVerification', { outcome: { kind: 'request_sent' } }), T0 + hours(1)).thenThrows('CONSENT_REQUIRED');
  });

  it('blocks recording clinical care without consent for medical, and records it once consent is given', () => {
    const critical = history([
      [hotlineReport(), T0],
      [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + minutes(30)],
    ]);
    const care = command('RecordClinicalCare', { window: 'hiv_pep', medicalDetails: 'PEP started at Ansan hospital' });
    given(critical).when(care, T0 + hours(2)).thenThrows('CONSENT_REQUIRED');
    const consented = history([[command('GiveConsent', { category: 'medical', method: 'interpreter' }), T0 + hours(1)]], critical);
    const events = given(consented).when(care, T0 + hours(2)).then([
      { type: 'ClinicalCareRecorded', data: { window: 'hiv_pep' }, personal: { medicalDetails: 'PEP started at Ansan hospital' } },
    ]);
    // Care given inside the window: its end is no breach.
    const closed = decide(fold([...consented, ...events]), checkClocks, T0 + hours(200));
    expect(closed.filter((e) => e.type === 'ClinicalWindowClosed').map((e) => e.data)).toEqual([
      expect.objectContaining({ window: 'emergency_contraception' }),
    ]);
  });

  it('starts the clock of a waiting task when consent is given: the family is notified within 48 h of consent', () => {
    given(planned(['family_notification'])).when(command('GiveConsent', { category: 'family', method: 'spoken' }), T0 + hours(30)).then([
      { type: 'ConsentGiven', schemaVersion: 2, data: { category: 'family', method: 'spoken', by: 'cw-1' } },
      { type: 'TaskOpened', data: { task: 'family_notification', party: 'family_liaison', dueAt: iso(T0 + hours(30) + hours(48)) } },
    ]);
  });

  it('lets work proceed under a recorded exception, telling the supervisor at once', () => {
    const exception = command('RecordConsentException', { category: 'host_police', ground: 'imminent_danger', reason: 'Employer threatens to kill her' });
    const events = given(planned(['police_report'])).when(exception, T0 + hours(3)).then([
      { type: 'ConsentExceptionRecorded', data: { category: 'host_police', ground: 'imminent_danger', by: 'cw-1' }, personal: { reason: 'Employer threatens to kill her' } },
      { type: 'SupervisorNotified', data: { subject: 'consent_exception', invokedBy: 'cw-1', recipient: { role: 'supervisor', contactId: 'role:KR-SEL:consular-supervisor' } } },
      { type: 'TaskOpened', data: { task: 'police_report' } },
    ]);
    const state = fold(events, fold(planned(['police_report'])));
    given(planned(['police_report']), events).when(command('CompleteTask', { task: 'police_report' }), T0 + hours(4)).then([
      { type: 'TaskCompleted', data: { task: 'police_report' } },
    ]);
    expect((state as ActiveCase).exceptions.host_police).toMatchObject({ ground: 'imminent_danger', by: 'cw-1' });
  });

  it('refuses an exception without a reason', () => {
    given(planned(['police_report'])).when(command('RecordConsentException', { category: 'host_police', ground: 'legal_duty', reason: '  ' }), T0 + hours(3)).thenThrows('INVALID_COMMAND');
  });

  it('refuses an unknown consent category or method', () => {
    given(assessedCase()).when(command('GiveConsent', { category: 'neighbours' as never, method: 'spoken' }), T0 + hours(3)).thenThrows('INVALID_COMMAND');
    given(assessedCase()).when(command('GiveConsent', { category: 'family', method: 'telepathy' as never }), T0 + hours(3)).thenThrows('INVALID_COMMAND');
  });
});

describe('open case, consent given', () => {
  const withPolice = () => history([[command('GiveConsent', { category: 'host_police', method: 'written' }), T0 + hours(3)]], planned(['police_report', 'shelter_placement']));

  it('lets the caseworker start and complete the police report', () => {
    given(withPolice()).when(command('StartTask', { task: 'police_report' }), T0 + hours(4)).then([{ type: 'TaskStarted', data: { task: 'police_report' } }]);
  });

  it('cancels pending actions towards the recipient when consent is withdrawn', () => {
    given(withPolice()).when(command('WithdrawConsent', { category: 'host_police', method: 'spoken' }), T0 + hours(5)).then([
      { type: 'ConsentWithdrawn', data: { category: 'host_police' } },
      { type: 'TaskCancelled', data: { task: 'police_report', reason: 'consent_withdrawn' } },
    ]);
  });

  it('cancels a task still waiting for consent when that consent is withdrawn', () => {
    given(withPolice()).when(command('WithdrawConsent', { category: 'shelter', method: 'spoken' }), T0 + hours(5)).then([
      { type: 'ConsentWithdrawn', data: { category: 'shelter' } },
      { type: 'TaskCancelled', data: { task: 'shelter_placement', reason: 'consent_withdrawn' } },
    ]);
  });

  it('keeps actions going under an exception even when consent is withdrawn', () => {
    const excepted = history([[command('RecordConsentException', { category: 'host_police', ground: 'legal_duty', reason: 'mandatory report of a minor' }), T0 + hours(4)]], withPolice());
    given(excepted).when(command('WithdrawConsent', { category: 'host_police', method: 'spoken' }), T0 + hours(5)).then([{ type: 'ConsentWithdrawn' }]);
  });

  it('re-asks consent after a refusal', () => {
    const refused = history([[command('RefuseConsent', { category: 'family', method: 'spoken' }), T0 + hours(3)]], planned(['family_notification']));
    expect((fold(refused) as ActiveCase).consent.family.status).toBe('refused');
    given(refused).when(command('GiveConsent', { category: 'family', method: 'spoken' }), T0 + hours(30)).then([
      { type: 'ConsentGiven' },
      { type: 'TaskOpened', data: { task: 'family_notification' } },
    ]);
  });
});

describe('open case, family recorded as a source of risk', () => {
  const risky = () => assessedCase(undefined, { familyIsRiskSource: true });

  it('never plans a family notification', () => {
    given(risky()).when(command('AgreeActionPlan', { goal: 'stay', tasks: ['family_notification'] }), T0 + hours(2)).thenThrows('FAMILY_IS_RISK_SOURCE');
  });

  it('never notifies the family, not even with consent and an exception recorded', () => {
    const consentAndException = history(
      [
        [command('GiveConsent', { category: 'family', method: 'spoken' }), T0 + hours(2)],
        [command('RecordConsentException', { category: 'family', ground: 'minor_protection', reason: 'she is 16' }), T0 + hours(2)],
      ],
      risky(),
    );
    expect((fold(consentAndException) as ActiveCase).consent.family.status).toBe('given');
    given(consentAndException).when(command('AgreeActionPlan', { goal: 'return', tasks: ['family_notification'] }), T0 + hours(3)).thenThrows('FAMILY_IS_RISK_SOURCE');
  });
});
