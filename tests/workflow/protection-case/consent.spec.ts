// Consent through the workflow: a refusal keeps actions towards the recipient from happening (the update is
// rejected with the domain's code and nothing is appended); an exception proceeds and tells the supervisor;
// a withdrawal cancels what is pending. Also: refusals and concurrent updates in general.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { caseVersionQuery, caseViewQuery } from '@baoho/workflows';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send, type CaseHandle } from '../../support/case-client';
import { command, supervisor, walkInReport } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

/** The failure type of the update's rejection (fails the test if the update was accepted). */
const rejection = async (sent: Promise<unknown>): Promise<string | undefined> => {
  const error: unknown = await sent.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return (cause as ApplicationFailure).type ?? undefined;
};

describe('a protection case, consent', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('consent', (world) => ({ env, harness } = world));

  /** A walk-in, assigned, reached and assessed: waiting for its action plan. */
  const assessedCase = async (): Promise<{ caseId: string; handle: CaseHandle }> => {
    const report = walkInReport(await env.currentTimeMs());
    const { handle } = await openCase(env.client, harness.taskQueue, report);
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached' }));
    await send(
      handle,
      command('SubmitAssessment', {
        needs: { safety: true, medical: false, shelter: false, legal: true, psychosocial: true },
        wish: 'stay',
        familyIsRiskSource: false,
        safetyPlanAgreed: true,
      }),
    );
    return { caseId: report.caseId, handle };
  };

  it('never acts towards the family without consent, proceeds under an exception, and cancels on withdrawal', async () => {
    const { caseId, handle } = await assessedCase();
    await send(handle, command('RefuseConsent', { category: 'family', method: 'spoken' }));
    await send(handle, command('GiveConsent', { category: 'host_police', method: 'written' }));
    const planned = await send(handle, command('AgreeActionPlan', { goal: 'stay', tasks: ['family_notification', 'police_report'] }));
    expect(planned.consent.family.status).toBe('refused');
    expect(planned.waitingForConsent).toEqual([expect.objectContaining({ item: 'family_notification', consentCategory: 'family' })]);

    // Acting towards the family is refused by the update's validator, before anything is recorded.
    const before = (await harness.store.readStream(caseId)).length;
    expect(await rejection(send(handle, command('StartTask', { task: 'family_notification' })))).toBe('CONSENT_REQUIRED');
    expect(await rejection(send(handle, command('CompleteTask', { task: 'family_notification' })))).toBe('CONSENT_REQUIRED');
    expect(await harness.store.readStream(caseId)).toHaveLength(before);
    const history = await handle.fetchHistory();
    expect(history.events?.filter((e) => e.workflowExecutionUpdateRejectedEventAttributes)).toEqual([]); // rejected updates leave no trace
    let events = await harness.store.readStream(caseId);
    expect(events.filter((e) => (e.data as { task?: string }).task === 'family_notification').map((e) => e.type)).toEqual(['TaskBlockedOnConsent']);
    expect(harness.notifications.notices.filter((n) => n.caseId === caseId)).toEqual([]);

    // An exception, with its reason, lets the work go ahead and notifies the supervisor at once.
    const excepted = await send(
      handle,
      command('RecordConsentException', { category: 'family', ground: 'minor_protection', reason: 'Her child is with the family' }),
    );
    expect(excepted.consent.family).toMatchObject({ status: 'refused', exception: 'minor_protection' });
    expect(excepted.waitingForConsent).toEqual([]);
    events = await harness.store.readStream(caseId);
    const notified = events.find((e) => e.type === 'SupervisorNotified')!;
    expect(notified.data).toMatchObject({ subject: 'consent_exception', category: 'family', ground: 'minor_protection', recipient: { role: 'supervisor' } });
    expect(events.find((e) => e.type === 'ConsentExceptionRecorded')?.personal).toEqual({ reason: 'Her child is with the family' });
    expect(await harness.notifications.waitFor(caseId, (notices) => notices.length > 0)).toEqual([
      expect.objectContaining({ type: 'SupervisorNotified', eventId: notified.eventId }),
    ]);
    const started = await send(handle, command('StartTask', { task: 'family_notification' }));
    expect(started.openItems.find((i) => i.item === 'family_notification')?.status).toBe('in_progress');

    // Withdrawing consent for the police cancels the police report that was pending.
    const before2 = (await harness.store.readStream(caseId)).length;
    const withdrawn = await send(handle, command('WithdrawConsent', { category: 'host_police', method: 'spoken' }));
    expect(withdrawn.clocks.find((c) => c.item === 'police_report')?.status).toBe('cancelled');
    events = await harness.store.readStream(caseId);
    expect(events.slice(before2).map((e) => [e.type, (e.data as { task?: string }).task])).toEqual([
      ['ConsentWithdrawn', undefined],
      ['TaskCancelled', 'police_report'],
    ]);
    expect(events.at(-1)?.data).toMatchObject({ reason: 'consent_withdrawn' });
    expect(await rejection(send(handle, command('StartTask', { task: 'police_report' })))).toBe('TASK_NOT_OPEN');

    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    await recordHistory(handle, 'consent');
  });

  it('rejects invalid commands with the domain code, and applies concurrent updates one after the other', async () => {
    const { caseId, handle } = await assessedCase();
    const before = await harness.store.readStream(caseId);

    expect(await rejection(send(handle, command('ApproveClosure', { actor: supervisor })))).toBe('CLOSURE_NOT_REQUESTED');
    expect(await rejection(send(handle, command('AssignCaseworker', { caseworkerId: 'cw-2' })))).toBe('FORBIDDEN_ROLE');
    expect(await rejection(send(handle, command('PauseClock', { reason: 'awaiting_employer' })))).toBe('PAUSE_NOT_ALLOWED');
    expect(await harness.store.readStream(caseId)).toHaveLength(before.length);

    // Two people act at once: both commands are decided, appended and folded, one after the other.
    const [first, second] = await Promise.all([
      send(handle, command('GiveConsent', { category: 'shelter', method: 'spoken' })),
      send(handle, command('AgreeActionPlan', { goal: 'stay', tasks: ['shelter_placement'] })),
    ]);
    const events = await harness.store.readStream(caseId);
    const added = events.slice(before.length);
    expect(added.map((e) => e.metadata.cause)).toEqual(expect.arrayContaining(['GiveConsent', 'AgreeActionPlan']));
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    // Whatever the order, the case ends with both facts: consent in force, and the shelter placement running.
    const view = await handle.query(caseVersionQuery).then(async (version) => {
      expect(version).toBe(events.length);
      return handle.query(caseViewQuery);
    });
    expect(view?.consent.shelter.status).toBe('given');
    expect(view?.openItems.map((i) => i.item)).toContain('shelter_placement');
    expect([first.stage, second.stage]).toContain('implementation');
  });
});
