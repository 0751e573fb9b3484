import { decide, fold, type ActiveCase } from '../src/index';
import { given } from './support/specification';
import { checkClocks, command, hotlineReport, history, hours, hqOfficer, iso, minutes, standardReport, supervisor, T0 } from './support/fixtures';

/** A standard walk-in (no incident time, no GBV type), assigned and reached at T0 + 1 h: assessment (120 h) and identity (72 h) run. */
const reached = () =>
  history([
    [standardReport(), T0],
    [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(5)],
    [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + hours(1)],
  ]);
/** The hotline's critical report: sexual assault at 2026-11-21T20:00Z, both clinical windows open. */
const assaulted = () => history([[hotlineReport(), T0]]);

describe('open case, correcting the intake', () => {
  it('records each corrected field from what it was to what it is, the reason sealed in the personal part', () => {
    const events = given(reached()).when(
      command('CorrectIntake', { reason: 'She is 16, and the broker kept her passport', vulnerabilities: ['minor'], categories: ['labour_exploitation', 'confiscated_documents'] }),
      T0 + hours(2),
    ).then([
      {
        type: 'IntakeCorrected',
        data: {
          by: 'cw-1',
          changed: ['categories', 'vulnerabilities'],
          corrections: {
            categories: { from: ['labour_exploitation'], to: ['labour_exploitation', 'confiscated_documents'] },
            vulnerabilities: { from: [], to: ['minor'] },
          },
          deadlines: [],
          windows: [],
          withdrawnWindows: [],
        },
        personal: { reason: 'She is 16, and the broker kept her passport' },
      },
    ]);
    expect(JSON.stringify(events[0]!.data)).not.toContain('passport');
    expect(fold(events, fold(reached()))).toMatchObject({ categories: ['labour_exploitation', 'confiscated_documents'], vulnerabilities: ['minor'], risk: 'standard' });
  });

  it('refuses a correction without a reason, one that changes nothing, and one from a role that does not triage', () => {
    given(reached()).when(command('CorrectIntake', { reason: '  ', risk: 'high' }), T0 + hours(2)).thenThrows('INVALID_COMMAND');
    given(reached()).when(command('CorrectIntake', { reason: 'checked', risk: 'standard', categories: ['labour_exploitation'] }), T0 + hours(2)).thenThrows('INVALID_COMMAND');
    given(reached()).when(command('CorrectIntake', { reason: 'checked', incidentAt: iso(T0 + hours(3)) }), T0 + hours(2)).thenThrows('INVALID_COMMAND');
    given(reached()).when(command('CorrectIntake', { reason: 'checked', risk: 'severe' as never }), T0 + hours(2)).thenThrows('INVALID_COMMAND');
    given(reached()).when(command('CorrectIntake', { actor: hqOfficer, reason: 'checked', risk: 'high' }), T0 + hours(2)).thenThrows('FORBIDDEN_ROLE');
    given(reached()).when(command('CorrectIntake', { actor: supervisor, reason: 'checked', risk: 'high' }), T0 + hours(2)).then([{ type: 'IntakeCorrected' }]);
  });

  it('recomputes running deadlines for a corrected risk by the pinned protocol, keeping what a pause added', () => {
    const paused = history(
      [
        [command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(2)],
        [command('ResumeClock', {}), T0 + hours(12)],
      ],
      reached(),
    );
    const events = given(paused).when(command('CorrectIntake', { actor: supervisor, reason: 'Her employer found her address', risk: 'critical' }), T0 + hours(20)).then([
      {
        type: 'IntakeCorrected',
        data: {
          changed: ['risk'],
          corrections: { risk: { from: 'standard', to: 'critical' } },
          deadlines: [
            { item: 'assessment', dueAt: iso(T0 + hours(1) + hours(24) + hours(10)), reminderAt: iso(T0 + hours(1) + hours(18) + hours(10)) },
            { item: 'identity_verification', dueAt: iso(T0 + hours(1) + hours(24) + hours(10)) },
          ],
        },
      },
    ]);
    const state = fold(events, fold(paused)) as ActiveCase;
    expect(state.risk).toBe('critical');
    // The corrected deadlines and the critical ladder (level 2 one hour after level 1) are the case's from now on.
    const due = T0 + hours(35);
    expect(decide(state, checkClocks, due).filter((e) => e.type === 'DeadlineMissed').map((e) => e.data)).toEqual([
      expect.objectContaining({ item: 'assessment', dueAt: iso(due) }),
      expect.objectContaining({ item: 'identity_verification', dueAt: iso(due) }),
    ]);
    const level1 = history([[checkClocks, due]], [...paused, ...events]);
    expect(decide(fold(level1), checkClocks, due + hours(1)).filter((e) => e.type === 'CaseEscalated')).toMatchObject([
      { data: { item: 'assessment', level: 2 } },
      { data: { item: 'identity_verification', level: 2 } },
    ]);
  });

  it('opens the clinical windows from a newly known incident time', () => {
    given(reached()).when(command('CorrectIntake', { reason: 'She told us what happened', gbvType: 'rape', incidentAt: iso(T0 - hours(10)), incidentTimeEstimated: true }), T0 + hours(2)).then([
      {
        type: 'IntakeCorrected',
        data: {
          changed: ['gbvType', 'incidentAt', 'incidentTimeEstimated'],
          corrections: { gbvType: { from: null, to: 'rape' }, incidentAt: { from: null, to: iso(T0 - hours(10)) }, incidentTimeEstimated: { from: false, to: true } },
        },
      },
      { type: 'ClinicalWindowOpened', data: { window: 'hiv_pep', incidentAt: iso(T0 - hours(10)), endsAt: iso(T0 + hours(62)) } },
      { type: 'ClinicalWindowOpened', data: { window: 'emergency_contraception', endsAt: iso(T0 + hours(110)) } },
    ]);
  });

  it('records a window already past as closed before it was known, never as a breach', () => {
    const events = given(reached()).when(command('CorrectIntake', { reason: 'She told us', gbvType: 'sexual_assault', incidentAt: iso(T0 - hours(100)) }), T0 + hours(2)).then([
      { type: 'IntakeCorrected' },
      { type: 'ClinicalWindowClosedBeforeKnown', data: { window: 'hiv_pep', endsAt: iso(T0 - hours(28)) } },
      { type: 'ClinicalWindowOpened', data: { window: 'emergency_contraception', endsAt: iso(T0 + hours(20)) } },
    ]);
    const state = fold(events, fold(reached())) as ActiveCase;
    expect(state.windows.hiv_pep?.status).toBe('closed_before_known');
    const closed = decide(state, checkClocks, T0 + hours(30)).filter((e) => e.type === 'ClinicalWindowClosed');
    expect(closed.map((e) => e.data)).toEqual([expect.objectContaining({ window: 'emergency_contraception' })]);
  });

  it('moves an open window’s end with a corrected incident time, closing it before known when the new end has passed', () => {
    // Reported 2026-11-22T03:14Z; the incident was in fact two days earlier than the hotline said.
    given(assaulted()).when(command('CorrectIntake', { reason: 'Earlier than reported', incidentAt: '2026-11-19T20:00:00.000Z' }), T0 + hours(1)).then([
      {
        type: 'IntakeCorrected',
        data: {
          windows: [
            { window: 'hiv_pep', incidentAt: '2026-11-19T20:00:00.000Z', endsAt: '2026-11-22T20:00:00.000Z' },
            { window: 'emergency_contraception', endsAt: '2026-11-24T20:00:00.000Z' },
          ],
        },
      },
    ]);
    const events = given(assaulted()).when(command('CorrectIntake', { reason: 'Earlier still', incidentAt: '2026-11-18T00:00:00.000Z' }), T0 + hours(1)).then([
      { type: 'IntakeCorrected', data: { windows: [{ window: 'emergency_contraception', endsAt: '2026-11-23T00:00:00.000Z' }] } },
      { type: 'ClinicalWindowClosedBeforeKnown', data: { window: 'hiv_pep', endsAt: '2026-11-21T00:00:00.000Z' } },
    ]);
    expect((fold(events, fold(assaulted())) as ActiveCase).windows.emergency_contraception).toMatchObject({ status: 'open', endsAt: Date.parse('2026-11-23T00:00:00.000Z') });
  });

  it('withdraws windows that no longer apply to a corrected GBV type, keeping one whose care was recorded', () => {
    const cared = history(
      [
        [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + minutes(20)],
        [command('GiveConsent', { category: 'medical', method: 'spoken' }), T0 + minutes(25)],
        [command('RecordClinicalCare', { window: 'hiv_pep' }), T0 + minutes(30)],
      ],
      assaulted(),
    );
    const events = given(cared).when(command('CorrectIntake', { reason: 'Beaten, not raped', gbvType: 'physical_assault' }), T0 + hours(1)).then([
      { type: 'IntakeCorrected', data: { withdrawnWindows: ['emergency_contraception'] } },
    ]);
    const state = fold(events, fold(cared)) as ActiveCase;
    expect(Object.keys(state.windows)).toEqual(['hiv_pep']);
    expect(decide(state, checkClocks, T0 + hours(200)).filter((e) => e.type === 'ClinicalWindowClosed')).toEqual([]);
  });
});
