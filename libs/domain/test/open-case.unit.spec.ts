import { decide, fold, initialState, PROTOCOL_2026_1, validate, type CaseOpened, type OpenCaseState } from '../src/index';
import { refusal } from './support/specification';
import { given } from './support/specification';
import { checkClocks, command, days, hotlineReport, hours, iso, minutes, standardReport, T0 } from './support/fixtures';

describe('no case yet', () => {
  it('opens a case from the hotline event, pinned to the current protocol and to the mission of the city', () => {
    given([]).when(hotlineReport(), T0).then([
      {
        type: 'CaseOpened',
        schemaVersion: 1,
        data: {
          protocolVersion: '2026.1',
          missionCode: 'KR-SEL',
          risk: 'critical',
          hotlineEventId: 'hl-2026-11-22-000187',
          incidentAt: '2026-11-21T20:00:00.000Z',
          categories: ['gbv', 'confiscated_documents', 'labour_exploitation'],
        },
      },
      { type: 'StepOpened', data: { step: 'first_contact', stage: 'engagement', dueAt: iso(T0 + hours(1)) } },
      { type: 'ClinicalWindowOpened', data: { window: 'hiv_pep', endsAt: '2026-11-24T20:00:00.000Z' } },
      { type: 'ClinicalWindowOpened', data: { window: 'emergency_contraception', endsAt: '2026-11-26T20:00:00.000Z' } },
    ]);
  });

  it.each([
    ['critical', 1, hotlineReport()],
    ['high', 4, hotlineReport({ immediateDanger: false })],
    ['standard', 24, standardReport()],
  ] as const)('sets the first-contact deadline of a %s case to %d h', (risk, h, report) => {
    const [opened, firstContact] = decide(initialState(), report, T0);
    expect((opened as CaseOpened).data.risk).toBe(risk);
    expect(firstContact).toMatchObject({ type: 'StepOpened', data: { dueAt: iso(T0 + hours(h)) } });
    expect(PROTOCOL_2026_1.steps.first_contact.deadline).toMatchObject({ hours: { [risk]: h } });
  });

  it('counts the first-contact deadline from the report, not from when the message arrived', () => {
    given([]).when(standardReport({ reportedAt: iso(T0) }), T0 + hours(2)).then([
      { type: 'CaseOpened', data: { reportedAt: iso(T0) } },
      { type: 'StepOpened', data: { step: 'first_contact', dueAt: iso(T0 + hours(24)) } },
    ]);
  });

  it('records a clinical window that closed before intake as such, not as a breach to come', () => {
    const late = hotlineReport({ incidentAt: iso(T0 - hours(100)), immediateDanger: false });
    const events = given([]).when(late, T0).then([
      { type: 'CaseOpened' },
      { type: 'StepOpened' },
      { type: 'ClinicalWindowClosedBeforeIntake', data: { window: 'hiv_pep', endsAt: iso(T0 - hours(28)) } },
      { type: 'ClinicalWindowOpened', data: { window: 'emergency_contraception', endsAt: iso(T0 + hours(20)) } },
    ]);
    // Later clocks never report the already-closed window.
    const later = decide(fold(events), checkClocks, T0 + hours(21));
    expect(later.filter((e) => e.type === 'ClinicalWindowClosed')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ window: 'emergency_contraception' }) }),
    ]);
  });

  it('opens no clinical window when the incident time is unknown or the violence is not sexual', () => {
    const unknown = decide(initialState(), hotlineReport({ incidentAt: null }), T0);
    const physical = decide(initialState(), hotlineReport({ gbvType: 'physical_assault' }), T0);
    expect(unknown.map((e) => e.type)).toEqual(['CaseOpened', 'StepOpened']);
    expect(physical.map((e) => e.type)).toEqual(['CaseOpened', 'StepOpened']);
  });

  it('keeps names, phone and narrative out of the event data', () => {
    const [opened] = decide(initialState(), hotlineReport(), T0);
    const data = JSON.stringify(opened?.data);
    expect(data).not.toContain('Nguyễn');
    expect(data).not.toContain('5555');
    expect(data).not.toContain('assault by employer');
    expect(opened?.personal).toMatchObject({ subject: { fullName: 'Nguyễn Thị Hoa' }, caller: { phone: '+82 10-5555-0101' } });
  });

  it('resolves a case in Busan to the consulate and a case in an unlisted country to headquarters', () => {
    const busan = decide(initialState(), standardReport({ city: 'Busan' }), T0)[0] as CaseOpened;
    const nowhere = decide(initialState(), standardReport({ countryCode: 'BR', city: 'Recife' }), T0)[0] as CaseOpened;
    expect(busan.data.missionCode).toBe('KR-PUS');
    expect(nowhere.data.missionCode).toBe('HQ');
  });

  it('refuses any other command', () => {
    given([]).when(command('AddNote', { text: 'x' }), T0).thenThrows('CASE_NOT_OPEN');
  });

  it('refuses a malformed intake', () => {
    given([]).when(standardReport({ categories: ['aliens' as never] }), T0).thenThrows('INVALID_COMMAND');
    given([]).when(standardReport({ incidentAt: 'yesterday' }), T0).thenThrows('INVALID_COMMAND');
  });

  it('lets a hotline operator open a case but not a head of mission ', () => {
    given([]).when(standardReport({ actor: { userId: 'hom', role: 'head_of_mission' } }), T0).thenThrows('FORBIDDEN_ROLE');
  });
});

describe('open case', () => {
  it('opens no second case for a redelivered hotline event', () => {
    const opened = decide(initialState(), hotlineReport(), T0);
    given(opened).when(hotlineReport(), T0 + minutes(1)).thenThrows('CASE_ALREADY_OPEN');
  });

  it('starts in intake and moves to engagement once a caseworker is assigned', () => {
    const opened = decide(initialState(), standardReport(), T0);
    const state = fold(opened) as OpenCaseState;
    expect(state.stage).toBe('intake');
    const assigned = decide(state, command('AssignCaseworker', { actor: { userId: 's', role: 'supervisor' }, caseworkerId: 'cw-9' }), T0 + days(0));
    expect(fold(assigned, state)).toMatchObject({ stage: 'engagement', assignee: 'cw-9' });
  });

  it('lets only supervisors assign caseworkers', () => {
    const opened = decide(initialState(), standardReport(), T0);
    given(opened).when(command('AssignCaseworker', { caseworkerId: 'cw-2' }), T0).thenThrows('FORBIDDEN_ROLE');
  });
});

describe('validate (for Temporal update validators)', () => {
  it('throws what decide would refuse and returns nothing for what it would accept', () => {
    const opened = fold(decide(initialState(), standardReport(), T0));
    expect(validate(opened, command('AddNote', { text: 'called the shelter' }), T0)).toBeUndefined();
    expect(refusal(() => validate(opened, command('ApproveClosure', { actor: { userId: 's', role: 'supervisor' } }), T0))).toBe('CLOSURE_NOT_REQUESTED');
  });

  it('refuses a command from nobody', () => {
    const opened = fold(decide(initialState(), standardReport(), T0));
    const anonymous = { ...command('AddNote', { text: 'x' }), actor: { userId: '', role: 'caseworker' as const } };
    expect(refusal(() => validate(opened, anonymous, T0))).toBe('INVALID_COMMAND');
    expect(refusal(() => validate(initialState(), checkClocks, T0))).toBe('CASE_NOT_OPEN');
  });
});
