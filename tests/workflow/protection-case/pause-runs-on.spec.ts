// A pause for the survivor stops only what waits on her: a task waiting on the police keeps its deadline, and a
// ladder already climbing keeps climbing at its times, through the whole pause and after it.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROTOCOL_2026_1, type CaseEscalated, type ClockResumed, type DeadlineMissed } from '@baoho/domain';
import type { StoredEvent } from '@baoho/event-store';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, HOUR, hotlineReport, MINUTE, supervisor } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

const ladder = PROTOCOL_2026_1.escalation;

const of = <E extends { data: unknown }>(events: readonly StoredEvent[], type: string, item: string): E['data'][] =>
  events.filter((e) => e.type === type && (e.data as { item?: string }).item === item).map((e) => e.data as E['data']);

describe('a protection case, paused for her while an authority is awaited', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('pause-runs-on', (world) => ({ env, harness } = world));

  it('leaves the police report’s deadline and the escalation ladder untouched', async () => {
    // Critical (immediate danger), no incident time: no clinical window interleaves.
    const report = hotlineReport(await env.currentTimeMs(), { incidentAt: null });
    const { caseId } = report;
    const { handle } = await openCase(env.client, harness.taskQueue, report);
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    const reached = await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }));
    // Identity verification waits on her (her documents, or her consent to ask home): due 24 h after she was reached.
    const identityDue = Date.parse(reached.openItems.find((i) => i.item === 'identity_verification')!.dueAt);

    await env.sleep(2 * HOUR);
    await send(handle, command('GiveConsent', { category: 'host_police', method: 'written' }));
    await send(handle, command('SubmitAssessment', {
      needs: { safety: true, medical: false, shelter: false, legal: true, psychosocial: true },
      wish: 'stay',
      familyIsRiskSource: false,
      safetyPlanAgreed: true,
    }));
    const planned = await send(handle, command('AgreeActionPlan', { goal: 'stay', tasks: ['police_report'] }));
    const police = planned.openItems.find((i) => i.item === 'police_report')!;
    expect(police.party).toBe('host_police');
    const policeDue = Date.parse(police.dueAt);
    expect(policeDue).toBeGreaterThan(identityDue + HOUR);

    // Nobody verifies her identity: missed, and escalated to the supervisor, at its deadline.
    await env.sleep(identityDue - (await env.currentTimeMs()) + 5 * MINUTE);
    expect(of<CaseEscalated>(await harness.store.readStream(caseId), 'CaseEscalated', 'identity_verification').map((e) => e.level)).toEqual([1]);

    // She asks for time to decide.
    const paused = await send(handle, command('PauseClock', { reason: 'survivor_deciding' }));
    const pausedAt = Date.parse(paused.pause!.since);
    expect(paused.openItems.find((i) => i.item === 'police_report')?.dueAt).toBe(police.dueAt);

    // Through the pause: the police report lapses at its own deadline, and both ladders climb at their times.
    const level2 = identityDue + ladder.level2AfterLevel1Hours.critical * HOUR;
    const level3 = level2 + ladder.level3AfterLevel2Hours.critical * HOUR;
    await env.sleep(level3 - (await env.currentTimeMs()) + 5 * MINUTE);
    let events = await harness.store.readStream(caseId);
    expect(events.filter((e) => e.type === 'ClockResumed')).toEqual([]); // still paused
    expect(of<DeadlineMissed>(events, 'DeadlineMissed', 'police_report')).toEqual([expect.objectContaining({ dueAt: new Date(policeDue).toISOString() })]);
    const policeRungs = of<CaseEscalated>(events, 'CaseEscalated', 'police_report');
    expect(policeRungs.map((r) => [r.level, r.scheduledAt])).toEqual([
      [1, new Date(policeDue).toISOString()],
      [2, new Date(policeDue + ladder.level2AfterLevel1Hours.critical * HOUR).toISOString()],
    ]);
    const identityRungs = of<CaseEscalated>(events, 'CaseEscalated', 'identity_verification');
    expect(identityRungs.map((r) => [r.level, r.scheduledAt, r.recipient.role])).toEqual([
      [1, new Date(identityDue).toISOString(), 'supervisor'],
      [2, new Date(level2).toISOString(), 'hq_duty_officer'],
      [3, new Date(level3).toISOString(), 'head_of_mission'],
    ]);
    for (const rung of [...policeRungs, ...identityRungs]) {
      expect(Date.parse(rung.at) - Date.parse(rung.scheduledAt)).toBeLessThan(MINUTE); // raised on time, pause or not
      if (rung.level > 1) expect(Date.parse(rung.at)).toBeGreaterThan(pausedAt);
    }
    const notices = await harness.notifications.waitFor(caseId, (n) => n.filter((x) => x.type === 'CaseEscalated').length >= 5);
    expect(notices.filter((n) => n.type === 'CaseEscalated')).toHaveLength(5);

    // Resuming moves neither: nothing that waits on her was running.
    const resumed = await send(handle, command('ResumeClock', { reason: 'survivor_decided' }));
    expect(resumed.openItems.find((i) => i.item === 'police_report')?.dueAt).toBe(police.dueAt);
    expect(resumed.clocks.find((c) => c.item === 'police_report')?.pausedMs).toBe(0);
    events = await harness.store.readStream(caseId);
    expect((events.find((e) => e.type === 'ClockResumed')!.data as ClockResumed['data']).shifts).toEqual([]);
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    await recordHistory(handle, 'pause-runs-on');
  });
});
