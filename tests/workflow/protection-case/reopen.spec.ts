// A closed case reopened: its whole history is kept, the view still shows what happened before, and work
// goes on from there.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, DAY, HOUR, MINUTE, supervisor, walkInReport } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

describe('a protection case, reopened', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('reopen', (world) => ({ env, harness } = world));

  it('keeps its history after closure, and takes new commands', async () => {
    const report = walkInReport(await env.currentTimeMs());
    const { caseId } = report;
    const { handle, view: opened } = await openCase(env.client, harness.taskQueue, report);
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached' }));
    await send(handle, command('GiveConsent', { category: 'medical', method: 'written' }));
    await send(handle, command('RequestClosure', { reason: 'survivor_wish' }));
    const closed = await send(handle, command('ApproveClosure', { actor: supervisor }));
    expect(closed).toMatchObject({ status: 'closed', openItems: [] });
    const history = await harness.store.readStream(caseId);

    // A closed case refuses work, and its clocks are silent, until it is reopened.
    await expect(send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached' }))).rejects.toThrow();
    await env.sleep(10 * DAY);
    expect(await harness.store.readStream(caseId)).toEqual(history);

    const reopened = await send(handle, command('ReopenCase', { note: 'She called again' }));
    // Work resumes at the step open when it closed (assessment, the earliest of the two), with a fresh deadline.
    expect(reopened.openItems.map((i) => i.item)).toEqual(['assessment']);
    expect(reopened).toMatchObject({
      status: 'open',
      stage: 'assessment',
      caseId,
      openedAt: opened.openedAt,
      assignee: 'cw-1',
      consent: { medical: { status: 'given', method: 'written' } },
    });
    expect(reopened.closed).toBeUndefined();
    expect(reopened.clocks.find((c) => c.item === 'first_contact')?.status).toBe('done');

    // New work after reopening.
    await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }));
    const consented = await send(handle, command('GiveConsent', { category: 'shelter', method: 'spoken' }));
    expect(consented.consent).toMatchObject({ medical: { status: 'given' }, shelter: { status: 'given' } });

    const events = await harness.store.readStream(caseId);
    expect(events.slice(0, history.length)).toEqual(history);
    expect(events.slice(history.length).map((e) => e.type)).toEqual(['CaseReopened', 'StepOpened', 'ContactRecorded', 'ConsentGiven']);
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['CaseOpened', 'CaseworkerAssigned', 'CaseClosed']));
    await recordHistory(handle, 'reopen');
  });

  it('resumes the step the supervisor names: left, it escalates; worked, the case reaches closure again', async () => {
    const report = walkInReport(await env.currentTimeMs());
    const { caseId } = report;
    const { handle } = await openCase(env.client, harness.taskQueue, report);
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached' }));
    await send(handle, command('RequestClosure', { reason: 'survivor_wish' }));
    await send(handle, command('ApproveClosure', { actor: supervisor }));

    await env.sleep(3 * DAY);
    const reopened = await send(handle, command('ReopenCase', { actor: supervisor, step: 'assessment', note: 'She is back in Seoul' }));
    expect(reopened).toMatchObject({ status: 'open', stage: 'assessment' });
    const assessment = reopened.openItems.find((i) => i.item === 'assessment')!;
    const reopenedAt = Date.parse(assessment.openedAt);
    const dueAt = Date.parse(assessment.dueAt);
    // A fresh deadline under the case's pinned protocol (standard risk: 120 h), counted from the reopening.
    expect(dueAt - reopenedAt).toBe(120 * HOUR);

    // Nobody assesses her: reminded at 75 %, missed at the deadline, escalated to the supervisor.
    await env.sleep(dueAt - (await env.currentTimeMs()) + 5 * MINUTE);
    const afterReopening = (await harness.store.readStream(caseId)).filter((e) => Date.parse(e.occurredAt) >= reopenedAt);
    const about = (type: string) => afterReopening.filter((e) => e.type === type).map((e) => e.data as { item?: string; level?: number; scheduledAt?: string });
    expect(about('ReminderDue')).toEqual([expect.objectContaining({ item: 'assessment' })]);
    expect(about('DeadlineMissed')).toEqual([expect.objectContaining({ item: 'assessment', dueAt: new Date(dueAt).toISOString() })]);
    expect(about('CaseEscalated')).toEqual([expect.objectContaining({ item: 'assessment', level: 1, scheduledAt: new Date(dueAt).toISOString() })]);
    const escalated = await harness.notifications.waitFor(caseId, (notices) => notices.some((n) => n.type === 'CaseEscalated'));
    expect(escalated.filter((n) => n.type === 'CaseEscalated').map((n) => n.data.item)).toEqual(['assessment']);

    // Worked from there to closure: assessment, plan, its task, implementation, both follow-ups, approval.
    await send(handle, command('SubmitAssessment', {
      needs: { safety: true, medical: false, shelter: true, legal: false, psychosocial: true },
      wish: 'stay',
      familyIsRiskSource: false,
      safetyPlanAgreed: true,
    }));
    await send(handle, command('GiveConsent', { category: 'shelter', method: 'spoken' }));
    const planned = await send(handle, command('AgreeActionPlan', { goal: 'stay', tasks: ['shelter_placement'] }));
    expect(planned.openItems.map((i) => i.item).sort()).toEqual(['implementation', 'shelter_placement']);
    await send(handle, command('CompleteTask', { task: 'shelter_placement' }));
    await send(handle, command('CompleteStep', { step: 'implementation' }));
    await env.sleep(7 * DAY);
    await send(handle, command('RecordFollowUp', { step: 'follow_up_day_7', outcome: 'reached' }));
    await env.sleep(23 * DAY);
    await send(handle, command('RecordFollowUp', { step: 'follow_up_day_30', outcome: 'reached' }));
    await send(handle, command('RequestClosure', { reason: 'needs_met' }));
    const closedAgain = await send(handle, command('ApproveClosure', { actor: supervisor }));
    expect(closedAgain).toMatchObject({ status: 'closed', closed: { reason: 'needs_met' }, openItems: [] });
    const events = await harness.store.readStream(caseId);
    expect(events.filter((e) => e.type === 'CaseClosed')).toHaveLength(2);
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    await recordHistory(handle, 'reopen-resumed');
  });
});
