// Re-triage through the workflow: the clock follows the corrected case at once — a deadline recomputed for the
// corrected risk lapses at its new time and climbs the critical ladder, and a clinical window opened from a newly
// known incident time closes at its fixed end.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CaseEscalated, DeadlineMissed } from '@baoho/domain';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, HOUR, MINUTE, supervisor, walkInReport } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

describe('a protection case, its intake corrected', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('intake-correction', (world) => ({ env, harness } = world));

  it('runs the recomputed deadlines and the newly opened window on the workflow’s own clock', async () => {
    const report = walkInReport(await env.currentTimeMs());
    const { caseId } = report;
    const { handle } = await openCase(env.client, harness.taskQueue, report);
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    const reached = await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached' }));
    const assessment = reached.openItems.find((i) => i.item === 'assessment')!;
    expect(Date.parse(assessment.dueAt) - Date.parse(assessment.openedAt)).toBe(120 * HOUR); // standard

    await env.sleep(2 * HOUR);
    const now = await env.currentTimeMs();
    const corrected = await send(handle, command('CorrectIntake', {
      reason: 'She was raped by her employer two and a half days ago',
      risk: 'critical',
      gbvType: 'rape',
      incidentAt: new Date(now - 60 * HOUR).toISOString(),
    }));
    expect(corrected.risk).toBe('critical');
    const dueAt = Date.parse(corrected.openItems.find((i) => i.item === 'assessment')!.dueAt);
    expect(dueAt).toBe(Date.parse(assessment.openedAt) + 24 * HOUR); // critical, from when its clock started
    const pep = corrected.clinicalWindows.find((w) => w.window === 'hiv_pep')!;
    expect(pep).toMatchObject({ status: 'open' });
    const pepEndsAt = Date.parse(pep.endsAt);

    // The PEP window closes at its end (12 h after the correction).
    await env.sleep(pepEndsAt - (await env.currentTimeMs()) + 5 * MINUTE);
    let events = await harness.store.readStream(caseId);
    expect(events.filter((e) => e.type === 'ClinicalWindowClosed').map((e) => e.data)).toEqual([
      expect.objectContaining({ window: 'hiv_pep', endsAt: pep.endsAt }),
    ]);

    // The assessment lapses at its recomputed deadline, and climbs the critical ladder (level 2 one hour later).
    await env.sleep(dueAt + HOUR - (await env.currentTimeMs()) + 5 * MINUTE);
    events = await harness.store.readStream(caseId);
    const missed = events.filter((e) => e.type === 'DeadlineMissed').map((e) => e.data as DeadlineMissed['data']);
    expect(missed).toEqual(expect.arrayContaining([expect.objectContaining({ item: 'assessment', dueAt: new Date(dueAt).toISOString() })]));
    const rungs = events.filter((e) => e.type === 'CaseEscalated').map((e) => e.data as CaseEscalated['data']).filter((d) => d.item === 'assessment');
    expect(rungs.map((r) => [r.level, r.scheduledAt])).toEqual([
      [1, new Date(dueAt).toISOString()],
      [2, new Date(dueAt + HOUR).toISOString()],
    ]);
    expect(events.find((e) => e.type === 'IntakeCorrected')?.personal).toEqual({ reason: 'She was raped by her employer two and a half days ago' });
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    await recordHistory(handle, 'intake-correction');
  });
});
