import { CURRENT_SCHEMA_VERSIONS, decide, fold, upcast, type ActiveCase } from '../src/index';
import { refusal } from './support/specification';
import { command, hours, iso, standardReport, T0 } from './support/fixtures';

describe('upcast', () => {
  const v1 = { type: 'ConsentGiven', schemaVersion: 1, data: { at: iso(T0 + hours(1)), by: 'cw-1', category: 'family' } };

  it('lifts ConsentGiven v1, which did not record how consent was taken, to v2 as not_recorded', () => {
    expect(upcast(v1)).toEqual({ type: 'ConsentGiven', schemaVersion: 2, data: { ...v1.data, method: 'not_recorded' } });
    expect(CURRENT_SCHEMA_VERSIONS.ConsentGiven).toBe(2);
  });

  it('folds an old stream read back through upcast', () => {
    const opened = decide({ status: 'none' }, standardReport(), T0);
    const state = fold([...opened, upcast(v1)]) as ActiveCase;
    expect(state.consent.family).toEqual({ status: 'given', at: T0 + hours(1), by: 'cw-1', method: 'not_recorded' });
  });

  it('passes current events through unchanged, personal part included', () => {
    const events = decide({ status: 'none' }, standardReport(), T0);
    const given = decide(fold(events), command('GiveConsent', { category: 'shelter', method: 'written' }), T0);
    for (const e of [...events, ...given]) expect(upcast(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it('folds fields added since as what events without them meant: every clock stopped by a pause, a reopening resuming nothing', () => {
    // A StepOpened written before steps said whom they wait on, stored and read back.
    const opened = decide({ status: 'none' }, standardReport(), T0).map((e) => {
      if (e.type !== 'StepOpened') return e;
      const { waitsOn: _w, ...data } = e.data;
      return upcast(JSON.parse(JSON.stringify({ ...e, data })) as Parameters<typeof upcast>[0]);
    });
    expect((fold(opened) as ActiveCase).items.first_contact?.waitsOn).toBe('survivor');
    const reopened = upcast({ type: 'CaseReopened', schemaVersion: 1, data: { at: iso(T0 + hours(9)), by: 'cw-1' } });
    const closed = [
      ...opened,
      upcast({ type: 'ClosureRequested', schemaVersion: 1, data: { at: iso(T0 + hours(1)), by: 'cw-1', reason: 'survivor_wish' } }),
      upcast({ type: 'CaseClosed', schemaVersion: 1, data: { at: iso(T0 + hours(2)), by: 'sup-1', reason: 'survivor_wish' } }),
    ];
    expect(fold([...closed, reopened])).toMatchObject({ status: 'open', stage: 'intake', items: { first_contact: { status: 'cancelled' } } });
  });

  it('refuses an unknown type and a version newer than the code', () => {
    expect(refusal(() => upcast({ type: 'CaseTeleported', schemaVersion: 1, data: {} }))).toBe('INVALID_EVENT');
    expect(refusal(() => upcast({ ...v1, schemaVersion: 3 }))).toBe('INVALID_EVENT');
  });
});
