// The floor for the case workflow: a workflow that does nothing but answer one no-op update and then wait
// forever, bundled alone and served by its own worker. Whatever it costs to start or update, Temporal costs.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const BARE_WORKFLOW = 'bareWorkflow';

/** Takes the same payload our update would (so both pay the same serialisation) and ignores it. */
export const bareUpdate = defineUpdate<null, [unknown]>('bareNoop');

export async function bareWorkflow(): Promise<void> {
  setHandler(bareUpdate, () => null);
  await condition(() => false);
}
