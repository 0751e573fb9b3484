import { decide, fold, PROTOCOL_2026_1, PROTOCOLS, type ActiveCase, type ClosedState, type ProtocolDefinition } from '../src/index';
import { given, refusal } from './support/specification';
import { assessedCase, checkClocks, command, days, history, hours, iso, minutes, standardReport, supervisor, T0 } from './support/fixtures';

const openCase = () =>
  history([
    [standardReport(), T0],
    [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(1)],
    [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + hours(1)],
  ]);
const requested = () => history([[command('RequestClosure', { reason: 'needs_met' }), T0 + hours(2)]], openCase());
const closed = () => history([[command('ApproveClosure', { actor: supervisor }), T0 + hours(3)]], requested());

describe('open case, closing', () => {
  it('requests closure with a reason and enters the closure stage', () => {
    const events = given(openCase()).when(command('RequestClosure', { reason: 'survivor_wish' }), T0 + hours(2)).then([
      { type: 'ClosureRequested', data: { reason: 'survivor_wish', by: 'cw-1' } },
    ]);
    expect(fold([...openCase(), ...events])).toMatchObject({ status: 'closure_requested', stage: 'closure' });
  });

  it('closes as unreachable only after 3 unsuccessful attempts in a row', () => {
    const attempt = (h: number) => [command('RecordContact', { channel: 'phone', outcome: 'unreachable' }), T0 + hours(h)] as const;
    const two = history([attempt(2), attempt(3)], openCase());
    given(two).when(command('RequestClosure', { reason: 'unreachable' }), T0 + hours(4)).thenThrows('NOT_ENOUGH_CONTACT_ATTEMPTS');
    const three = history([attempt(4)], two);
    given(three).when(command('RequestClosure', { reason: 'unreachable' }), T0 + hours(5)).then([{ type: 'ClosureRequested' }]);
  });

  it('refuses an unknown closure reason', () => {
    given(openCase()).when(command('RequestClosure', { reason: 'bored' as never }), T0 + hours(2)).thenThrows('INVALID_COMMAND');
  });

  it('refuses approval when no closure is requested', () => {
    given(openCase()).when(command('ApproveClosure', { actor: supervisor }), T0 + hours(2)).thenThrows('CLOSURE_NOT_REQUESTED');
  });
});

describe('closure requested', () => {
  it('needs a supervisor: a second request says approval is required, a caseworker cannot approve or reject', () => {
    given(requested()).when(command('RequestClosure', { reason: 'needs_met' }), T0 + hours(3)).thenThrows('APPROVAL_REQUIRED');
    given(requested()).when(command('ApproveClosure', {}), T0 + hours(3)).thenThrows('FORBIDDEN_ROLE');
    given(requested()).when(command('RejectClosure', {}), T0 + hours(3)).thenThrows('FORBIDDEN_ROLE');
  });

  it('closes on a supervisor’s approval, ending every running clock', () => {
    const events = given(requested()).when(command('ApproveClosure', { actor: supervisor }), T0 + hours(3)).then([
      { type: 'CaseClosed', data: { reason: 'needs_met', by: 'sup-1' } },
    ]);
    const state = fold([...requested(), ...events]) as ClosedState;
    expect(state.status).toBe('closed');
    expect(Object.values(state.items).map((i) => i?.status)).toEqual(['done', 'cancelled', 'cancelled']);
  });

  it('goes back to work, in the stage it was in, when the supervisor rejects', () => {
    const events = given(requested()).when(command('RejectClosure', { actor: supervisor, note: 'Shelter not yet found' }), T0 + hours(3)).then([
      { type: 'ClosureRejected', personal: { note: 'Shelter not yet found' } },
    ]);
    expect(fold([...requested(), ...events])).toMatchObject({ status: 'open', stage: 'assessment' });
  });

  it('keeps its clocks running', () => {
    given(requested()).when(checkClocks, T0 + hours(1) + hours(54)).then([{ type: 'ReminderDue', data: { item: 'identity_verification' } }]);
  });
});

describe('closed case', () => {
  it('refuses work until reopened', () => {
    given(closed()).when(command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + days(1)).thenThrows('CASE_CLOSED');
    given(closed()).when(standardReport(), T0 + days(1)).thenThrows('CASE_ALREADY_OPEN');
    given(closed()).when(checkClocks, T0 + days(100)).then([]);
  });

  it('reopens with its history intact', () => {
    const events = given(closed()).when(command('ReopenCase', { note: 'She called again' }), T0 + days(2)).then([{ type: 'CaseReopened' }, { type: 'StepOpened' }]);
    const state = fold([...closed(), ...events]) as ActiveCase;
    expect(state).toMatchObject({ status: 'open', stage: 'assessment', contact: { firstReachedAt: T0 + hours(1) } });
    expect(state.personal.notes).toEqual([{ at: T0 + days(2), by: 'cw-1', text: 'She called again' }]);
  });

  it('accepts notes', () => {
    given(closed()).when(command('AddNote', { text: 'File archived' }), T0 + days(2)).then([{ type: 'NoteAdded', personal: { text: 'File archived' } }]);
  });

  it('cannot reopen an open case', () => {
    given(openCase()).when(command('ReopenCase', {}), T0 + days(2)).thenThrows('CASE_ALREADY_OPEN');
  });
});

describe('closed case, reopened', () => {
  const reopenedAt = T0 + days(2);
  /** Implementation done, both follow-ups done, then closed: no step was open at closure. */
  const closedWhenAllDone = () => {
    const end = T0 + hours(4);
    return history(
      [
        [command('RecordIdentityVerification', { outcome: { kind: 'documents_seen', document: 'passport' } }), T0 + hours(2)],
        [command('GiveConsent', { category: 'shelter', method: 'spoken' }), T0 + hours(2)],
        [command('AgreeActionPlan', { goal: 'stay', tasks: ['shelter_placement'] }), T0 + hours(2)],
        [command('CompleteTask', { task: 'shelter_placement' }), T0 + hours(3)],
        [command('CompleteStep', { step: 'implementation' }), end],
        [command('RecordFollowUp', { step: 'follow_up_day_7', outcome: 'reached' }), end + days(7)],
        [command('RecordFollowUp', { step: 'follow_up_day_30', outcome: 'reached' }), end + days(30)],
        [command('RequestClosure', { reason: 'needs_met' }), end + days(30)],
        [command('ApproveClosure', { actor: supervisor }), end + days(30)],
      ],
      assessedCase(),
    );
  };

  it('resumes the step that was open at closure (the earliest of them) with a fresh deadline under its pinned protocol', () => {
    // Closed while assessment (standard: 120 h) and identity verification were open.
    given(closed()).when(command('ReopenCase', { actor: supervisor }), reopenedAt).then([
      { type: 'CaseReopened', data: { by: 'sup-1', step: 'assessment', stage: 'assessment' } },
      { type: 'StepOpened', data: { step: 'assessment', stage: 'assessment', dueAt: iso(reopenedAt + hours(120)), reminderAt: iso(reopenedAt + hours(90)) } },
    ]);
  });

  it('resumes the step the person reopening names', () => {
    const events = given(closed()).when(command('ReopenCase', { actor: supervisor, step: 'identity_verification' }), reopenedAt).then([
      { type: 'CaseReopened', data: { step: 'identity_verification', stage: 'assessment' } },
      { type: 'StepOpened', data: { step: 'identity_verification', dueAt: iso(reopenedAt + hours(72)) } },
    ]);
    const state = fold([...closed(), ...events]) as ActiveCase;
    expect(state.items.identity_verification).toMatchObject({ status: 'open', openedAt: reopenedAt, escalationLevel: 0, reminded: false });
    expect(state.items.assessment?.status).toBe('cancelled');
  });

  it('resumes the earliest step not done when none was open at closure, and the assessment when every step is done', () => {
    const all = closedWhenAllDone();
    given(all).when(command('ReopenCase', {}), T0 + days(40)).then([
      { type: 'CaseReopened', data: { step: 'assessment', stage: 'assessment' } },
      { type: 'StepOpened', data: { step: 'assessment' } },
    ]);
    // Reopened at identity verification, which is then done, and closed again: the assessment cancelled by the
    // first closure is the earliest step not done.
    const twice = history(
      [
        [command('ReopenCase', { step: 'identity_verification' }), reopenedAt],
        [command('RecordIdentityVerification', { outcome: { kind: 'documents_seen', document: 'passport' } }), reopenedAt + hours(1)],
        [command('RequestClosure', { reason: 'survivor_wish' }), reopenedAt + hours(2)],
        [command('ApproveClosure', { actor: supervisor }), reopenedAt + hours(3)],
      ],
      closed(),
    );
    given(twice).when(command('ReopenCase', {}), reopenedAt + days(1)).then([
      { type: 'CaseReopened', data: { step: 'assessment' } },
      { type: 'StepOpened', data: { step: 'assessment' } },
    ]);
  });

  it('refuses a step the protocol does not have', () => {
    given(closed()).when(command('ReopenCase', { step: 'coffee' as never }), reopenedAt).thenThrows('INVALID_COMMAND');
  });

  it('lets the resumed step remind and climb the ladder like any step', () => {
    const reopened = history([[command('ReopenCase', { step: 'assessment' }), reopenedAt]], closed());
    given(reopened).when(checkClocks, reopenedAt + hours(90)).then([{ type: 'ReminderDue', data: { item: 'assessment' } }]);
    const reminded = history([[checkClocks, reopenedAt + hours(90)]], reopened);
    given(reminded).when(checkClocks, reopenedAt + hours(120)).then([
      { type: 'DeadlineMissed', data: { item: 'assessment', dueAt: iso(reopenedAt + hours(120)) } },
      { type: 'CaseEscalated', data: { item: 'assessment', level: 1, recipient: { role: 'supervisor' } } },
    ]);
  });

  it('takes the case to closure again: a plan agreed at a resumed action-plan step opens the implementation again', () => {
    const all = closedWhenAllDone();
    const at = T0 + days(40);
    const reopened = history([[command('ReopenCase', { actor: supervisor, step: 'action_plan' }), at]], all);
    expect(fold(reopened)).toMatchObject({ status: 'open', stage: 'action_plan' });
    const replanned = given(reopened).when(command('AgreeActionPlan', { goal: 'return', tasks: ['flight_booking'] }), at + hours(1)).then([
      { type: 'ActionPlanAgreed' },
      { type: 'StepCompleted', data: { step: 'action_plan' } },
      { type: 'StepOpened', data: { step: 'implementation', dueAt: iso(at + hours(1) + days(60)) } },
      { type: 'TaskOpened', data: { task: 'flight_booking' } },
    ]);
    const done = history(
      [
        [command('CompleteTask', { task: 'flight_booking' }), at + hours(2)],
        [command('CompleteStep', { step: 'implementation' }), at + hours(3)],
        [command('RecordFollowUp', { step: 'follow_up_day_7', outcome: 'reached' }), at + days(7)],
        [command('RequestClosure', { reason: 'needs_met' }), at + days(8)],
        [command('ApproveClosure', { actor: supervisor }), at + days(8)],
      ],
      [...reopened, ...replanned],
    );
    expect(fold(done)).toMatchObject({ status: 'closed', closureReason: 'needs_met' });
  });
});

describe('open case, protocol migration', () => {
  const faster: ProtocolDefinition = {
    ...PROTOCOL_2026_1,
    version: '2027.1-test',
    steps: {
      ...PROTOCOL_2026_1.steps,
      assessment: { ...PROTOCOL_2026_1.steps.assessment, deadline: { kind: 'hours_by_risk', hours: { critical: 12, high: 24, standard: 48 }, basis: 'invented_default' } },
    },
  };
  const protocols = { ...PROTOCOLS, [faster.version]: faster };

  it('recomputes running deadlines under the new version, keeping time added by pauses', () => {
    const paused = history(
      [
        [command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(2)],
        [command('ResumeClock', {}), T0 + hours(12)],
      ],
      openCase(),
    );
    const events = decide(fold(paused), command('MigrateProtocol', { actor: supervisor, toVersion: faster.version }), T0 + hours(13), { protocols });
    expect(events).toMatchObject([
      {
        type: 'ProtocolMigrated',
        data: {
          fromVersion: '2026.1',
          toVersion: '2027.1-test',
          deadlines: [
            { item: 'assessment', dueAt: iso(T0 + hours(1) + hours(48) + hours(10)) },
            { item: 'identity_verification', dueAt: iso(T0 + hours(1) + hours(72) + hours(10)) },
          ],
        },
      },
    ]);
    expect(fold(events, fold(paused))).toMatchObject({ protocolVersion: '2027.1-test' });
  });

  it('is for supervisors, to a known version other than the current one', () => {
    const state = fold(openCase());
    expect(refusal(() => decide(state, command('MigrateProtocol', { toVersion: faster.version }), T0, { protocols }))).toBe('FORBIDDEN_ROLE');
    expect(refusal(() => decide(state, command('MigrateProtocol', { actor: supervisor, toVersion: '1990.1' }), T0))).toBe('UNKNOWN_PROTOCOL_VERSION');
    expect(refusal(() => decide(state, command('MigrateProtocol', { actor: supervisor, toVersion: '2026.1' }), T0))).toBe('INVALID_COMMAND');
  });

  it('refuses to move a case back to an older version, appending nothing', () => {
    const migrated = history([[command('MigrateProtocol', { actor: supervisor, toVersion: '2027.1' }), T0 + hours(2)]], openCase());
    const state = fold(migrated);
    expect(state).toMatchObject({ protocolVersion: '2027.1' });
    given(migrated).when(command('MigrateProtocol', { actor: supervisor, toVersion: '2026.1' }), T0 + hours(3)).thenThrows('PROTOCOL_DOWNGRADE');
    given(migrated).when(command('MigrateProtocol', { actor: supervisor, toVersion: '2027.1' }), T0 + hours(3)).thenThrows('INVALID_COMMAND');
    given(migrated).when(command('MigrateProtocol', { actor: supervisor, toVersion: '2099.9' }), T0 + hours(3)).thenThrows('UNKNOWN_PROTOCOL_VERSION');
  });

  it('leaves cases already open on their pinned version when nothing migrates them', () => {
    expect((fold(assessedCase()) as ActiveCase).protocolVersion).toBe('2026.1');
  });
});

describe('open case, migration from 2026.1 to 2027.1', () => {
  // Reached at T0 + 1 h (Sunday in Seoul); the verification request is sent at T0 + 2 h.
  const verificationRequested = () =>
    history(
      [
        [command('GiveConsent', { category: 'home_authorities', method: 'written' }), T0 + hours(2)],
        [command('RecordIdentityVerification', { outcome: { kind: 'request_sent' } }), T0 + hours(2)],
      ],
      openCase(),
    );

  it('gives the home authorities 7 working days instead of 5 for their answer', () => {
    const before = fold(verificationRequested()) as ActiveCase;
    expect(before.protocolVersion).toBe('2026.1');
    expect(before.items.verification_answer?.dueAt).toBe(Date.parse('2026-11-27T05:14:00.000Z')); // Friday: 5 working days
    given(verificationRequested())
      .when(command('MigrateProtocol', { actor: supervisor, toVersion: '2027.1' }), T0 + hours(3))
      .then([
        {
          type: 'ProtocolMigrated',
          data: {
            fromVersion: '2026.1',
            toVersion: '2027.1',
            // Tuesday: 7 working days (the weekend between does not count).
            deadlines: expect.arrayContaining([{ item: 'verification_answer', dueAt: '2026-12-01T05:14:00.000Z', reminderAt: expect.any(String) }]),
          },
        },
      ]);
  });

  it('keeps new cases on 2026.1', () => {
    expect((fold(openCase()) as ActiveCase).protocolVersion).toBe('2026.1');
  });
});
