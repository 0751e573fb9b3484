import {
  addWorkingDays,
  CURRENT_PROTOCOL_VERSION,
  MISSIONS,
  PROTOCOL_2026_1,
  PROTOCOLS,
  protocolFor,
  protocolProblems,
  resolveMission,
  triage,
  type ProtocolDefinition,
} from '../src/index';
import { refusal } from './support/specification';
import { hours, T0 } from './support/fixtures';

describe('protocol 2026.1', () => {
  it('is the current version and is registered under its own id', () => {
    expect(CURRENT_PROTOCOL_VERSION).toBe('2026.1');
    expect(PROTOCOLS['2026.1']).toBe(PROTOCOL_2026_1);
    expect(refusal(() => protocolFor('1999.9'))).toBe('UNKNOWN_PROTOCOL_VERSION');
  });

  it('holds the defaults of PROTOCOL.md', () => {
    const p = PROTOCOL_2026_1;
    expect(p.stages).toEqual(['intake', 'engagement', 'assessment', 'action_plan', 'implementation', 'follow_up', 'closure']);
    expect(p.steps.first_contact.deadline).toEqual({ kind: 'hours_by_risk', hours: { critical: 1, high: 4, standard: 24 }, basis: 'protocol_default' });
    expect(p.tasks.verification_answer.deadline).toEqual({ kind: 'working_days', days: 5, basis: 'protocol_default' });
    expect(p.tasks.family_notification).toMatchObject({ consentCategory: 'family', deadline: { hours: { standard: 48 } } });
    expect(p.tasks.police_report.consentCategory).toBe('host_police');
    expect(p.tasks.emergency_travel_document.needsIdentityVerified).toBe(true);
    expect(p.escalation).toEqual({
      reminderAtFraction: 0.75,
      level2AfterLevel1Hours: { critical: 1, high: 24, standard: 24 },
      level3AfterLevel2Hours: { critical: 4, high: 48, standard: 48 },
      acknowledgementRearmHours: { critical: 2, high: 24, standard: 24 },
    });
    expect(p.pause.allowedReasons).toEqual(['survivor_deciding', 'survivor_unreachable']);
    expect(p.stuck).toEqual({ inactivityHours: { critical: 12, high: 48, standard: 168 }, consentBlockedHours: 48, closureAwaitingApprovalHours: 72 });
    expect(p.followUp.daysAfterImplementation).toEqual({ follow_up_day_7: 7, follow_up_day_30: 30 });
    expect(p.closure).toEqual({ reasons: ['needs_met', 'survivor_wish', 'transferred', 'unreachable', 'death'], unreachableAfterAttempts: 3 });
  });

  it('keeps the clinical windows at their standard and marks them so', () => {
    expect(PROTOCOL_2026_1.clinicalWindows).toEqual({
      hiv_pep: { hoursFromIncident: 72, opensFor: ['rape', 'sexual_assault'], basis: 'standard' },
      emergency_contraception: { hoursFromIncident: 120, opensFor: ['rape', 'sexual_assault'], basis: 'standard' },
    });
    expect(protocolProblems(PROTOCOL_2026_1)).toEqual([]);
  });

  it('flags a version that weakens a clinical window or pauses for an authority', () => {
    const weakened: ProtocolDefinition = {
      ...PROTOCOL_2026_1,
      clinicalWindows: { ...PROTOCOL_2026_1.clinicalWindows, hiv_pep: { ...PROTOCOL_2026_1.clinicalWindows.hiv_pep, hoursFromIncident: 48 } },
      pause: { ...PROTOCOL_2026_1.pause, allowedReasons: ['survivor_deciding', 'awaiting_home_authorities'] },
    };
    expect(protocolProblems(weakened)).toEqual([
      'hiv_pep window is 48 h, below the 72 h standard',
      'only waits on the survivor may pause the clock',
    ]);
  });

  it('marks every figure it invented', () => {
    const bases = [...Object.values(PROTOCOL_2026_1.steps), ...Object.values(PROTOCOL_2026_1.tasks)].map((d) => d.deadline.basis);
    expect(new Set(bases)).toEqual(new Set(['protocol_default', 'invented_default']));
  });
});

describe('mission registry', () => {
  it.each([
    ['KR', 'Busan', 'KR-PUS'],
    ['KR', 'busan ', 'KR-PUS'],
    ['KR', 'Ansan', 'KR-SEL'],
    ['KR', undefined, 'KR-SEL'],
    ['JP', 'Osaka', 'JP-TYO'],
    ['TW', undefined, 'TW-TPE'],
    ['MY', undefined, 'MY-KUL'],
    ['SA', 'Jeddah', 'SA-RUH'],
    ['DE', 'Berlin', 'HQ'],
    ['', undefined, 'HQ'],
  ])('sends %s / %s to %s', (country, city, code) => {
    expect(resolveMission(MISSIONS, country, city).code).toBe(code);
  });

  it('names escalation contacts as role ids, never people', () => {
    for (const m of MISSIONS) {
      expect(Object.values(m.escalation).every((c) => c.startsWith('role:'))).toBe(true);
    }
  });

  it('counts working days on the mission calendar', () => {
    const seoul = resolveMission(MISSIONS, 'KR');
    const riyadh = resolveMission(MISSIONS, 'SA');
    const fridayNoonSeoul = Date.parse('2026-11-20T03:00:00Z'); // Friday 12:00 in Seoul
    expect(new Date(addWorkingDays(fridayNoonSeoul, 5, seoul)).toISOString()).toBe('2026-11-27T03:00:00.000Z');
    const thursdayNoonRiyadh = Date.parse('2026-11-19T09:00:00Z'); // Thursday 12:00 in Riyadh
    // Friday and Saturday are the weekend there: Sun, Mon, Tue, Wed, Thu.
    expect(new Date(addWorkingDays(thursdayNoonRiyadh, 5, riyadh)).toISOString()).toBe('2026-11-26T09:00:00.000Z');
    const sundayNightSeoul = Date.parse('2026-11-22T14:00:00Z'); // Sunday 23:00 in Seoul, Sunday 14:00 UTC
    expect(new Date(addWorkingDays(sundayNightSeoul, 1, seoul)).toISOString()).toBe('2026-11-23T14:00:00.000Z');
  });
});

describe('triage', () => {
  const base = { immediateDanger: false, minor: false, categories: [], reportedAt: T0 } as const;
  it.each([
    ['critical', { ...base, immediateDanger: true }],
    ['critical', { ...base, categories: ['trafficking_indicators', 'detention_or_arrest'] as const }],
    ['standard', { ...base, categories: ['detention_or_arrest'] as const }],
    ['high', { ...base, gbvType: 'rape' as const, incidentAt: T0 - hours(100) }],
    ['high', { ...base, gbvType: 'sexual_assault' as const }],
    ['high', { ...base, minor: true }],
    ['high', { ...base, vulnerabilities: ['no_shelter'] as const }],
    ['standard', { ...base, gbvType: 'rape' as const, incidentAt: T0 - hours(200) }],
    ['standard', { ...base, gbvType: 'physical_assault' as const, categories: ['labour_exploitation'] as const }],
  ] as const)('rates %s: %j', (expected, input) => {
    expect(triage(input)).toBe(expected);
  });
});
