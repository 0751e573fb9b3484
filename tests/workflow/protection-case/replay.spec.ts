// Determinism guard: the recorded history of every scenario replays against today's workflow code. A change
// that would make a running case take another path (a new activity, a reordered timer) fails here.
// Re-record with BAOHO_RECORD_HISTORIES=1 after a deliberate, patched() change of the workflow.
import { existsSync } from 'node:fs';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { WORKFLOWS_SOURCE } from '../../support/case-worker';
import { historyPath, loadHistory } from '../../support/record-history';
import { sourceBundlerOptions } from '../../support/temporal';

const SCENARIOS = ['whole-procedure', 'escalation-ladder', 'pause-and-clinical-window', 'consent', 'worker-replaced', 'reopen', 'reopen-resumed', 'pause-runs-on', 'consent-over-time', 'intake-correction', 'protocol-migration'];

const options: ReplayWorkerOptions = { workflowsPath: WORKFLOWS_SOURCE, bundlerOptions: sourceBundlerOptions };

const load = loadHistory;

describe('the protection-case workflow, replayed', () => {
  it('has a recorded history for every scenario', () => {
    expect(SCENARIOS.filter((s) => !existsSync(historyPath(s)))).toEqual([]);
  });

  it('replays every recorded scenario without a determinism violation', async () => {
    const histories = SCENARIOS.map((scenario) => ({ workflowId: scenario, history: load(scenario) }));
    const failed: { workflowId: string; error: unknown }[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories(options, histories)) {
      replayed++;
      if (result.error) failed.push({ workflowId: result.workflowId, error: result.error });
    }
    expect(failed).toEqual([]);
    expect(replayed).toBe(SCENARIOS.length);
  });

  it('notices when the code and the history disagree', async () => {
    // The same history with its first append recorded as another activity: what a changed workflow would meet.
    const history = load('whole-procedure');
    const scheduled = history.events!.find((e) => e.activityTaskScheduledEventAttributes)!;
    scheduled.activityTaskScheduledEventAttributes!.activityType = { name: 'somethingElse' };
    await expect(Worker.runReplayHistory(options, history)).rejects.toThrow(/[Nn]ondeterminism|[Dd]eterminism/);
  });
});
