import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, HOUR, hotlineReport, supervisor } from '../../support/case-commands';
import { CASE_SEARCH_ATTRIBUTES } from '@baoho/workflows';

describe('a protection case workflow, first steps', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('first-steps', (world) => ({ env, harness } = world));

  it('opens a case, takes commands, and appends each fact once with deterministic ids', async () => {
    const now = Date.now();
    const report = hotlineReport(now);
    const { handle, view } = await openCase(env.client, harness.taskQueue, report);
    expect(view).toMatchObject({ caseId: report.caseId, status: 'open', risk: 'critical', stage: 'intake' });

    const assigned = await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    expect(assigned.assignee).toBe('cw-1');

    const events = await harness.store.readStream(report.caseId);
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${report.caseId}:${i + 1}`));
    expect(events[0]).toMatchObject({ type: 'CaseOpened' });
    expect(events.at(-1)).toMatchObject({ type: 'CaseworkerAssigned', metadata: { actor: 'sup-1', cause: 'AssignCaseworker' } });

    await env.sleep(2 * HOUR);
    const after = await harness.store.readStream(report.caseId);
    expect(after.map((e) => e.type)).toEqual(expect.arrayContaining(['ReminderDue', 'DeadlineMissed', 'CaseEscalated']));
    const noticed = await harness.notifications.waitFor(report.caseId, (notices) => notices.some((n) => n.type === 'CaseEscalated'));
    expect(noticed.map((n) => n.type)).toEqual(expect.arrayContaining(['ReminderDue', 'CaseEscalated']));

    // Visibility follows the ladder, so supervisors can list escalated cases without the database.
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(CASE_SEARCH_ATTRIBUTES.escalationLevel)).toBeGreaterThanOrEqual(1);
    expect(described.typedSearchAttributes.get(CASE_SEARCH_ATTRIBUTES.mission)).toBe('KR-SEL');
  });
});
