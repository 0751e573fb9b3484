// A case whose opening the Temporal server lost: it had kept the workflow's start (update-with-start) but not the
// opening update, whose append had already reached the log (the server was killed in between; seen in the fault
// suite). The run that comes back has no case in its state. The log is the record: the first command sent to it
// catches up with the log and is taken, and a case nobody writes to looks in the log by itself, so its clocks
// (here the first-contact deadline) still fire.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { caseWorkflowId, PROTECTION_CASE_WORKFLOW, type protectionCase } from '@baoho/workflows';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send, type CaseHandle } from '../../support/case-client';
import { command, HOUR, hotlineReport, supervisor } from '../../support/case-commands';

describe('a protection case whose opening the server lost', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('lost-opening', (world) => ({ env, harness } = world));

  /** Opens a case (its opening in the log), then puts in its place a run that never saw the opening. */
  const openedThenLost = async (): Promise<{ caseId: string; handle: CaseHandle; logged: number }> => {
    const report = hotlineReport(Date.now());
    const { handle } = await openCase(env.client, harness.taskQueue, report);
    const logged = (await harness.store.readStream(report.caseId)).length;
    await handle.terminate('the server lost this run');
    const fresh = await env.client.workflow.start<typeof protectionCase>(PROTECTION_CASE_WORKFLOW, {
      workflowId: caseWorkflowId(report.caseId),
      taskQueue: harness.taskQueue,
      args: [{ caseId: report.caseId }],
    });
    return { caseId: report.caseId, handle: fresh, logged };
  };

  it('takes the next command after catching up with the log, recording nothing twice', async () => {
    const { caseId, handle, logged } = await openedThenLost();
    const view = await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    expect(view).toMatchObject({ caseId, status: 'open', assignee: 'cw-1' });
    const events = await harness.store.readStream(caseId);
    expect(events).toHaveLength(logged + 1);
    expect(events.filter((e) => e.type === 'CaseOpened')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'CaseworkerAssigned' });
  });

  it('runs its clocks again with no command at all: the missed first contact still escalates', async () => {
    const { caseId, logged } = await openedThenLost();
    await env.sleep(2 * HOUR);
    const events = await harness.store.readStream(caseId);
    expect(events.length).toBeGreaterThan(logged);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['DeadlineMissed', 'CaseEscalated']));
    expect(events.filter((e) => e.type === 'CaseOpened')).toHaveLength(1);
  });
});
