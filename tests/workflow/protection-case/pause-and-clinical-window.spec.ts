// A pause for the survivor stops the procedural clocks that wait on her, never a clinical window, and the case is
// not called inactive meanwhile; the view says how long each clock has run and how long it stood still.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROTOCOL_2026_1, type CaseView } from '@baoho/domain';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, HOUR, hotlineReport, MINUTE, supervisor } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

/** The workflow time a view was taken at (its windows' remaining time counts from it). */
const viewTime = (view: CaseView): number => Date.parse(view.clinicalWindows[0]!.endsAt) - view.clinicalWindows[0]!.remainingMs;

describe('a protection case, a paused clock and a clinical window', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('pause-window', (world) => ({ env, harness } = world));

  it('stops the assessment while she decides, but closes the HIV PEP window 72 h after the incident', async () => {
    // Sexual assault 7 h before the report, no immediate danger: high risk; once she is reached, assessment and
    // identity verification are due in 48 h, both waiting on her.
    const report = hotlineReport(await env.currentTimeMs(), { immediateDanger: false });
    const { caseId } = report;
    const incidentAt = Date.parse(report.incidentAt!);
    const { handle, view } = await openCase(env.client, harness.taskQueue, report);
    expect(view.risk).toBe('high');
    const pepEndsAt = incidentAt + PROTOCOL_2026_1.clinicalWindows.hiv_pep.hoursFromIncident * HOUR;
    expect(view.clinicalWindows.find((w) => w.window === 'hiv_pep')?.endsAt).toBe(new Date(pepEndsAt).toISOString());

    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    const reached = await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }));
    const dueBefore = Date.parse(reached.openItems.find((i) => i.item === 'assessment')!.dueAt);
    const paused = await send(handle, command('PauseClock', { reason: 'survivor_deciding' }));
    expect(paused.pause).toMatchObject({ reason: 'survivor_deciding' });
    const pausedAt = Date.parse(paused.pause!.since);

    // Past the assessment's deadline, past the 48 h of inactivity of a high-risk case, and past the end of the PEP window.
    await env.sleep(pepEndsAt - (await env.currentTimeMs()) + HOUR);
    let events = await harness.store.readStream(caseId);
    const types = events.map((e) => e.type);
    expect(types).not.toContain('ReminderDue');
    expect(types).not.toContain('DeadlineMissed');
    expect(types).not.toContain('CaseEscalated');
    expect(types).not.toContain('CaseBecameStuck');
    const closed = events.filter((e) => e.type === 'ClinicalWindowClosed');
    expect(closed.map((e) => e.data)).toEqual([expect.objectContaining({ window: 'hiv_pep', endsAt: new Date(pepEndsAt).toISOString() })]);
    const closedLate = Date.parse((closed[0]!.data as { at: string }).at) - pepEndsAt;
    expect(closedLate).toBeGreaterThanOrEqual(0);
    expect(closedLate).toBeLessThan(MINUTE);

    // The view: the assessment ran only until the pause, and stood still ever since.
    const note = await send(handle, command('AddNote', { text: 'She is still deciding' }));
    const now = viewTime(note);
    const clock = note.clocks.find((c) => c.item === 'assessment')!;
    expect(clock.status).toBe('open');
    expect(clock.elapsedMs).toBe(pausedAt - Date.parse(clock.openedAt));
    expect(clock.pausedMs).toBe(now - pausedAt);
    expect(clock.pausedMs).toBeGreaterThan(pepEndsAt - pausedAt);
    expect(Date.parse(clock.dueAt)).toBe(dueBefore + clock.pausedMs);
    expect(note.clinicalWindows.find((w) => w.window === 'hiv_pep')?.status).not.toBe('open');

    // Resuming moves the deadline by the pause, and the clock runs again: it lapses at its shifted time.
    const resumed = await send(handle, command('ResumeClock', { reason: 'survivor_decided' }));
    expect(resumed.pause).toBeUndefined();
    const shiftedDue = Date.parse(resumed.clocks.find((c) => c.item === 'assessment')!.dueAt);
    expect(shiftedDue).toBeGreaterThan(pepEndsAt);
    await env.sleep(shiftedDue - (await env.currentTimeMs()) + 5 * MINUTE);
    events = await harness.store.readStream(caseId);
    const pause = events.find((e) => e.type === 'ClockResumed')!.data as { pausedAt: string; pausedMs: number };
    expect(pause.pausedAt).toBe(new Date(pausedAt).toISOString());
    expect(events.find((e) => e.type === 'DeadlineMissed')?.data).toMatchObject({ item: 'assessment', dueAt: new Date(shiftedDue).toISOString() });

    // Afterwards the view keeps both: the whole pause, and a running time that excludes it.
    const after = await send(handle, command('AddNote', { text: 'Called again' }));
    const ran = after.clocks.find((c) => c.item === 'assessment')!;
    expect(ran.pausedMs).toBe(pause.pausedMs);
    expect(ran.elapsedMs).toBe(viewTime(after) - Date.parse(ran.openedAt) - pause.pausedMs);
    expect(ran.elapsedMs).toBeGreaterThan(dueBefore - Date.parse(ran.openedAt)); // its whole deadline, pause not counted
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    await recordHistory(handle, 'pause-and-clinical-window');
  });
});
