import { fold, type ActiveCase } from '../src/index';
import { given } from './support/specification';
import { assessedCase, command, history, hours, iso, minutes, standardReport, supervisor, T0 } from './support/fixtures';

const opened = () =>
  history([
    [standardReport(), T0],
    [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(5)],
  ]);

describe('open case, before first contact', () => {
  it('logs an unsuccessful attempt and counts attempts in a row, the first-contact step staying open', () => {
    const attempt = command('RecordContact', { channel: 'phone', outcome: 'unreachable' });
    const once = history([[attempt, T0 + minutes(20)]], opened());
    given(once).when(command('RecordContact', { channel: 'message', outcome: 'unreachable' }), T0 + minutes(40)).then([
      { type: 'ContactRecorded', data: { outcome: 'unreachable', failedAttemptsInRow: 2 } },
    ]);
    expect((fold(once) as ActiveCase).items.first_contact?.status).toBe('open');
  });

  it('completes first contact on reaching her and opens assessment and identity verification in parallel', () => {
    given(opened()).when(command('RecordContact', { channel: 'phone', outcome: 'reached', note: 'She is safe tonight' }), T0 + hours(2)).then([
      { type: 'ContactRecorded', data: { outcome: 'reached', failedAttemptsInRow: 0 }, personal: { note: 'She is safe tonight' } },
      { type: 'StepCompleted', data: { step: 'first_contact' } },
      { type: 'StepOpened', data: { step: 'assessment', stage: 'assessment', dueAt: iso(T0 + hours(2) + hours(120)) } },
      { type: 'StepOpened', data: { step: 'identity_verification', dueAt: iso(T0 + hours(2) + hours(72)) } },
    ]);
  });

  it('refuses an assessment before the assessment step is open', () => {
    const submit = command('SubmitAssessment', {
      needs: { safety: true, medical: true, shelter: true, legal: true, psychosocial: true },
      wish: 'stay',
      familyIsRiskSource: false,
      safetyPlanAgreed: true,
    });
    given(opened()).when(submit, T0 + hours(1)).thenThrows('STEP_NOT_OPEN');
  });
});

describe('open case, in assessment', () => {
  const reached = () => history([[command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + hours(1)]], opened());

  it('completes the assessment and opens the action plan, medical details kept personal', () => {
    const submit = command('SubmitAssessment', {
      needs: { safety: true, medical: true, shelter: false, legal: false, psychosocial: true },
      wish: 'return',
      familyIsRiskSource: true,
      safetyPlanAgreed: true,
      medicalDetails: 'bruising, needs PEP',
    });
    const events = given(reached()).when(submit, T0 + hours(3)).then([
      { type: 'AssessmentSubmitted', data: { wish: 'return', familyIsRiskSource: true }, personal: { medicalDetails: 'bruising, needs PEP' } },
      { type: 'StepCompleted', data: { step: 'assessment' } },
      { type: 'StepOpened', data: { step: 'action_plan', stage: 'action_plan' } },
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('PEP');
  });

  it('verifies identity when documents are seen, closing the verification step', () => {
    given(reached()).when(
      command('RecordIdentityVerification', { outcome: { kind: 'documents_seen', document: 'passport' }, documentNumber: 'C1234567' }),
      T0 + hours(2),
    ).then([
      { type: 'IdentityDocumentsSeen', data: { document: 'passport' }, personal: { documentNumber: 'C1234567' } },
      { type: 'StepCompleted', data: { step: 'identity_verification' } },
    ]);
  });

  it('gives the home authorities 5 working days to answer a verification request', () => {
    const consented = history([[command('GiveConsent', { category: 'home_authorities', method: 'interpreter' }), T0 + hours(2)]], reached());
    // Sunday 05:14 UTC = Sunday 14:14 in Seoul: five working days later is the next Friday, same local time.
    given(consented).when(command('RecordIdentityVerification', { outcome: { kind: 'request_sent' } }), T0 + hours(2)).then([
      { type: 'IdentityVerificationRequested' },
      { type: 'StepCompleted', data: { step: 'identity_verification' } },
      { type: 'TaskOpened', data: { task: 'verification_answer', party: 'verification_authority', dueAt: '2026-11-27T05:14:00.000Z' } },
    ]);
  });

  it('records the answer of the home authorities and whether it confirmed her identity', () => {
    const requested = history(
      [
        [command('GiveConsent', { category: 'home_authorities', method: 'written' }), T0 + hours(2)],
        [command('RecordIdentityVerification', { outcome: { kind: 'request_sent' } }), T0 + hours(2)],
      ],
      reached(),
    );
    const events = given(requested).when(command('RecordIdentityVerification', { outcome: { kind: 'answer_received', confirmed: true } }), T0 + hours(50)).then([
      { type: 'IdentityVerificationAnswered', data: { confirmed: true } },
      { type: 'TaskCompleted', data: { task: 'verification_answer', outcome: 'confirmed' } },
    ]);
    expect(fold(events, fold(requested))).toMatchObject({ identity: 'confirmed' });
  });

  it('refuses an answer when no request was sent', () => {
    given(reached()).when(command('RecordIdentityVerification', { outcome: { kind: 'answer_received', confirmed: true } }), T0 + hours(3)).thenThrows('TASK_NOT_OPEN');
  });
});

describe('open case, in action planning', () => {
  it('agrees a return plan: opens the implementation and the tasks, those lacking consent waiting for it', () => {
    given(assessedCase()).when(command('AgreeActionPlan', { goal: 'return', tasks: ['emergency_travel_document', 'police_report'] }), T0 + hours(5)).then([
      { type: 'ActionPlanAgreed', data: { goal: 'return', tasks: ['emergency_travel_document', 'police_report'] } },
      { type: 'StepCompleted', data: { step: 'action_plan' } },
      { type: 'StepOpened', data: { step: 'implementation' } },
      { type: 'TaskOpened', data: { task: 'emergency_travel_document', track: 'repatriation', dueAt: iso(T0 + hours(5) + hours(120)) } },
      { type: 'TaskBlockedOnConsent', data: { task: 'police_report', category: 'host_police' } },
    ]);
  });

  it('refuses an empty plan and a task that is not the caseworker’s to plan', () => {
    given(assessedCase()).when(command('AgreeActionPlan', { goal: 'stay', tasks: [] }), T0 + hours(5)).thenThrows('INVALID_COMMAND');
    given(assessedCase()).when(command('AgreeActionPlan', { goal: 'stay', tasks: ['verification_answer'] }), T0 + hours(5)).thenThrows('INVALID_COMMAND');
  });
});
