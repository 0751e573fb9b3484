import type { CaseNotice } from '@baoho/workflows';
// The whole procedure of a walk-in case, from intake to an approved closure, over five simulated weeks.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { caseVersionQuery } from '@baoho/workflows';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, DAY, supervisor, walkInReport } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

describe('a protection case, the whole procedure', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('whole-procedure', (world) => ({ env, harness } = world));

  it('goes from intake to an approved closure, each fact appended once, in a few seconds', async () => {
    const started = Date.now();
    const report = walkInReport(await env.currentTimeMs());
    const { caseId } = report;
    const { handle, view: opened } = await openCase(env.client, harness.taskQueue, report);
    expect(opened).toMatchObject({ status: 'open', risk: 'standard', stage: 'intake' });

    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    const reached = await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }));
    expect(reached.openItems.map((i) => i.item).sort()).toEqual(['assessment', 'identity_verification']);

    await send(handle, command('GiveConsent', { category: 'family', method: 'spoken' }));
    const assessed = await send(
      handle,
      command('SubmitAssessment', {
        needs: { safety: true, medical: false, shelter: false, legal: true, psychosocial: true },
        wish: 'return',
        familyIsRiskSource: false,
        safetyPlanAgreed: true,
      }),
    );
    expect(assessed.stage).toBe('action_plan');
    const verified = await send(handle, command('RecordIdentityVerification', { outcome: { kind: 'documents_seen', document: 'passport' } }));
    expect(verified.identity).toBe('documents_seen');

    const tasks = ['emergency_travel_document', 'flight_booking', 'family_notification'] as const;
    const planned = await send(handle, command('AgreeActionPlan', { goal: 'return', tasks: [...tasks] }));
    expect(planned.stage).toBe('implementation');
    expect(planned.waitingForConsent).toEqual([]); // family consent is in force: its task runs at once
    for (const task of tasks) {
      await send(handle, command('StartTask', { task }));
      await send(handle, command('CompleteTask', { task }));
    }
    const implemented = await send(handle, command('CompleteStep', { step: 'implementation' }));
    expect(implemented.stage).toBe('follow_up');
    expect(implemented.openItems.map((i) => i.item)).toEqual(['follow_up_day_7', 'follow_up_day_30']);

    await env.sleep(7 * DAY + 60_000);
    await send(handle, command('RecordFollowUp', { step: 'follow_up_day_7', outcome: 'reached' }));
    await env.sleep(23 * DAY);
    const followedUp = await send(handle, command('RecordFollowUp', { step: 'follow_up_day_30', outcome: 'reached' }));
    expect(followedUp.openItems).toEqual([]);
    const followUps = (notices: CaseNotice[]) => notices.filter((n) => n.type === 'FollowUpDue');
    const dueNotices = followUps(await harness.notifications.waitFor(caseId, (notices) => followUps(notices).length >= 2));
    expect(dueNotices.map((n) => n.data.item)).toEqual([
      'follow_up_day_7',
      'follow_up_day_30',
    ]);

    const requested = await send(handle, command('RequestClosure', { reason: 'needs_met' }));
    expect(requested.status).toBe('closure_requested');
    const closed = await send(handle, command('ApproveClosure', { actor: supervisor }));
    expect(closed).toMatchObject({ status: 'closed', closed: { reason: 'needs_met' } });
    // Five simulated weeks passed between opening and closing.
    expect(Date.parse(closed.closed!.at) - Date.parse(closed.openedAt)).toBeGreaterThan(30 * DAY);

    const events = await harness.store.readStream(caseId);
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(events[0]!.type).toBe('CaseOpened');
    expect(events.at(-1)).toMatchObject({ type: 'CaseClosed', metadata: { actor: 'sup-1', cause: 'ApproveClosure' } });
    expect(events.filter((e) => e.type === 'StepCompleted').map((e) => (e.data as { step: string }).step)).toEqual([
      'first_contact',
      'assessment',
      'identity_verification',
      'action_plan',
      'implementation',
      'follow_up_day_7',
      'follow_up_day_30',
    ]);
    expect(await handle.query(caseVersionQuery)).toBe(events.length);

    expect(Date.now() - started).toBeLessThan(15_000);
    await recordHistory(handle, 'whole-procedure');
  });
});
