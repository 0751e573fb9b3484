import { decide, fold, type ActiveCase } from '../src/index';
import { given } from './support/specification';
import { assessedCase, checkClocks, command, days, history, hours, iso, T0 } from './support/fixtures';

const returning = () =>
  history([[command('AgreeActionPlan', { goal: 'return', tasks: ['emergency_travel_document', 'flight_booking'] }), T0 + hours(2)]], assessedCase());

describe('open case, implementing a return', () => {
  it('refuses an emergency travel document before her identity is verified', () => {
    given(returning()).when(command('StartTask', { task: 'emergency_travel_document' }), T0 + hours(3)).thenThrows('IDENTITY_NOT_VERIFIED');
    given(returning()).when(command('CompleteTask', { task: 'emergency_travel_document' }), T0 + hours(3)).thenThrows('IDENTITY_NOT_VERIFIED');
  });

  it('issues it once documents are seen', () => {
    const verified = history([[command('RecordIdentityVerification', { outcome: { kind: 'documents_seen', document: 'national_id' } }), T0 + hours(3)]], returning());
    given(verified).when(command('CompleteTask', { task: 'emergency_travel_document', outcome: 'issued' }), T0 + hours(4)).then([
      { type: 'TaskCompleted', data: { task: 'emergency_travel_document', outcome: 'issued' } },
    ]);
  });

  it('refuses a task that is not in the plan, and starting a task twice', () => {
    given(returning()).when(command('StartTask', { task: 'escort' }), T0 + hours(3)).thenThrows('TASK_NOT_OPEN');
    const started = history([[command('StartTask', { task: 'flight_booking' }), T0 + hours(3)]], returning());
    given(started).when(command('StartTask', { task: 'flight_booking' }), T0 + hours(4)).thenThrows('TASK_NOT_OPEN');
  });

  it('adds tasks when the plan is revised, leaving running ones alone', () => {
    given(returning()).when(command('AgreeActionPlan', { goal: 'return', tasks: ['flight_booking', 'escort'] }), T0 + hours(5)).then([
      { type: 'ActionPlanAgreed' },
      { type: 'TaskOpened', data: { task: 'escort', dueAt: iso(T0 + hours(5) + hours(240)) } },
    ]);
  });

  it('ends the implementation only when every planned task is done or cancelled', () => {
    given(returning()).when(command('CompleteStep', { step: 'implementation' }), T0 + hours(3)).thenThrows('INVALID_COMMAND');
  });

  it('completes steps through their own commands only', () => {
    given(returning()).when(command('CompleteStep', { step: 'assessment' }), T0 + hours(3)).thenThrows('INVALID_COMMAND');
  });
});

describe('open case, implementing a return, in order', () => {
  const withHandover = () =>
    history(
      [
        [command('GiveConsent', { category: 'reintegration_service', method: 'written' }), T0 + hours(2)],
        [command('AgreeActionPlan', { goal: 'return', tasks: ['emergency_travel_document', 'flight_booking', 'handover_confirmed'] }), T0 + hours(2)],
        [command('RecordIdentityVerification', { outcome: { kind: 'documents_seen', document: 'passport' } }), T0 + hours(3)],
      ],
      assessedCase(),
    );

  it('refuses a handover confirmation before the travel document and the flight are done', () => {
    given(withHandover()).when(command('CompleteTask', { task: 'handover_confirmed' }), T0 + hours(4)).thenThrows('PREREQUISITES_NOT_DONE');
    const documented = history([[command('CompleteTask', { task: 'emergency_travel_document' }), T0 + hours(4)]], withHandover());
    given(documented).when(command('CompleteTask', { task: 'handover_confirmed' }), T0 + hours(5)).thenThrows('PREREQUISITES_NOT_DONE');
    const flown = history([[command('CompleteTask', { task: 'flight_booking' }), T0 + hours(5)]], withHandover());
    given(flown).when(command('CompleteTask', { task: 'handover_confirmed' }), T0 + hours(6)).thenThrows('PREREQUISITES_NOT_DONE');
  });

  it('confirms the handover once both are done (reception may start on it before)', () => {
    given(withHandover()).when(command('StartTask', { task: 'handover_confirmed' }), T0 + hours(4)).then([{ type: 'TaskStarted' }]);
    const ready = history(
      [
        [command('CompleteTask', { task: 'emergency_travel_document' }), T0 + hours(4)],
        [command('CompleteTask', { task: 'flight_booking' }), T0 + hours(5)],
      ],
      withHandover(),
    );
    given(ready).when(command('CompleteTask', { task: 'handover_confirmed' }), T0 + hours(30)).then([
      { type: 'TaskCompleted', data: { task: 'handover_confirmed' } },
    ]);
  });
});

describe('open case, following up', () => {
  const implemented = () =>
    history(
      [
        [command('RecordIdentityVerification', { outcome: { kind: 'documents_seen', document: 'passport' } }), T0 + hours(3)],
        [command('CompleteTask', { task: 'emergency_travel_document' }), T0 + hours(4)],
        [command('CompleteTask', { task: 'flight_booking' }), T0 + hours(5)],
      ],
      returning(),
    );
  const end = T0 + hours(6);
  const following = () => history([[command('CompleteStep', { step: 'implementation' }), end]], implemented());

  it('schedules follow-ups on day 7 and day 30 when the implementation ends', () => {
    given(implemented()).when(command('CompleteStep', { step: 'implementation' }), end).then([
      { type: 'StepCompleted', data: { step: 'implementation' } },
      { type: 'StepOpened', data: { step: 'follow_up_day_7', stage: 'follow_up', reminderAt: iso(end + days(7)), dueAt: iso(end + days(7) + hours(48)) } },
      { type: 'StepOpened', data: { step: 'follow_up_day_30', reminderAt: iso(end + days(30)), dueAt: iso(end + days(30) + hours(48)) } },
    ]);
  });

  it('says a follow-up is due on its day, and escalates it once the grace has passed', () => {
    const state = fold(following());
    expect(decide(state, checkClocks, end + days(7)).filter((e) => e.type !== 'CaseBecameStuck')).toMatchObject([
      { type: 'FollowUpDue', data: { item: 'follow_up_day_7' } },
    ]);
    const late = decide(state, checkClocks, end + days(7) + hours(48)).map((e) => e.type);
    // Seven quiet days are also inactivity for a standard case: both lapse at the same instant.
    expect(late).toEqual(['FollowUpDue', 'CaseBecameStuck', 'DeadlineMissed', 'CaseEscalated']);
  });

  it('completes a follow-up when she is reached, and keeps it open when she is not', () => {
    given(following()).when(command('RecordFollowUp', { step: 'follow_up_day_7', outcome: 'unreachable' }), end + days(7)).then([
      { type: 'FollowUpRecorded', data: { outcome: 'unreachable' } },
    ]);
    const events = given(following()).when(command('RecordFollowUp', { step: 'follow_up_day_7', outcome: 'reached', note: 'Back home, working' }), end + days(7)).then([
      { type: 'FollowUpRecorded', personal: { note: 'Back home, working' } },
      { type: 'StepCompleted', data: { step: 'follow_up_day_7' } },
    ]);
    expect((fold(events, fold(following())) as ActiveCase).items.follow_up_day_7?.status).toBe('done');
  });

  it('refuses a follow-up that is not scheduled', () => {
    given(implemented()).when(command('RecordFollowUp', { step: 'follow_up_day_30', outcome: 'reached' }), end).thenThrows('STEP_NOT_OPEN');
  });
});
