import { Pool } from 'pg';
import { EventStore, caseSummaryProjection } from '@baoho/event-store';
import { IndicatorsQuery } from '../../../apps/api/src/supervision/indicators-query';
import { T0, command, days, hotlineReport, hours, iso, minutes, standardReport } from '../../../libs/domain/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { drive } from '../../support/drive-case';

// The clinical-care indicators over read models written by the real event store, from events the domain decided:
// one share per window (care for emergency contraception is not care for HIV PEP), each over the cases in which
// that window was open to the mission; windows that had closed before she called, or before the incident time was
// known, are out of the shares and counted apart.

describe('the clinical-care indicators', () => {
  let db: TestDatabase;
  let pool: Pool;
  let indicators: IndicatorsQuery;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    const store = new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
    indicators = new IndicatorsQuery(pool, () => T0 + days(10));
    const reachedWithConsent = [
      [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + minutes(10)],
      [command('GiveConsent', { category: 'medical', method: 'spoken' }), T0 + minutes(15)],
    ] as const;
    // P: assault 7 h before the call; emergency contraception given, no PEP.
    await drive(store, [[hotlineReport(), T0], ...reachedWithConsent, [command('RecordClinicalCare', { window: 'emergency_contraception' }), T0 + hours(2)]]);
    // Q: the same, PEP given.
    await drive(store, [[hotlineReport(), T0], ...reachedWithConsent, [command('RecordClinicalCare', { window: 'hiv_pep' }), T0 + hours(2)]]);
    // R: assault 100 h before the call: the PEP window had closed before she called; nothing given.
    await drive(store, [[hotlineReport({ incidentAt: iso(T0 - hours(100)) }), T0]]);
    // S: a walk-in; at T0 + 1 h she says she was raped 80 h ago: the PEP window had closed before anyone knew.
    await drive(store, [
      [standardReport(), T0],
      [command('RecordContact', { channel: 'walk_in', outcome: 'reached' }), T0 + minutes(10)],
      [command('CorrectIntake', { reason: 'She told us what happened', gbvType: 'rape', incidentAt: iso(T0 - hours(80)) }), T0 + hours(1)],
    ]);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('gives PEP within 72 h and emergency contraception within 120 h as two shares, closed windows apart', async () => {
    const result = await indicators.compute({ from: iso(T0 - days(1)), to: iso(T0 + days(1)) });
    expect(result.casesOpened).toBe(4);
    expect(result.medicalCareWithin72h).toEqual({
      windowHours: 72,
      gbvTypes: ['rape', 'sexual_assault'],
      cases: 2,
      withCare: 1,
      share: 0.5,
      closedBeforeIntake: 1,
      closedBeforeKnown: 1,
    });
    expect(result.emergencyContraceptionWithin120h).toEqual({
      windowHours: 120,
      gbvTypes: ['rape', 'sexual_assault'],
      cases: 4,
      withCare: 1,
      share: 0.25,
      closedBeforeIntake: 0,
      closedBeforeKnown: 0,
    });
  });
});
