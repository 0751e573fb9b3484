// One protection case, from intake to closure and beyond (a closed case can be reopened). The workflow is the
// case's only writer (invariant 2): people's commands arrive as updates, the clock's as its own timer, and each
// is decided by the domain, appended through an activity at the expected version, then folded into the state.
// Everything here is deterministic: time is workflow time, ids derive from the stream version.
import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  caseView,
  decide,
  evolve,
  initialState,
  nextWakeUp,
  upcast,
  validate,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type CaseView,
} from '@baoho/domain';
import type { CaseActivities, CaseNotice } from './activity-ports';
import { NON_RETRYABLE_APPEND_FAILURES } from './activity-ports';
import { caseCommandUpdate, caseVersionQuery, caseViewQuery, type ProtectionCaseInput } from './definitions';
import { asFailure } from './domain-failure';
import { noticesIn, toAppend } from './recording';
import { searchAttributeChanges, searchValuesOf, type CaseSearchValues } from './search-attributes';
import { OneAtATime } from './one-at-a-time';

// Appends run as local activities: in the worker that holds the case, inside the same workflow task, so a
// command costs one round trip to the server instead of three (an append is idempotent by event id, so a local
// activity's re-run after a crash is safe). They retry for as long as PostgreSQL is away (nothing is lost, the
// case waits; past the local threshold the SDK waits on server timers); business errors never retry.
const store = proxyLocalActivities<Pick<CaseActivities, 'appendCaseEvents' | 'readCaseLog'>>({
  startToCloseTimeout: '30s',
  localRetryThreshold: '10s',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    nonRetryableErrorTypes: [...NON_RETRYABLE_APPEND_FAILURES],
  },
});

/** A local activity's failure reaches the workflow as the ApplicationFailure itself or wrapped in an ActivityFailure. */
const isVersionConflict = (error: unknown): boolean => {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  return failure instanceof ApplicationFailure && failure.type === 'VERSION_CONFLICT';
};

const notifications = proxyActivities<Pick<CaseActivities, 'deliverNotices'>>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '5m' },
});

/**
 * If the clock's check yields nothing while its wake-up time has passed, the rules and `nextWakeUp` disagree;
 * rather than spin, the workflow looks again after this long (and logs it, because it is a bug).
 */
const STALLED_CLOCK_RETRY_MS = 60_000;

/**
 * A run started by update-with-start whose opening never shows (the Temporal server was killed after it had
 * kept the start but before it kept the opening update, whose append had already reached the log): after this
 * long it looks in the log, so the case's clocks run again even if no person ever sends it a command.
 */
const LOST_OPENING_CHECK_MS = 2 * 60_000;

export async function protectionCase(input: ProtectionCaseInput): Promise<void> {
  const { caseId } = input;
  let state: CaseState = input.carried?.state ?? initialState();
  let version = input.carried?.version ?? 0;
  let visible: CaseSearchValues | undefined;
  let changed = false;
  /** Notices recorded but not yet handed to the port: delivered in the background, carried over continue-as-new. */
  const outbox: CaseNotice[] = [...(input.carried?.outbox ?? [])];
  /** Set when a clock check found nothing due (a bug): the next check waits until then instead of spinning. */
  let notBefore = 0;
  const queue = new OneAtATime();
  /** Whether an opening command has come to this run (the check for a lost opening is for runs without one). */
  let openingReceived = false;
  /** Commands found already in the log when catching up with it: recorded once, never decided again. */
  const loggedCommands = new Set<string>();

  /** True while a run started from the log folds it: no command can be judged on a state not loaded yet. */
  let foldingLog = input.fromLog === true && !input.carried;
  const foldLog = async (): Promise<void> => {
    const logged = await store.readCaseLog(caseId);
    for (const raw of logged.events) state = evolve(state, upcast(raw as Parameters<typeof upcast>[0]) as CaseEvent);
    version = logged.events.length;
    foldingLog = false;
  };
  // Queued first and not awaited here, so the handlers below are registered in this same first task: the command
  // that started this run (update-with-start, when the API brings back a lost case) waits in the queue for the
  // fold instead of finding no handler.
  const folded = foldingLog ? queue.run(foldLog) : Promise.resolve();

  const viewNow = (): CaseView | undefined => caseView(state, Date.now());

  /** Decides, appends, folds. Returns the view after. Runs inside the queue only. */
  const execute = async (command: CaseCommand): Promise<CaseView | undefined> => {
    // a command for a case this run never saw opened: its opening may be in the log though this history lost it
    if (state.status === 'none' && command.type !== 'OpenCase' && command.type !== 'CheckClocks') await catchUpWithLog();
    for (;;) {
      if (command.type !== 'CheckClocks' && loggedCommands.has(command.commandId)) return viewNow();
      let events: CaseEvent[];
      try {
        events = decide(state, command, Date.now());
      } catch (error) {
        throw asFailure(error);
      }
      if (events.length === 0 || (await record(command, events))) return viewNow();
      // the log was ahead of this workflow and it has caught up: decide again on what the log says
    }
  };

  /**
   * Appends and folds; false when the log had moved past this workflow's version (VERSION_CONFLICT), after
   * catching up with it. That happens when the Temporal server lost the workflow's last task after its append
   * committed (the server was killed): the log, not the history, is the record, so the workflow folds what the
   * log holds beyond its version and remembers the commands it finds there, so a client's retry of one of them
   * is answered without recording it twice.
   */
  const record = async (command: CaseCommand, events: readonly CaseEvent[]): Promise<boolean> => {
    const appended = toAppend(caseId, version, command, events);
    try {
      await store.appendCaseEvents({ caseId, expectedVersion: version, events: appended });
    } catch (error) {
      if (!isVersionConflict(error)) throw error;
      await catchUpWithLog();
      return false;
    }
    for (const event of events) state = evolve(state, event);
    version += events.length;
    changed = true;
    publishSearchAttributes();
    // Never awaited here: a notification port that is down must not hold the case's commands.
    outbox.push(...noticesIn(caseId, appended));
    return true;
  };

  const catchUpWithLog = async (): Promise<void> => {
    const logged = await store.readCaseLog(caseId);
    const behind = version;
    for (const raw of logged.events.slice(version)) {
      state = evolve(state, upcast(raw as Parameters<typeof upcast>[0]) as CaseEvent);
      const commandId = raw.metadata?.['commandId'];
      if (typeof commandId === 'string') loggedCommands.add(commandId);
    }
    if (logged.events.length === behind) return;
    version = logged.events.length;
    changed = true;
    publishSearchAttributes();
    log.warn('the case log was ahead of the workflow; caught up with it', { caseId, from: behind, to: version });
  };

  const deliverNotices = async (): Promise<never> => {
    for (;;) {
      await condition(() => outbox.length > 0);
      const batch = outbox.slice();
      await notifications.deliverNotices(batch);
      outbox.splice(0, batch.length);
    }
  };
  void deliverNotices();

  const publishSearchAttributes = (): void => {
    const view = viewNow();
    if (!view) return;
    const next = searchValuesOf(view);
    const changes = searchAttributeChanges(visible, next);
    if (changes.length > 0) upsertSearchAttributes(changes);
    visible = next;
  };

  setHandler(
    caseCommandUpdate,
    async (command) => {
      if (command.type === 'OpenCase') openingReceived = true;
      const view = await queue.run(() => execute(command));
      // Only OpenCase can leave no case behind, and decide refuses it then; this is unreachable.
      if (!view) throw asFailure(new Error('the case does not exist'));
      return view;
    },
    {
      // Synchronous, on the state as it stands: a refused command is rejected before it enters history.
      validator: (command) => {
        if (command === null || typeof command !== 'object' || (command as CaseCommand).type === 'CheckClocks') {
          throw asFailure(new Error('not a command a person can send'));
        }
        // decided in the queue once the log is folded (a refusal there fails the update, nothing is appended)
        if (foldingLog) return;
        // likewise for a case this run never saw opened: the queue looks in the log first (see execute)
        if (state.status === 'none' && (command as CaseCommand).type !== 'OpenCase') return;
        try {
          validate(state, command, Date.now());
        } catch (error) {
          throw asFailure(error);
        }
      },
    },
  );
  setHandler(caseViewQuery, () => viewNow() ?? null);
  setHandler(caseVersionQuery, () => version);

  await folded;
  if (state.status !== 'none') publishSearchAttributes();
  // The opening of an update-with-start arrives in this first activation: let its jobs run before deciding
  // whether it came (this wait issues no command), so a normal case never pays for the check's timer.
  await condition(() => true);
  // Histories recorded before this check replay without it (patched is false there).
  if (state.status === 'none' && !openingReceived && !input.carried && patched('look-for-a-lost-opening')) {
    if (!(await condition(() => state.status !== 'none', LOST_OPENING_CHECK_MS))) {
      await queue.run(async () => {
        if (state.status === 'none') await catchUpWithLog();
      });
    }
  }

  for (;;) {
    const due = nextWakeUp(state);
    changed = false;
    const awake = (): boolean => changed || workflowInfo().continueAsNewSuggested;
    if (due === undefined) await condition(awake);
    else if (!(await condition(awake, Math.max(1, Math.max(due, notBefore) - Date.now())))) {
      await queue.run(() => checkClocks(due));
    }
    if (workflowInfo().continueAsNewSuggested) {
      // Let running commands finish so none is cut off, then carry the state to a fresh history.
      await condition(() => allHandlersFinished() && queue.idle);
      await continueAsNew<typeof protectionCase>({ caseId, carried: { state, version, outbox } });
    }
  }

  async function checkClocks(due: number): Promise<void> {
    const command: CaseCommand = { type: 'CheckClocks' };
    const events = decide(state, command, Date.now());
    // false: caught up with the log instead; the loop looks at the clocks again on the caught-up state
    if (events.length > 0) return void (await record(command, events));
    if (nextWakeUp(state) === due) {
      log.error('CheckClocks found nothing due at its wake-up time; looking again later', { caseId, due });
      notBefore = Date.now() + STALLED_CLOCK_RETRY_MS;
    }
  }
}
