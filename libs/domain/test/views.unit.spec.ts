import { caseView, describeEvent, fold, stuckReasons, timelineFacts, type CaseEvent } from '../src/index';
import {
  assessedCase,
  checkClocks,
  command,
  days,
  history,
  hotlineReport,
  hours,
  iso,
  minutes,
  standardReport,
  supervisor,
  T0,
} from './support/fixtures';

const critical = () =>
  history([
    [hotlineReport(), T0],
    [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(5)],
  ]);

describe('caseView', () => {
  it('shows status, stage, risk, mission, assignee, protocol, open items with time left, and the clinical windows apart', () => {
    const view = caseView(fold(critical()), T0 + minutes(20));
    expect(view).toMatchObject({
      status: 'open',
      stage: 'engagement',
      risk: 'critical',
      missionCode: 'KR-SEL',
      assignee: 'cw-1',
      protocolVersion: '2026.1',
      escalationLevel: 0,
      openItems: [{ item: 'first_contact', dueAt: iso(T0 + hours(1)), remainingMs: minutes(40), elapsedMs: minutes(20), pausedMs: 0 }],
      clinicalWindows: [
        { window: 'hiv_pep', status: 'open', endsAt: '2026-11-24T20:00:00.000Z' },
        { window: 'emergency_contraception', status: 'open' },
      ],
      consent: { family: { status: 'not_asked' } },
    });
    expect(view?.personal).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain('Nguyễn');
  });

  it('shows what intake recorded as codes: source, channel, where, what happened, when, danger and vulnerabilities', () => {
    expect(caseView(fold(critical()), T0)?.intake).toEqual({
      source: 'hotline',
      channel: 'phone',
      countryCode: 'KR',
      city: 'Ansan',
      categories: ['gbv', 'confiscated_documents', 'labour_exploitation'],
      gbvType: 'sexual_assault',
      incidentAt: '2026-11-21T20:00:00.000Z',
      incidentTimeEstimated: false,
      immediateDanger: true,
      minor: false,
      vulnerabilities: [],
    });
  });

  it('says why an open task or a verification request would be refused now, by the gates decide applies', () => {
    const planned = history(
      [[command('AgreeActionPlan', { goal: 'return', tasks: ['emergency_travel_document', 'repatriation_funding'] }), T0 + hours(1)]],
      assessedCase(),
    );
    const view = caseView(fold(planned), T0 + hours(2));
    const task = (id: string) => view?.openItems.find((item) => item.item === id);
    expect(task('emergency_travel_document')?.refusal).toEqual({ code: 'IDENTITY_NOT_VERIFIED' });
    expect(task('repatriation_funding')?.refusal).toBeUndefined();
    expect(view?.verificationRequestRefusal).toEqual({ code: 'CONSENT_REQUIRED', category: 'home_authorities' });
    expect(view?.newerProtocolVersions).toEqual(['2027.1']);
    const consented = history([[command('GiveConsent', { category: 'home_authorities', method: 'spoken' }), T0 + hours(3)]], planned);
    expect(caseView(fold(consented), T0 + hours(3))?.verificationRequestRefusal).toBeUndefined();
  });

  it('includes personal data only when asked', () => {
    expect(caseView(fold(critical()), T0, { includePersonal: true })?.personal?.intake?.subject?.fullName).toBe('Nguyễn Thị Hoa');
  });

  it('gives the instants of the personal part in ISO 8601, the instant of an erasure too', () => {
    const noted = history([[command('AddNote', { text: 'She called from a friend’s phone' }), T0 + hours(1)]], critical());
    expect(caseView(fold(noted), T0 + hours(2), { includePersonal: true })?.personal?.notes).toEqual([
      { at: iso(T0 + hours(1)), by: 'cw-1', text: 'She called from a friend’s phone' },
    ]);
    const erased = history([[command('ErasePersonalData', { actor: { userId: 'adm-1', role: 'admin' }, reason: 'subject_request' }), T0 + hours(3)]], noted);
    expect(caseView(fold(erased), T0 + hours(4), { includePersonal: true })?.personal).toEqual({ notes: [], erasedAt: iso(T0 + hours(3)) });
  });

  it('reports elapsed and paused time of a clock, the due time moving while paused', () => {
    const paused = history(
      [
        [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + minutes(10)],
        [command('PauseClock', { reason: 'survivor_deciding' }), T0 + minutes(30)],
      ],
      critical(),
    );
    const view = caseView(fold(paused), T0 + minutes(50));
    expect(view?.pause).toEqual({ reason: 'survivor_deciding', since: iso(T0 + minutes(30)) });
    // Assessment (critical: 24 h from T0 + 10 min) waits on her: it ran 20 min, stood still 20 min.
    expect(view?.openItems[0]).toMatchObject({
      item: 'assessment',
      elapsedMs: minutes(20),
      pausedMs: minutes(20),
      dueAt: iso(T0 + minutes(10) + hours(24) + minutes(20)),
      remainingMs: hours(24) - minutes(20),
    });
  });

  it('shows the escalation level, consent with its exception, and the pending closure', () => {
    const escalated = history(
      [
        [checkClocks, T0 + hours(2)],
        [command('RecordConsentException', { category: 'host_police', ground: 'imminent_danger', reason: 'held by employer' }), T0 + hours(2)],
        [command('RequestClosure', { reason: 'transferred' }), T0 + hours(2)],
      ],
      critical(),
    );
    const view = caseView(fold(escalated), T0 + hours(3));
    expect(view).toMatchObject({
      status: 'closure_requested',
      escalationLevel: 2,
      consent: { host_police: { status: 'not_asked', exception: 'imminent_danger' } },
      pendingClosure: { reason: 'transferred', requestedAt: iso(T0 + hours(2)), waitingMs: hours(1) },
    });
  });

  it('shows nothing for a case that does not exist', () => {
    expect(caseView({ status: 'none' }, T0)).toBeUndefined();
  });
});

describe('stuckReasons', () => {
  it('names a deadline past due and an escalation nobody acknowledged, with since-when', () => {
    const escalated = history([[checkClocks, T0 + hours(1)]], critical());
    expect(stuckReasons(fold(escalated), T0 + hours(1) + minutes(10))).toEqual([
      { kind: 'past_deadline', item: 'first_contact', since: iso(T0 + hours(1)) },
      { kind: 'escalation_unacknowledged', item: 'first_contact', level: 1, since: iso(T0 + hours(1)) },
    ]);
    const acked = history([[command('AcknowledgeEscalation', { actor: supervisor, item: 'first_contact' }), T0 + hours(1)]], escalated);
    expect(stuckReasons(fold(acked), T0 + hours(1) + minutes(10)).map((r) => r.kind)).toEqual(['past_deadline']);
  });

  it('names inactivity by risk level', () => {
    const state = fold(critical());
    expect(stuckReasons(state, T0 + minutes(5) + hours(12)).map((r) => r.kind)).toContain('inactivity');
    expect(stuckReasons(state, T0 + minutes(5) + hours(12) - 1).map((r) => r.kind)).not.toContain('inactivity');
  });

  it('never names inactivity while the case waits on her in a pause', () => {
    const paused = history(
      [
        [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + minutes(10)],
        [command('PauseClock', { reason: 'survivor_deciding' }), T0 + minutes(30)],
      ],
      critical(),
    );
    expect(stuckReasons(fold(paused), T0 + days(3)).map((r) => r.kind)).not.toContain('inactivity');
    const resumed = history([[command('ResumeClock', {}), T0 + days(3)]], paused);
    expect(stuckReasons(fold(resumed), T0 + days(3) + hours(12)).map((r) => r.kind)).toContain('inactivity');
  });

  it('names an action blocked on consent for more than 48 h', () => {
    const planned = history([[command('AgreeActionPlan', { goal: 'stay', tasks: ['shelter_placement'] }), T0 + hours(2)]], assessedCase());
    const kinds = (at: number) => stuckReasons(fold(planned), at).filter((r) => r.kind === 'consent_blocked');
    expect(kinds(T0 + hours(50))).toEqual([]);
    expect(kinds(T0 + hours(50) + 1)).toEqual([{ kind: 'consent_blocked', item: 'shelter_placement', since: iso(T0 + hours(2)) }]);
  });

  it('names a closure waiting for approval for more than 3 days', () => {
    const requested = history([[command('RequestClosure', { reason: 'survivor_wish' }), T0 + hours(1)]], history([[standardReport(), T0]]));
    const find = (at: number) => stuckReasons(fold(requested), at).find((r) => r.kind === 'closure_awaiting_approval');
    expect(find(T0 + hours(1) + days(3))).toBeUndefined();
    expect(find(T0 + hours(1) + days(3) + 1)).toEqual({ kind: 'closure_awaiting_approval', since: iso(T0 + hours(1)) });
  });
});

describe('describeEvent', () => {
  const everything = (): CaseEvent[] =>
    history(
      [
        [command('GiveConsent', { category: 'host_police', method: 'interpreter' }), T0 + hours(2)],
        [command('AgreeActionPlan', { goal: 'return', tasks: ['police_report', 'family_notification'] }), T0 + hours(2)],
        [command('AddNote', { text: 'She fears the employer, lives in Ansan dormitory' }), T0 + hours(3)],
        [checkClocks, T0 + days(20)],
      ],
      assessedCase(hotlineReport()),
    );

  it('writes one plain line per event, without personal data', () => {
    for (const e of everything()) {
      const line = describeEvent(e);
      expect(line.length).toBeGreaterThan(5);
      expect(line).not.toMatch(/Nguyễn|10-5555-0101|dormitory|assault by employer/);
    }
  });

  it('reads as a timeline', () => {
    expect(everything().slice(0, 2).map(describeEvent)).toEqual([
      'Case opened from the hotline in KR, risk critical, handled by mission KR-SEL under protocol 2026.1.',
      `Step first contact opened, due ${iso(T0 + hours(1))}.`,
    ]);
  });
});

describe('timelineFacts', () => {
  it('gives the codes and times a line is made of, and no free text', () => {
    const events = critical();
    expect(timelineFacts(events.find((e) => e.type === 'CaseOpened')!)).toMatchObject({ source: 'hotline', countryCode: 'KR', risk: 'critical', missionCode: 'KR-SEL' });
    expect(timelineFacts(events.find((e) => e.type === 'StepOpened')!)).toEqual({ step: 'first_contact', dueAt: iso(T0 + hours(1)) });
    const completed: CaseEvent = { type: 'TaskCompleted', schemaVersion: 1, data: { at: iso(T0), by: 'cw-1', task: 'police_report', outcome: 'filed at Ansan station' } };
    expect(timelineFacts(completed)).toEqual({ task: 'police_report' });
    const resumed: CaseEvent = {
      type: 'ClockResumed',
      schemaVersion: 1,
      data: { at: iso(T0), by: 'cw-1', reason: 'she called back' as never, pausedAt: iso(T0), pausedMs: 60_000, shifts: [] },
    };
    expect(timelineFacts(resumed)).toEqual({ pausedMs: 60_000, shifts: 0 });
  });

  it('never carries anything of the personal part', () => {
    for (const e of history([[command('AddNote', { text: 'She fears the employer' }), T0 + hours(3)]], assessedCase(hotlineReport()))) {
      expect(JSON.stringify(timelineFacts(e))).not.toMatch(/Nguyễn|10-5555-0101|fears|assault by employer/);
    }
  });
});
