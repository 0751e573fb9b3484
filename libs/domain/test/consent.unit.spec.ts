import { decide, fold, type ActiveCase, type CaseEvent, type TaskId } from '../src/index';
import { given } from './support/specification';
import { assessedCase, checkClocks, command, days, history, hotlineReport, hours, iso, minutes, T0 } from './support/fixtures';

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

describe('open case, consent given and then refused', () => {
  const withPolice = () => history([[command('GiveConsent', { category: 'host_police', method: 'written' }), T0 + hours(3)]], planned(['police_report', 'shelter_placement']));

  it('cancels pending actions towards the recipient, as a withdrawal does, so they can no longer escalate', () => {
    const events = given(withPolice()).when(command('RefuseConsent', { category: 'host_police', method: 'spoken' }), T0 + hours(5)).then([
      { type: 'ConsentRefused', data: { category: 'host_police' } },
      { type: 'TaskCancelled', data: { task: 'police_report', reason: 'consent_refused' } },
    ]);
    const later = decide(fold(events, fold(withPolice())), checkClocks, T0 + days(30));
    expect(later.filter((e) => 'item' in e.data && e.data.item === 'police_report')).toEqual([]);
  });

  it('leaves tasks waiting when she refuses what she never gave: she may be asked again', () => {
    given(withPolice()).when(command('RefuseConsent', { category: 'shelter', method: 'spoken' }), T0 + hours(5)).then([
      { type: 'ConsentRefused', data: { category: 'shelter' } },
    ]);
  });
});

describe('open case, a consent exception in force', () => {
  const exceptionAt = T0 + hours(3);
  /** The exception, and the clocks checked a millisecond before it lapses (the identity step has lapsed by then). */
  const excepted = () =>
    history(
      [
        [command('RecordConsentException', { category: 'host_police', ground: 'imminent_danger', reason: 'Employer threatens her' }), exceptionAt],
        [checkClocks, exceptionAt + hours(72) - 1],
      ],
      planned(['police_report']),
    );

  it('lapses after the protocol’s 72 h: the task it let run waits for her consent again', () => {
    expect(excepted().map((e) => e.type)).not.toContain('ConsentExceptionLapsed');
    const events = given(excepted()).when(checkClocks, exceptionAt + hours(72)).then([
      { type: 'ConsentExceptionLapsed', data: { category: 'host_police', ground: 'imminent_danger', recordedAt: iso(exceptionAt) } },
      { type: 'TaskBlockedOnConsent', data: { task: 'police_report', category: 'host_police', party: 'host_police' } },
    ]);
    const lapsed = [...excepted(), ...events];
    expect((fold(lapsed) as ActiveCase).exceptions.host_police).toBeUndefined();
    given(lapsed).when(command('StartTask', { task: 'police_report' }), exceptionAt + hours(73)).thenThrows('CONSENT_REQUIRED');
    given(lapsed).when(command('GiveConsent', { category: 'host_police', method: 'spoken' }), exceptionAt + hours(74)).then([
      { type: 'ConsentGiven' },
      { type: 'TaskOpened', data: { task: 'police_report', dueAt: iso(exceptionAt + hours(74) + hours(168)) } },
    ]);
  });

  it('once lapsed, lets a withdrawal cancel what is pending towards the recipient', () => {
    const consented = history([[command('GiveConsent', { category: 'host_police', method: 'written' }), exceptionAt + hours(72) - 1]], excepted());
    // While the exception is in force, withdrawing cancels nothing (see above); after it lapses, consent given keeps the task running.
    const lapsed = history([[checkClocks, exceptionAt + hours(72)]], consented);
    expect(lapsed.slice(consented.length).map((e) => e.type)).toEqual(['ConsentExceptionLapsed']);
    given(lapsed).when(command('WithdrawConsent', { category: 'host_police', method: 'spoken' }), exceptionAt + hours(80)).then([
      { type: 'ConsentWithdrawn' },
      { type: 'TaskCancelled', data: { task: 'police_report', reason: 'consent_withdrawn' } },
    ]);
  });
});

describe('open case, consent refused', () => {
  const refusedAt = T0 + hours(3);
  const refused = () => history([[command('RefuseConsent', { category: 'family', method: 'spoken' }), refusedAt]], planned(['family_notification']));
  const reasks = (events: CaseEvent[]) => events.filter((e) => e.type === 'ConsentReaskDue');

  it('reminds the caseworker to ask her again a week (the protocol’s 168 h) after the refusal, once', () => {
    expect(reasks(decide(fold(refused()), checkClocks, refusedAt + hours(168) - 1))).toEqual([]);
    const events = decide(fold(refused()), checkClocks, refusedAt + hours(168));
    expect(reasks(events)).toMatchObject([
      { data: { category: 'family', refusedAt: iso(refusedAt), recipient: { role: 'caseworker', contactId: 'user:cw-1' } } },
    ]);
    expect(reasks(decide(fold([...refused(), ...events]), checkClocks, refusedAt + days(60)))).toEqual([]);
  });

  it('lets her refuse again, which opens a new reminder', () => {
    const asked = history([[checkClocks, refusedAt + hours(168)]], refused());
    const again = history([[command('RefuseConsent', { category: 'family', method: 'interpreter' }), refusedAt + hours(170)]], asked);
    expect((fold(again) as ActiveCase).consent.family).toMatchObject({ status: 'refused', method: 'interpreter' });
    expect(reasks(decide(fold(again), checkClocks, refusedAt + hours(170) + hours(168)))).toMatchObject([
      { data: { category: 'family', refusedAt: iso(refusedAt + hours(170)) } },
    ]);
  });

  it('does not re-ask while she asked for time', () => {
    const paused = history([[command('PauseClock', { reason: 'survivor_deciding' }), refusedAt + hours(1)]], refused());
    expect(reasks(decide(fold(paused), checkClocks, refusedAt + days(20)))).toEqual([]);
  });
});

describe('open case, tasks towards the host labour authority and an international organisation', () => {
  it('gates the labour complaint on consent for host_labour and the return programme’s funding on international_org', () => {
    const both = planned(['labour_complaint', 'return_programme_funding']);
    expect(both.slice(-2)).toMatchObject([
      { type: 'TaskBlockedOnConsent', data: { task: 'labour_complaint', category: 'host_labour', party: 'host_labour_authority' } },
      { type: 'TaskBlockedOnConsent', data: { task: 'return_programme_funding', category: 'international_org', party: 'international_org' } },
    ]);
    given(both).when(command('StartTask', { task: 'labour_complaint' }), T0 + hours(3)).thenThrows('CONSENT_REQUIRED');
    given(both).when(command('CompleteTask', { task: 'return_programme_funding' }), T0 + hours(3)).thenThrows('CONSENT_REQUIRED');
    given(both).when(command('GiveConsent', { category: 'international_org', method: 'written' }), T0 + hours(4)).then([
      { type: 'ConsentGiven' },
      { type: 'TaskOpened', data: { task: 'return_programme_funding', track: 'repatriation', consentCategory: 'international_org' } },
    ]);
  });
});
