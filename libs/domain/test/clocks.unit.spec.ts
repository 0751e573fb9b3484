import { caseView, decide, fold, nextWakeUp, type ActiveCase, type CaseEvent } from '../src/index';
import { given } from './support/specification';
import {
  checkClocks,
  command,
  days,
  history,
  hotlineReport,
  hours,
  hqOfficer,
  iso,
  minutes,
  standardReport,
  supervisor,
  T0,
} from './support/fixtures';

const types = (events: CaseEvent[]) => events.map((e) => e.type);

/** A standard case, assigned: first contact due T0 + 24 h. */
const standardCase = () =>
  history([
    [standardReport(), T0],
    [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(1)],
  ]);
/** A critical case (no clinical window, to keep the clocks apart): first contact due T0 + 1 h. */
const criticalCase = () =>
  history([
    [hotlineReport({ incidentAt: null }), T0],
    [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(1)],
  ]);

describe('open case, a deadline running', () => {
  it('does nothing before 75 % of the deadline', () => {
    given(standardCase()).when(checkClocks, T0 + hours(18) - 1).then([]);
  });

  it('reminds the assigned caseworker at 75 % of the deadline', () => {
    given(standardCase()).when(checkClocks, T0 + hours(18)).then([
      { type: 'ReminderDue', data: { item: 'first_contact', dueAt: iso(T0 + hours(24)), recipient: { role: 'caseworker', contactId: 'user:cw-1' } } },
    ]);
  });

  it('reminds the supervisor when no caseworker is assigned', () => {
    const unassigned = history([[standardReport(), T0]]);
    given(unassigned).when(checkClocks, T0 + hours(18)).then([
      { type: 'ReminderDue', data: { recipient: { role: 'supervisor', contactId: 'role:KR-SEL:consular-supervisor' } } },
    ]);
  });

  it('misses the deadline and escalates to the supervisor at the deadline', () => {
    const reminded = history([[checkClocks, T0 + hours(18)]], standardCase());
    given(reminded).when(checkClocks, T0 + hours(24)).then([
      { type: 'DeadlineMissed', data: { item: 'first_contact', dueAt: iso(T0 + hours(24)) } },
      { type: 'CaseEscalated', data: { level: 1, recipient: { role: 'supervisor' }, scheduledAt: iso(T0 + hours(24)) } },
    ]);
  });

  it('climbs to headquarters 24 h later and to the head of mission 48 h after that (standard)', () => {
    const level1 = history([[checkClocks, T0 + hours(24)]], standardCase());
    given(level1).when(checkClocks, T0 + hours(48) - 1).then([]);
    given(level1).when(checkClocks, T0 + hours(48)).then([
      { type: 'CaseEscalated', data: { level: 2, recipient: { role: 'hq_duty_officer', contactId: 'role:HQ:duty-officer' } } },
    ]);
    const level2 = history([[checkClocks, T0 + hours(48)]], level1);
    given(level2).when(checkClocks, T0 + hours(96)).then([
      { type: 'CaseEscalated', data: { level: 3, recipient: { role: 'head_of_mission', contactId: 'role:KR-SEL:head-of-mission' } } },
    ]);
    const level3 = history([[checkClocks, T0 + hours(96)]], level2);
    given(level3).when(checkClocks, T0 + days(30)).then([{ type: 'CaseBecameStuck' }]);
  });

  it('climbs +1 h then +4 h for a critical case', () => {
    given(criticalCase()).when(checkClocks, T0 + hours(6)).then([
      { type: 'ReminderDue', data: { dueAt: iso(T0 + hours(1)) } },
      { type: 'DeadlineMissed' },
      { type: 'CaseEscalated', data: { level: 1, scheduledAt: iso(T0 + hours(1)) } },
      { type: 'CaseEscalated', data: { level: 2, scheduledAt: iso(T0 + hours(2)) } },
      { type: 'CaseEscalated', data: { level: 3, scheduledAt: iso(T0 + hours(6)) } },
    ]);
  });

  it('emits nothing twice', () => {
    const checked = history([[checkClocks, T0 + hours(6)]], criticalCase());
    given(checked).when(checkClocks, T0 + hours(6)).then([]);
  });

  it('ends the climb when the step is completed', () => {
    const level1 = history([[checkClocks, T0 + hours(24)]], standardCase());
    const done = history([[command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + hours(25)]], level1);
    const later = decide(fold(done), checkClocks, T0 + hours(200));
    expect(later.filter((e) => 'item' in e.data && e.data.item === 'first_contact')).toEqual([]);
  });
});

describe('open case, escalated', () => {
  const level1 = () => history([[checkClocks, T0 + hours(24)]], standardCase());

  it('holds the climb for the re-arm period after an acknowledgement', () => {
    const ack = command('AcknowledgeEscalation', { actor: supervisor, item: 'first_contact' });
    const acked = given(level1()).when(ack, T0 + hours(47)).then([
      { type: 'EscalationAcknowledged', data: { item: 'first_contact', level: 1, rearmUntil: iso(T0 + hours(71)), by: 'sup-1' } },
    ]);
    const after = [...level1(), ...acked];
    given(after).when(checkClocks, T0 + hours(71) - 1).then([]);
    given(after).when(checkClocks, T0 + hours(71)).then([{ type: 'CaseEscalated', data: { level: 2, scheduledAt: iso(T0 + hours(71)) } }]);
    expect(nextWakeUp(fold(after))).toBe(T0 + hours(71));
  });

  it('re-arms for 2 h on a critical case', () => {
    const critical = history([[checkClocks, T0 + hours(1)]], criticalCase());
    given(critical).when(command('AcknowledgeEscalation', { actor: hqOfficer, item: 'first_contact' }), T0 + hours(1)).then([
      { type: 'EscalationAcknowledged', data: { rearmUntil: iso(T0 + hours(3)) } },
    ]);
  });

  it('refuses to acknowledge what is not escalated, and a caseworker acknowledging', () => {
    given(standardCase()).when(command('AcknowledgeEscalation', { actor: supervisor, item: 'first_contact' }), T0).thenThrows('NO_ESCALATION');
    given(level1()).when(command('AcknowledgeEscalation', { actor: supervisor, item: 'assessment' }), T0 + hours(25)).thenThrows('NO_ESCALATION');
    given(level1()).when(command('AcknowledgeEscalation', { item: 'first_contact' }), T0 + hours(25)).thenThrows('FORBIDDEN_ROLE');
  });
});

describe('open case, clock paused', () => {
  const unreachableOnce = () => history([[command('RecordContact', { channel: 'phone', outcome: 'unreachable' }), T0 + hours(2)]], standardCase());
  /** Reached at T0 + 1 h: assessment (standard, 120 h) and identity verification (72 h) run from then, both waiting on her. */
  const reachedCase = () => history([[command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + hours(1)]], standardCase());

  it('pauses only for the survivor', () => {
    given(reachedCase()).when(command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(2)).then([
      { type: 'ClockPaused', data: { reason: 'survivor_deciding' } },
    ]);
    for (const reason of ['awaiting_home_authorities', 'awaiting_host_authorities', 'awaiting_employer', 'awaiting_other_party'] as const) {
      given(reachedCase()).when(command('PauseClock', { reason }), T0 + hours(2)).thenThrows('PAUSE_NOT_ALLOWED');
    }
  });

  it('refuses a pause for her decision before she was ever reached', () => {
    given(standardCase()).when(command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(1)).thenThrows('SURVIVOR_NOT_REACHED');
    given(unreachableOnce()).when(command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(3)).thenThrows('SURVIVOR_NOT_REACHED');
  });

  it('pauses as unreachable only with contact attempts logged', () => {
    given(standardCase()).when(command('PauseClock', { reason: 'survivor_unreachable' }), T0 + hours(3)).thenThrows('PAUSE_NOT_ALLOWED');
    given(unreachableOnce()).when(command('PauseClock', { reason: 'survivor_unreachable' }), T0 + hours(3)).then([{ type: 'ClockPaused' }]);
  });

  it('refuses a second pause and a resume without a pause', () => {
    const paused = history([[command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(2)]], reachedCase());
    given(paused).when(command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(3)).thenThrows('ALREADY_PAUSED');
    given(reachedCase()).when(command('ResumeClock', {}), T0 + hours(3)).thenThrows('NOT_PAUSED');
  });

  it('lets no deadline that waits on her lapse while paused, nor calls the case inactive, but closes clinical windows regardless', () => {
    const withWindow = history([
      [hotlineReport({ immediateDanger: false }), T0],
      [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + minutes(10)],
      [command('PauseClock', { reason: 'survivor_deciding' }), T0 + minutes(30)],
    ]);
    // Assessment and identity verification (48 h) and inactivity (48 h for a high-risk case) are all past by then.
    const events = decide(fold(withWindow), checkClocks, T0 + days(4));
    expect(types(events)).toEqual(['ClinicalWindowClosed']);
    expect(nextWakeUp(fold([...withWindow, ...events]))).toBe(Date.parse('2026-11-26T20:00:00Z'));
  });

  it('moves every deadline that waits on her later by the paused time on resume', () => {
    const paused = history([[command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(10)]], reachedCase());
    const events = given(paused).when(command('ResumeClock', { reason: 'survivor_decided' }), T0 + hours(40)).then([
      {
        type: 'ClockResumed',
        data: {
          pausedAt: iso(T0 + hours(10)),
          pausedMs: hours(30),
          shifts: [
            { item: 'assessment', dueAt: { from: iso(T0 + hours(121)), to: iso(T0 + hours(151)) }, reminderAt: { from: iso(T0 + hours(91)), to: iso(T0 + hours(121)) } },
            { item: 'identity_verification', dueAt: { from: iso(T0 + hours(73)), to: iso(T0 + hours(103)) } },
          ],
        },
      },
    ]);
    const state = fold([...paused, ...events]) as ActiveCase;
    expect(state.items.assessment?.dueAt).toBe(T0 + hours(151));
    expect(nextWakeUp(state)).toBe(T0 + hours(1) + hours(54) + hours(30)); // identity verification's reminder
  });

  it('moves a deadline opened during the pause only by the part it lived through', () => {
    const paused = history(
      [
        [command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(2)],
        [
          command('SubmitAssessment', {
            needs: { safety: true, medical: false, shelter: false, legal: true, psychosocial: true },
            wish: 'stay',
            familyIsRiskSource: false,
            safetyPlanAgreed: true,
          }),
          T0 + hours(5),
        ],
      ],
      reachedCase(),
    );
    const [resumed] = decide(fold(paused), command('ResumeClock', {}), T0 + hours(11));
    const shifts = resumed?.type === 'ClockResumed' ? resumed.data.shifts : [];
    expect(shifts.map((s) => [s.item, s.dueAt.to])).toEqual([
      ['identity_verification', iso(T0 + hours(1) + hours(72) + hours(9))],
      ['action_plan', iso(T0 + hours(5) + hours(168) + hours(6))],
    ]);
  });

  it('resumes by itself when an unreachable survivor is reached', () => {
    const paused = history([[command('PauseClock', { reason: 'survivor_unreachable' }), T0 + hours(3)]], unreachableOnce());
    given(paused).when(command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + hours(13)).then([
      { type: 'ContactRecorded' },
      { type: 'ClockResumed', data: { reason: 'survivor_reached', pausedMs: hours(10) } },
      { type: 'StepCompleted', data: { step: 'first_contact' } },
      { type: 'StepOpened', data: { step: 'assessment' } },
      { type: 'StepOpened', data: { step: 'identity_verification' } },
    ]);
  });
});

describe('open case, clock paused while an authority is awaited and a ladder climbs', () => {
  // Critical, no clinical window. Reached at T0 + 30 min; a verification request to the home authorities at
  // T0 + 40 min (their answer: 5 working days, waits on a party); assessed at T0 + 1 h, so the action plan (24 h,
  // waits on her) is due at T0 + 25 h. Nobody plans: it is missed and escalated at T0 + 25 h; she then asks for time.
  const pausedAt = T0 + hours(25) + minutes(30);
  const paused = () =>
    history(
      [
        [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + minutes(30)],
        [command('GiveConsent', { category: 'home_authorities', method: 'written' }), T0 + minutes(35)],
        [command('RecordIdentityVerification', { outcome: { kind: 'request_sent' } }), T0 + minutes(40)],
        [
          command('SubmitAssessment', {
            needs: { safety: true, medical: false, shelter: true, legal: true, psychosocial: true },
            wish: 'return',
            familyIsRiskSource: false,
            safetyPlanAgreed: true,
          }),
          T0 + hours(1),
        ],
        [checkClocks, T0 + hours(25)],
        [command('PauseClock', { reason: 'survivor_deciding' }), pausedAt],
      ],
      criticalCase(),
    );

  it('climbs the ladder of what was already escalated, at its times', () => {
    expect((fold(paused()) as ActiveCase).items.action_plan).toMatchObject({ escalationLevel: 1, missedAt: T0 + hours(25) });
    given(paused()).when(checkClocks, T0 + hours(30)).then([
      { type: 'CaseEscalated', data: { item: 'action_plan', level: 2, scheduledAt: iso(T0 + hours(26)), recipient: { role: 'hq_duty_officer' } } },
      { type: 'CaseEscalated', data: { item: 'action_plan', level: 3, scheduledAt: iso(T0 + hours(30)), recipient: { role: 'head_of_mission' } } },
    ]);
  });

  it('lets the authority’s answer lapse at its own time, and the view shows its clock never stood still', () => {
    const answer = (fold(paused()) as ActiveCase).items.verification_answer!;
    const dueAt = answer.dueAt!;
    const lapsed = decide(fold(paused()), checkClocks, dueAt).filter((e) => 'item' in e.data && e.data.item === 'verification_answer');
    expect(lapsed).toMatchObject([
      { type: 'ReminderDue' },
      { type: 'DeadlineMissed', data: { dueAt: iso(dueAt) } },
      { type: 'CaseEscalated', data: { level: 1, scheduledAt: iso(dueAt) } },
    ]);
    const clock = caseView(fold(paused()), pausedAt + hours(3))!.clocks.find((c) => c.item === 'verification_answer')!;
    expect(clock).toMatchObject({ pausedMs: 0, dueAt: iso(dueAt), elapsedMs: pausedAt + hours(3) - (T0 + minutes(40)) });
  });

  it('moves neither of them on resume', () => {
    given(paused()).when(command('ResumeClock', {}), T0 + hours(28)).then([{ type: 'ClockResumed', data: { pausedMs: hours(2) + minutes(30), shifts: [] } }]);
  });
});

describe('open case, clinical windows', () => {
  it('closes each window at its fixed end, counted from the incident', () => {
    const opened = history([[hotlineReport(), T0]]);
    const events = decide(fold(opened), checkClocks, Date.parse('2026-11-24T20:00:00Z'));
    expect(events.filter((e) => e.type === 'ClinicalWindowClosed')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ window: 'hiv_pep', endsAt: '2026-11-24T20:00:00.000Z' }) }),
    ]);
  });
});

describe('open case, inactivity', () => {
  it('reports a standard case with no activity for 7 days once, until someone acts', () => {
    const quiet = history([[command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + hours(1)]], standardCase());
    const atSeven = decide(fold(quiet), checkClocks, T0 + hours(1) + days(7));
    expect(atSeven.filter((e) => e.type === 'CaseBecameStuck')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ reason: 'inactivity', since: iso(T0 + hours(1)) }) }),
    ]);
    const after = [...quiet, ...atSeven];
    expect(decide(fold(after), checkClocks, T0 + days(9)).filter((e) => e.type === 'CaseBecameStuck')).toEqual([]);
  });

  it('uses 12 h for a critical case', () => {
    const critical = history([[checkClocks, T0 + hours(6)]], criticalCase());
    given(critical).when(checkClocks, T0 + minutes(1) + hours(12)).then([{ type: 'CaseBecameStuck' }]);
  });
});

describe('nextWakeUp', () => {
  it('is the earliest pending alarm, and after CheckClocks always lies in the future', () => {
    const c = standardCase();
    expect(nextWakeUp(fold(c))).toBe(T0 + hours(18));
    const checked = history([[checkClocks, T0 + hours(20)]], c);
    expect(nextWakeUp(fold(checked))).toBe(T0 + hours(24));
  });

  it('is undefined for no case and for a closed case', () => {
    expect(nextWakeUp({ status: 'none' })).toBeUndefined();
    const closed = history(
      [
        [command('RequestClosure', { reason: 'survivor_wish' }), T0 + hours(1)],
        [command('ApproveClosure', { actor: supervisor }), T0 + hours(2)],
      ],
      standardCase(),
    );
    expect(nextWakeUp(fold(closed))).toBeUndefined();
  });
});
