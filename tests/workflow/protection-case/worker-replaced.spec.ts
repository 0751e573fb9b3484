// A worker shut down in the middle of a case, with its timer pending, and a new one in its place: the case
// goes on where it stood (the timer fires, commands are taken), with every fact in the log exactly once.
//
// This runs on the dev server, in real time: a real server hands a stopped worker's sticky tasks back to the
// shared queue (ShutdownWorker); the time-skipping test server does not (nor ResetStickyTaskQueue), and would
// hold the case's next task on the dead worker's queue for good. The report is dated so that the first-contact
// deadline (1 h for a critical case, counted from the report) falls a few seconds after the worker is replaced.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { StoredEvent } from '@baoho/event-store';
import { caseVersionQuery } from '@baoho/workflows';
import { createCaseWorkerHarness, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, HOUR, hotlineReport, supervisor } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';
import { connectToDevServer } from '../../support/temporal';

const DEADLINE_IN_MS = 6_000;

describe('a protection case, its worker replaced', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  beforeAll(async () => {
    env = await connectToDevServer();
    harness = await createCaseWorkerHarness(env, 'worker-replaced');
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await harness?.close();
    await env?.teardown();
  });

  const startWorker = async (): Promise<void> => {
    worker = await harness.createWorker();
    running = worker.run();
  };

  const stopWorker = async (): Promise<void> => {
    worker!.shutdown();
    await running;
    expect(worker!.getState()).toBe('STOPPED');
    worker = undefined;
    running = undefined;
  };

  const waitForLog = async (caseId: string, done: (events: StoredEvent[]) => boolean): Promise<StoredEvent[]> => {
    for (let waited = 0; waited < 20_000; waited += 200) {
      const events = await harness.store.readStream(caseId);
      if (done(events)) return events;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the case log did not reach the expected state in 20 s');
  };

  it('fires its pending timer and takes commands on the new worker, with no duplicate or missing event', async () => {
    await startWorker();
    // Critical (immediate danger), no clinical window: first contact due 1 h after the report.
    const report = hotlineReport(Date.now() - HOUR + DEADLINE_IN_MS, { incidentAt: null });
    const { caseId } = report;
    const { handle, view } = await openCase(env.client, harness.taskQueue, report);
    expect(view.risk).toBe('critical');
    const dueAt = view.openItems.find((i) => i.item === 'first_contact')!.dueAt;
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    // The reminder (at 75 %) was already due: the clock raised it at once. The deadline's timer is pending.
    const before = await waitForLog(caseId, (events) => events.some((e) => e.type === 'ReminderDue'));
    expect(before.some((e) => e.type === 'DeadlineMissed')).toBe(false);

    await stopWorker();
    await startWorker();

    const contacted = await send(handle, command('RecordContact', { channel: 'phone', outcome: 'unreachable' }));
    expect(contacted.openItems.map((i) => i.item)).toEqual(['first_contact']);
    const events = await waitForLog(caseId, (log) => log.some((e) => e.type === 'CaseEscalated'));
    expect(events.slice(0, before.length)).toEqual(before);
    expect(events.slice(before.length).map((e) => e.type)).toEqual(['ContactRecorded', 'DeadlineMissed', 'CaseEscalated']);
    expect(events.at(-1)?.data).toMatchObject({ item: 'first_contact', level: 1, scheduledAt: dueAt });
    // Notices go out after the append, in their own activity.
    await waitForLog(caseId, () => harness.notifications.notices.length >= 2);
    expect(harness.notifications.notices.map((n) => n.type)).toEqual(['ReminderDue', 'CaseEscalated']);

    // And once more, after the timer fired: the case still takes commands.
    await stopWorker();
    await startWorker();
    const reached = await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached' }));
    expect(reached.stage).toBe('assessment');

    const all = await harness.store.readStream(caseId);
    expect(all.map((e) => e.streamVersion)).toEqual(all.map((_, i) => i + 1));
    expect(all.map((e) => e.eventId)).toEqual(all.map((_, i) => `${caseId}:${i + 1}`));
    expect(new Set(all.map((e) => e.eventId)).size).toBe(all.length);
    expect(all.filter((e) => e.type === 'ReminderDue' || e.type === 'CaseEscalated')).toHaveLength(2);
    expect(await handle.query(caseVersionQuery)).toBe(all.length);
    await recordHistory(handle, 'worker-replaced');
    await handle.terminate('test over'); // the dev server is shared: leave no case running
  });
});
