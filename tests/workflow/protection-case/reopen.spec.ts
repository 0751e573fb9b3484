// A closed case reopened: its whole history is kept, the view still shows what happened before, and work
// goes on from there.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, DAY, supervisor, walkInReport } from '../../support/case-commands';
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
    expect(events.slice(history.length).map((e) => e.type)).toEqual(['CaseReopened', 'ContactRecorded', 'ConsentGiven']);
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['CaseOpened', 'CaseworkerAssigned', 'CaseClosed']));
    await recordHistory(handle, 'reopen');
  });
});
